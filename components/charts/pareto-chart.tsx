'use client';

import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';
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

const PHONE = '(max-width: 47.99rem)';
/** True on a phone-sized screen, where the category names stand upright and are cut short. */
function useNarrow(): boolean {
  return useSyncExternalStore(
    (change) => {
      const query = window.matchMedia(PHONE);
      query.addEventListener('change', change);
      return () => query.removeEventListener('change', change);
    },
    () => window.matchMedia(PHONE).matches,
    () => false,
  );
}

const shorten = (label: string, max: number) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

/** Defects by category as bars (the vital few in the strong colour), with the cumulative share as a line. */
export function ParetoChart({ data, measure = 'count' }: { data: ParetoDatum[]; measure?: 'count' | 'revenue' }) {
  const t = useTranslations('charts.pareto');
  const formatter = useFormatter();
  const router = useRouter();
  const format = (v: number) => formatter.number(v, measure === 'revenue' ? 'money' : 'integer');
  const share = (v: number) => formatter.number(v / 100, { style: 'percent', maximumFractionDigits: 0 });
  const cumulativeName = t('cumulative');
  const narrow = useNarrow();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: narrow ? 0 : 32 }}>
        <CartesianGrid stroke={CHART.border} strokeDasharray="3 3" />
        {/* On a phone each name stands upright under its bar, cut short, so no two overlap;
            the table below the chart has them in full. */}
        <XAxis
          dataKey="label"
          {...axisProps}
          interval={0}
          angle={narrow ? -90 : -25}
          textAnchor="end"
          height={narrow ? 110 : 90}
          tickFormatter={(label: string) => (narrow ? shorten(label, 16) : label)}
        />
        <YAxis
          yAxisId="count"
          {...axisProps}
          tickFormatter={format}
          width={narrow ? 56 : 72}
          label={{
            value: t('axis', { measure }),
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
          tickFormatter={share}
          width={narrow ? 44 : 56}
        />
        <Tooltip
          {...tooltipProps}
          formatter={(value, name) =>
            typeof value === 'number'
              ? name === cumulativeName
                ? formatter.number(value / 100, 'percent')
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
          label={{ value: share(80), position: 'insideTopLeft', fill: CHART.muted, fontSize: 12 }}
        />
        <Bar
          yAxisId="count"
          dataKey="value"
          name={t('bars', { measure })}
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
          name={cumulativeName}
          stroke={CHART.primary}
          strokeWidth={2}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
