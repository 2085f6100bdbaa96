'use client';

import { useFormatter } from 'next-intl';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART, tooltipProps } from './theme';

export interface ShareDatum {
  label: string;
  /** 0–100, or null where there is nothing to show. */
  value: number | null;
}

const PERCENT_SIGN = '%';

/** One share over time (defection per month, retention by months since first contact). */
export function ShareLineChart({ data, name, xLabel }: { data: ShareDatum[]; name: string; xLabel: string }) {
  const format = useFormatter();
  const percent = (v: number) => format.number(v / 100, 'percent');
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
        <CartesianGrid stroke={CHART.border} strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          {...axisProps}
          label={{ value: xLabel, position: 'insideBottom', offset: -8, fill: CHART.muted, fontSize: 12 }}
        />
        <YAxis
          {...axisProps}
          domain={[0, 'auto']}
          tickFormatter={(v: number) => format.number(v / 100, { style: 'percent', maximumFractionDigits: 0 })}
          width={56}
          label={{ value: PERCENT_SIGN, angle: -90, position: 'insideLeft', fill: CHART.muted, fontSize: 12 }}
        />
        <Tooltip
          {...tooltipProps}
          formatter={(value) => (typeof value === 'number' ? percent(value) : String(value))}
        />
        <Line
          type="monotone"
          dataKey="value"
          name={name}
          stroke={CHART.primary}
          strokeWidth={2}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
