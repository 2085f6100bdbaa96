/**
 * A number the dashboard or the API shows, or the reason there is none. Never NaN or Infinity:
 * with no interactions every rate is "no data"; with no defects the sigma level is unbounded.
 * Beside the value: its 95 % interval where it has one, and whether too few units or responses
 * stand behind it to judge it (docs/metrics-second-version.md).
 */
export type MetricValue = ({ value: number; reason?: undefined } | { value: null; reason: MissingReason }) & {
  /** The 95 % interval (Wilson for shares, ±1.96 SE for NPS), in the value's own unit. */
  interval?: Interval;
  /** Fewer than 30 units or responses: shown greyed, never coloured as good or bad. */
  tooFew?: boolean;
};

export interface Interval {
  low: number;
  high: number;
}

export type MissingReason =
  'no data' | 'no defects' | 'every opportunity defective' | 'more defects than opportunities';

export const NO_DATA: MetricValue = { value: null, reason: 'no data' };

/** Wraps a computed number, refusing anything that is not finite. */
export function metric(value: number): MetricValue {
  return Number.isFinite(value) ? { value } : NO_DATA;
}

/** Change of a metric against the previous period: absent when either side has no value. */
export function change(current: MetricValue, previous: MetricValue): number | null {
  if (current.value === null || previous.value === null) return null;
  const delta = current.value - previous.value;
  return Number.isFinite(delta) ? delta : null;
}

/** Relative change of a count (0.25 = 25 % more); absent when the previous count is zero. */
export function relativeChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return (current - previous) / previous;
}
