'use client';

import { useRouter } from 'next/navigation';
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
import { axisProps, CHART, tooltipProps } from './theme';

export interface PChartDatum {
  label: string;
  /** Percentages (0–100), null for a gap. */
  p: number | null;
  ucl: number | null;
  lcl: number | null;
  signal: boolean;
  /** Too small a subgroup for the limits, or still in progress: drawn hollow, never a signal. */
  hollow: boolean;
  /** The subgroup's defective interactions: where a click on its point goes, as its table link does. */
  href?: string;
}

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: PChartDatum;
  index?: number;
}

/**
 * A point on the p-chart: out-of-control points are larger, red and square, so colour is not the
 * only cue. A click opens the subgroup's defective interactions; keyboard users reach the same
 * links in the chart's table.
 */
function SignalDot({ cx, cy, payload, index, onOpen }: DotProps & { onOpen: (href: string) => void }) {
  if (cx === undefined || cy === undefined || !payload || payload.p === null) return <g key={index} />;
  return (
    <g
      key={index}
      style={payload.href ? { cursor: 'pointer' } : undefined}
      onClick={payload.href ? () => onOpen(payload.href!) : undefined}
      data-href={payload.href}
    >
      {/* A larger, invisible target, so a point is easy to hit with a finger. */}
      <circle cx={cx} cy={cy} r={9} fill="transparent" />
      {payload.hollow ? (
        <circle cx={cx} cy={cy} r={4} fill={CHART.surface} stroke={CHART.primary} strokeWidth={2} data-hollow="" />
      ) : payload.signal ? (
        <rect x={cx - 5} y={cy - 5} width={10} height={10} fill={CHART.danger} stroke={CHART.surface} />
      ) : (
        <circle cx={cx} cy={cy} r={3} fill={CHART.primary} />
      )}
    </g>
  );
}

/** Share of defective interactions per subgroup, the centre line p̄ and each subgroup's control limits. */
export function PChart({
  data,
  centre,
  laney = false,
}: {
  data: PChartDatum[];
  centre: number | null;
  /** The limits are Laney's p′ limits. */
  laney?: boolean;
}) {
  const t = useTranslations('charts.pChart');
  const format = useFormatter();
  const router = useRouter();
  const open = (href: string) => router.push(href);
  // A no-break space: recharts wraps a tick at a space, and "100.0 %" broke over two lines.
  const percent = (v: number) => format.number(v / 100, 'percent').replace(' ', '\u00a0');
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
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
        {centre !== null ? (
          <ReferenceLine
            y={centre}
            stroke={CHART.tertiary}
            strokeWidth={2}
            label={{
              value: t('centre', { value: percent(centre) }),
              position: 'insideTopRight',
              fill: CHART.foreground,
              fontSize: 12,
            }}
          />
        ) : null}
        <Line
          type="stepAfter"
          dataKey="ucl"
          name={laney ? t('uclLaney') : t('ucl')}
          stroke={CHART.warning}
          strokeDasharray="5 4"
          dot={false}
          activeDot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line
          type="stepAfter"
          dataKey="lcl"
          name={laney ? t('lclLaney') : t('lcl')}
          stroke={CHART.warning}
          strokeDasharray="2 3"
          dot={false}
          activeDot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="p"
          name={t('share')}
          stroke={CHART.primary}
          strokeWidth={2}
          dot={(props: DotProps) => <SignalDot {...props} key={props.index} onOpen={open} />}
          // No active dots, here or on the limits: drawn over the hovered point as the pointer
          // arrives, one took the mouse-up from the point that had the mouse-down, so the click
          // reached neither and the point did not drill down.
          activeDot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
