import type { useFormatter } from 'next-intl';
import type { Interval, MetricValue } from './value';

export type MetricKind = 'count' | 'money' | 'dpmo' | 'dpu' | 'sigma' | 'share' | 'nps' | 'mean' | 'gap';

/** The change as the card shows it: rounded to the digits it is written with. */
function shownChange(change: number, kind: MetricKind): number {
  const digits: Record<MetricKind, { scale: number; places: number }> = {
    count: { scale: 100, places: 1 },
    money: { scale: 100, places: 1 },
    share: { scale: 100, places: 1 },
    dpmo: { scale: 1, places: 0 },
    nps: { scale: 1, places: 0 },
    dpu: { scale: 1, places: 3 },
    sigma: { scale: 1, places: 2 },
    mean: { scale: 1, places: 2 },
    gap: { scale: 1, places: 2 },
  };
  const { scale, places } = digits[kind];
  const rounded = Number((change * scale).toFixed(places)) / scale;
  return rounded === 0 ? 0 : rounded; // never −0
}

/**
 * Which way a change points, judged on the change as shown: a change that rounds to zero
 * ("0.0 pts") is flat, so it gets no arrow and no good or bad colour.
 */
export function changeDirection(change: number | null, kind: MetricKind): 'up' | 'down' | 'flat' {
  if (change === null) return 'flat';
  const shown = shownChange(change, kind);
  return shown > 0 ? 'up' : shown < 0 ? 'down' : 'flat';
}

/*
 * The same, in the reader's language and the company's locale and currency (docs/i18n.md):
 * `metricFormatter(t, format)` with `t` for the `metrics` namespace (useTranslations('metrics') /
 * await getTranslations('metrics')) and next-intl's formatter (useFormatter() / await getFormatter()).
 */
type MetricWords = (
  key:
    | 'reason.noData'
    | 'reason.noDefects'
    | 'reason.everyOpportunityDefective'
    | 'reason.moreDefectsThanOpportunities'
    | 'sigma'
    | 'dpmoChange'
    | 'sharePoints'
    | 'npsPoints'
    | 'interval'
    | 'tooFew'
    | 'reviewOpportunities',
  values?: Record<string, string | number>,
) => string;

/** next-intl's formatter (useFormatter() / await getFormatter()): only its numbers are needed. */
type NumberFormatter = Pick<ReturnType<typeof useFormatter>, 'number'>;

const REASON_KEYS = {
  'no data': 'reason.noData',
  'no defects': 'reason.noDefects',
  'every opportunity defective': 'reason.everyOpportunityDefective',
  'more defects than opportunities': 'reason.moreDefectsThanOpportunities',
} as const;

export function metricFormatter(t: MetricWords, format: NumberFormatter) {
  const fixed = (digits: number, sign = false) => ({
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: sign ? ('exceptZero' as const) : ('auto' as const),
  });
  // A typographic minus (−), not a hyphen.
  const minus = (text: string) => text.replace('-', '−');
  const metricText = (metric: MetricValue | number, kind: MetricKind): string => {
    const value = typeof metric === 'number' ? metric : metric.value;
    if (value === null) return t(REASON_KEYS[(metric as MetricValue).reason ?? 'no data']);
    switch (kind) {
      case 'count':
      case 'dpmo':
        return format.number(value, 'integer');
      case 'money':
        return format.number(value, 'money');
      case 'dpu':
        return format.number(value, fixed(3));
      case 'sigma':
        return t('sigma', { value: format.number(value, 'decimal2') });
      case 'share':
        return format.number(value, 'percent');
      case 'nps':
        return minus(format.number(value, 'integer'));
      case 'mean':
        return format.number(value, 'decimal2');
      case 'gap':
        return minus(format.number(value, fixed(2, true)));
    }
  };
  return {
    metric: metricText,
    /** A change against the previous period: relative for counts and money, in the metric's own unit for rates. */
    change(raw: number | null, kind: MetricKind): string | null {
      if (raw === null) return null;
      const change = shownChange(raw, kind);
      switch (kind) {
        case 'count':
        case 'money':
          return minus(format.number(change, { style: 'percent' as const, ...fixed(1, true) }));
        case 'dpmo':
          return t('dpmoChange', {
            value: minus(format.number(change, { maximumFractionDigits: 0, signDisplay: 'exceptZero' as const })),
          });
        case 'dpu':
          return minus(format.number(change, fixed(3, true)));
        case 'sigma':
          return t('sigma', { value: minus(format.number(change, fixed(2, true))) });
        case 'share':
          return t('sharePoints', { value: minus(format.number(change * 100, fixed(1, true))) });
        case 'nps':
          return t('npsPoints', { value: minus(format.number(change, fixed(0, true))) });
        case 'mean':
        case 'gap':
          return minus(format.number(change, fixed(2, true)));
      }
    },
    /** A 95 % interval in the metric's own unit ("95% CI 81.2–88.0%"). */
    interval(interval: Interval | undefined | null, kind: MetricKind): string | null {
      if (!interval) return null;
      // A share names its unit once, after the upper end.
      const low = kind === 'share' ? format.number(interval.low * 100, 'decimal1') : metricText(interval.low, kind);
      return t('interval', { low, high: metricText(interval.high, kind) });
    },
    tooFew: () => t('tooFew'),
    reviewOpportunities: () => t('reviewOpportunities'),
  };
}

export type MetricFormatter = ReturnType<typeof metricFormatter>;
