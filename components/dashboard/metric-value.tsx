import { useFormatter, useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import { metricFormatter, type MetricFormatter, type MetricKind } from '@/lib/metrics/format';
import type { MetricValue } from '@/lib/metrics/value';

/**
 * A metric in a table cell: the value, its 95 % interval under it, greyed with "too few to judge"
 * when fewer than 30 units or responses stand behind it, and the review note when defects
 * outnumber opportunities.
 */
export function MetricValueCell({
  metric,
  kind,
  m: given,
}: {
  metric: MetricValue;
  kind: MetricKind;
  /** The caller's metric formatter, when it has one (the dashboard's remembers its texts). */
  m?: MetricFormatter;
}) {
  const own = metricFormatter(useTranslations('metrics'), useFormatter());
  const m = given ?? own;
  const interval = m.interval(metric.interval, kind);
  return (
    <span className={cn('flex flex-col', metric.tooFew && 'text-muted')} data-too-few={metric.tooFew ? '' : undefined}>
      <span className="tabular-nums">{m.metric(metric, kind)}</span>
      {metric.reason === 'more defects than opportunities' ? (
        <span className="text-xs text-warning">{m.reviewOpportunities()}</span>
      ) : null}
      {metric.tooFew ? <span className="text-xs italic">{m.tooFew()}</span> : null}
      {interval ? <span className="text-xs text-muted tabular-nums">{interval}</span> : null}
    </span>
  );
}
