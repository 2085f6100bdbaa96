'use client';

import { useFormatter, useTranslations } from 'next-intl';
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { axisProps, CHART, tooltipProps } from '@/components/charts/theme';

export interface StagedDatum {
  label: string;
  stage: 'before' | 'after';
  /** Percentages (0–100), null for a gap. */
  p: number | null;
  centre: number | null;
  ucl: number | null;
  lcl: number | null;
  signal: boolean;
}

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: StagedDatum;
  index?: number;
}

/** Out-of-control points are larger, red and square, so colour is not the only cue. */
function StageDot({ cx, cy, payload, index }: DotProps) {
  if (cx === undefined || cy === undefined || !payload || payload.p === null) return <g key={index} />;
  if (payload.signal)
    return <rect key={index} x={cx - 5} y={cy - 5} width={10} height={10} fill={CHART.danger} stroke={CHART.surface} />;
  return <circle key={index} cx={cx} cy={cy} r={3} fill={payload.stage === 'before' ? CHART.muted : CHART.primary} />;
}

/**
 * The staged p-chart of a case: the subgroups before the effective date T and from it on, each
 * stage with its own centre line and limits, and T marked.
 */
export function StagedPChart({ data, effectiveLabel }: { data: StagedDatum[]; effectiveLabel: string | null }) {
  const t = useTranslations('charts.pChart');
  const tCase = useTranslations('cases.chartStaged');
  const format = useFormatter();
  // A no-break space: recharts wraps a tick at a space, and "100.0 %" broke over two lines.
  const percent = (v: number) => format.number(v / 100, 'percent').replace(' ', '\u00a0');
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={CHART.border} strokeDasharray="3 3" />
        <XAxis dataKey="label" {...axisProps} minTickGap={16} />
        <YAxis
          {...axisProps}
          tickFormatter={percent}
          domain={[0, 'auto']}
          width={72}
          label={{ value: t('axis'), angle: -90, position: 'insideLeft', fill: CHART.muted, fontSize: 12 }}
        />
        <Tooltip
          {...tooltipProps}
          formatter={(value) => (typeof value === 'number' ? percent(value) : t('noInteractions'))}
        />
        <Legend wrapperStyle={{ color: CHART.foreground, fontSize: 12 }} />
        {effectiveLabel ? (
          <ReferenceLine
            x={effectiveLabel}
            stroke={CHART.foreground}
            strokeWidth={2}
            label={{ value: tCase('effective'), position: 'insideTopLeft', fill: CHART.foreground, fontSize: 12 }}
          />
        ) : null}
        <Line
          type="stepAfter"
          dataKey="centre"
          name={tCase('centre')}
          stroke={CHART.tertiary}
          strokeWidth={2}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line
          type="stepAfter"
          dataKey="ucl"
          name={t('ucl')}
          stroke={CHART.warning}
          strokeDasharray="5 4"
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line
          type="stepAfter"
          dataKey="lcl"
          name={t('lcl')}
          stroke={CHART.warning}
          strokeDasharray="2 3"
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="p"
          name={t('share')}
          stroke={CHART.primary}
          strokeWidth={2}
          dot={StageDot}
          activeDot={{ r: 5 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
