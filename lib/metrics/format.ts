import type { Interval, MetricValue } from './value';

export type MetricKind = 'count' | 'money' | 'dpmo' | 'dpu' | 'sigma' | 'share' | 'nps' | 'mean' | 'gap';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const signed = (text: string, value: number) =>
  value > 0 ? `+${text}` : value < 0 ? `−${text.replace('-', '')}` : text;

/** A metric as the dashboard shows it: the reason in words when there is no number. */
export function formatMetric(metric: MetricValue | number, kind: MetricKind): string {
  const value = typeof metric === 'number' ? metric : metric.value;
  if (value === null) return (metric as MetricValue).reason ?? 'no data';
  switch (kind) {
    case 'count':
    case 'dpmo':
      return integer.format(value);
    case 'money':
      return money.format(value);
    case 'dpu':
      return value.toFixed(3);
    case 'sigma':
      return `${value.toFixed(2)} σ`;
    case 'share':
      return `${(value * 100).toFixed(1)} %`;
    case 'nps':
      return value.toFixed(0);
    case 'mean':
      return value.toFixed(2);
    case 'gap':
      return signed(value.toFixed(2), value);
  }
}

/** A change against the previous period: relative for counts and money, in the metric's own unit for rates. */
export function formatChange(change: number | null, kind: MetricKind): string | null {
  if (change === null) return null;
  switch (kind) {
    case 'count':
    case 'money':
      return `${signed((Math.abs(change) * 100).toFixed(1), change)} %`;
    case 'dpmo':
      return `${signed(integer.format(Math.abs(change)), change)} DPMO`;
    case 'dpu':
      return signed(Math.abs(change).toFixed(3), change);
    case 'sigma':
      return `${signed(Math.abs(change).toFixed(2), change)} σ`;
    case 'share':
      return `${signed((Math.abs(change) * 100).toFixed(1), change)} pts`;
    case 'nps':
      return `${signed(Math.abs(change).toFixed(0), change)} pts`;
    case 'mean':
    case 'gap':
      return signed(Math.abs(change).toFixed(2), change);
  }
}

/** A 95 % interval in the metric's own unit: "95 % CI 81.2–88.0 %". */
export function formatInterval(interval: Interval | undefined | null, kind: MetricKind): string | null {
  if (!interval) return null;
  const low = formatMetric(interval.low, kind);
  const high = formatMetric(interval.high, kind);
  const unit = kind === 'share' ? ' %' : '';
  return `95 % CI ${unit ? low.replace(unit, '') : low}–${high}`;
}

/** What a reader is told instead of a number that would mislead. */
export const TOO_FEW_LABEL = 'too few to judge';
export const REVIEW_OPPORTUNITIES =
  'More defects than opportunities: review this touchpoint’s opportunities per interaction.';
