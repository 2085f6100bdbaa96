import { cn } from '@/components/ui/cn';
import {
  formatInterval,
  formatMetric,
  REVIEW_OPPORTUNITIES,
  TOO_FEW_LABEL,
  type MetricKind,
} from '@/lib/metrics/format';
import type { MetricValue } from '@/lib/metrics/value';

/**
 * A metric in a table cell: the value, its 95 % interval under it, greyed with "too few to judge"
 * when fewer than 30 units or responses stand behind it, and the review note when defects
 * outnumber opportunities.
 */
export function MetricValueCell({ metric, kind }: { metric: MetricValue; kind: MetricKind }) {
  const interval = formatInterval(metric.interval, kind);
  return (
    <span className={cn('flex flex-col', metric.tooFew && 'text-muted')} data-too-few={metric.tooFew ? '' : undefined}>
      <span className="tabular-nums">{formatMetric(metric, kind)}</span>
      {metric.reason === 'more defects than opportunities' ? (
        <span className="text-xs text-warning">{REVIEW_OPPORTUNITIES}</span>
      ) : null}
      {metric.tooFew ? <span className="text-xs italic">{TOO_FEW_LABEL}</span> : null}
      {interval ? <span className="text-xs text-muted tabular-nums">{interval}</span> : null}
    </span>
  );
}
