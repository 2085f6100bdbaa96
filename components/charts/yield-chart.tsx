'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Bar, CartesianGrid, ComposedChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART, tooltipProps } from './theme';

export interface YieldDatum {
  /** The journey stage. */
  label: string;
  /** Rolled yield after the stage, 0–100. */
  cumulative: number;
  /** Points of yield the stage takes away, 0–100. */
  lost: number;
}

/**
 * The journey's yield as a waterfall: each stage's bar is the yield that reaches it, split into
 * what passes the stage defect-free and the part lost there, so the bars step down stage by stage.
 */
export function YieldChart({ data }: { data: YieldDatum[] }) {
  const t = useTranslations('charts.yield');
  const format = useFormatter();
  const percent = (v: number) => format.number(v / 100, 'percent');
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={CHART.border} strokeDasharray="3 3" />
        <XAxis dataKey="label" {...axisProps} interval={0} />
        <YAxis
          {...axisProps}
          domain={[0, 100]}
          tickFormatter={(v: number) => format.number(v / 100, { style: 'percent', maximumFractionDigits: 0 })}
          width={56}
          label={{ value: t('axis'), angle: -90, position: 'insideLeft', fill: CHART.muted, fontSize: 12 }}
        />
        <Tooltip
          {...tooltipProps}
          formatter={(value) => (typeof value === 'number' ? percent(value) : String(value))}
        />
        <Legend wrapperStyle={{ color: CHART.foreground, fontSize: 12 }} />
        <Bar dataKey="cumulative" stackId="yield" name={t('after')} fill={CHART.primary} isAnimationActive={false} />
        <Bar dataKey="lost" stackId="yield" name={t('lost')} fill={CHART.danger} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
