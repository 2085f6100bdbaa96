'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART, tooltipProps } from './theme';

export interface TrendDatum {
  label: string;
  dpmo: number | null;
  sigma: number | null;
}

/** DPMO (left axis) and sigma level (right axis) per subgroup; gaps where there is no number. */
export function TrendChart({ data }: { data: TrendDatum[] }) {
  const t = useTranslations('charts.trend');
  const format = useFormatter();
  const integer = (v: number) => format.number(v, 'integer');
  const sigmaName = t('sigma');
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={CHART.border} strokeDasharray="3 3" />
        <XAxis dataKey="label" {...axisProps} minTickGap={16} />
        <YAxis
          yAxisId="dpmo"
          {...axisProps}
          tickFormatter={integer}
          label={{ value: 'DPMO', angle: -90, position: 'insideLeft', fill: CHART.muted, fontSize: 12 }}
          width={72}
        />
        <YAxis
          yAxisId="sigma"
          orientation="right"
          {...axisProps}
          domain={[0, 'auto']}
          tickFormatter={(v: number) => format.number(v, { maximumFractionDigits: 2 })}
          label={{ value: t('sigmaAxis'), angle: 90, position: 'insideRight', fill: CHART.muted, fontSize: 12 }}
          width={56}
        />
        <Tooltip
          {...tooltipProps}
          formatter={(value, name) =>
            typeof value === 'number'
              ? name === sigmaName
                ? t('sigmaValue', { value: format.number(value, 'decimal2') })
                : integer(value)
              : t('noData')
          }
        />
        <Legend wrapperStyle={{ color: CHART.foreground, fontSize: 12 }} />
        <Line
          yAxisId="dpmo"
          type="monotone"
          dataKey="dpmo"
          name="DPMO"
          stroke={CHART.secondary}
          strokeWidth={2}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line
          yAxisId="sigma"
          type="monotone"
          dataKey="sigma"
          name={sigmaName}
          stroke={CHART.primary}
          strokeWidth={2}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
