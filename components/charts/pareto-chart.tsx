'use client';

import { useRouter } from 'next/navigation';
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { axisProps, CHART, tooltipProps } from './theme';

export interface ParetoDatum {
  label: string;
  /** Defects, or lost revenue in pounds, as the chart ranks by. */
  value: number;
  /** 0–100 */
  cumulative: number;
  vitalFew: boolean;
  href: string;
}

const integer = new Intl.NumberFormat('en-GB');
const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** Defects by category as bars (the vital few in the strong colour), with the cumulative share as a line. */
export function ParetoChart({ data, measure = 'count' }: { data: ParetoDatum[]; measure?: 'count' | 'revenue' }) {
  const router = useRouter();
  const format = (v: number) => (measure === 'revenue' ? money.format(v) : integer.format(v));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 32 }}>
        <CartesianGrid stroke={CHART.border} strokeDasharray="3 3" />
        <XAxis dataKey="label" {...axisProps} interval={0} angle={-25} textAnchor="end" height={90} />
        <YAxis
          yAxisId="count"
          {...axisProps}
          tickFormatter={format}
          width={72}
          label={{
            value: measure === 'revenue' ? 'lost revenue (£)' : 'defects',
            angle: -90,
            position: 'insideLeft',
            fill: CHART.muted,
            fontSize: 12,
          }}
        />
        <YAxis
          yAxisId="share"
          orientation="right"
          {...axisProps}
          domain={[0, 100]}
          tickFormatter={(v: number) => `${v} %`}
          width={56}
        />
        <Tooltip
          {...tooltipProps}
          formatter={(value, name) =>
            typeof value === 'number'
              ? name === 'Cumulative share'
                ? `${value.toFixed(1)} %`
                : format(value)
              : String(value)
          }
        />
        <Legend wrapperStyle={{ color: CHART.foreground, fontSize: 12 }} />
        <ReferenceLine
          yAxisId="share"
          y={80}
          stroke={CHART.muted}
          strokeDasharray="4 4"
          label={{ value: '80 %', position: 'insideTopLeft', fill: CHART.muted, fontSize: 12 }}
        />
        <Bar
          yAxisId="count"
          dataKey="value"
          name={measure === 'revenue' ? 'Lost revenue' : 'Defects'}
          fill={CHART.secondary}
          isAnimationActive={false}
          cursor="pointer"
          onClick={(entry: { payload?: ParetoDatum }) => {
            if (entry.payload?.href) router.push(entry.payload.href);
          }}
        >
          {data.map((d) => (
            <Cell key={d.label} fill={d.vitalFew ? CHART.secondary : CHART.muted} />
          ))}
        </Bar>
        <Line
          yAxisId="share"
          type="monotone"
          dataKey="cumulative"
          name="Cumulative share"
          stroke={CHART.primary}
          strokeWidth={2}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
