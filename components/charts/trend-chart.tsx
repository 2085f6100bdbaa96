'use client';

import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART, tooltipProps } from './theme';

export interface TrendDatum {
  label: string;
  dpmo: number | null;
  sigma: number | null;
}

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** DPMO (left axis) and sigma level (right axis) per subgroup; gaps where there is no number. */
export function TrendChart({ data }: { data: TrendDatum[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={CHART.border} strokeDasharray="3 3" />
        <XAxis dataKey="label" {...axisProps} minTickGap={16} />
        <YAxis
          yAxisId="dpmo"
          {...axisProps}
          tickFormatter={(v: number) => integer.format(v)}
          label={{ value: 'DPMO', angle: -90, position: 'insideLeft', fill: CHART.muted, fontSize: 12 }}
          width={72}
        />
        <YAxis
          yAxisId="sigma"
          orientation="right"
          {...axisProps}
          domain={[0, 'auto']}
          label={{ value: 'sigma (σ)', angle: 90, position: 'insideRight', fill: CHART.muted, fontSize: 12 }}
          width={56}
        />
        <Tooltip
          {...tooltipProps}
          formatter={(value, name) =>
            typeof value === 'number'
              ? name === 'Sigma level'
                ? `${value.toFixed(2)} σ`
                : integer.format(value)
              : 'no data'
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
          name="Sigma level"
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
