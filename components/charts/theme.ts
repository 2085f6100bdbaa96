/** Chart colours come from the theme's CSS variables, so light and dark follow the page. */
export const CHART = {
  primary: 'var(--chart-1)',
  secondary: 'var(--chart-2)',
  tertiary: 'var(--chart-3)',
  warning: 'var(--chart-4)',
  danger: 'var(--danger)',
  muted: 'var(--muted)',
  border: 'var(--border)',
  foreground: 'var(--foreground)',
  surface: 'var(--surface)',
} as const;

export const axisProps = {
  stroke: CHART.muted,
  tick: { fill: CHART.muted, fontSize: 12 },
  tickLine: { stroke: CHART.border },
  axisLine: { stroke: CHART.border },
} as const;

export const tooltipProps = {
  contentStyle: {
    background: CHART.surface,
    border: `1px solid ${CHART.border}`,
    borderRadius: 6,
    color: CHART.foreground,
    fontSize: 12,
  },
  labelStyle: { color: CHART.foreground, fontWeight: 600 },
  itemStyle: { color: CHART.foreground },
} as const;
