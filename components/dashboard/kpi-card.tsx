import { cn } from '@/components/ui/cn';

/** The card's own words (messages `dashboard.kpi.*`), from the section's remembering translator. */
export type KpiWords = (
  key: 'link' | 'linkTooFew' | 'tooFew' | 'versus' | 'noComparison' | 'tone',
  values?: Record<string, string>,
) => string;

export interface KpiCardProps {
  label: string;
  value: string;
  href: string;
  /** What the link opens, for screen readers: "the 1,234 interactions behind this number". */
  linkLabel: string;
  change: string | null;
  /** The sign of the change, for the arrow. */
  direction: 'up' | 'down' | 'flat';
  /** Whether the change is good news, bad news, or neither. */
  tone: 'better' | 'worse' | 'neutral';
  previousLabel: string;
  hint?: string;
  /** The value's 95 % interval, formatted. */
  interval?: string | null;
  /** Fewer than 30 units or responses: the value is greyed and never coloured good or bad. */
  tooFew?: boolean;
  /** A problem with the data itself (more defects than opportunities), said in words. */
  warning?: string;
  t: KpiWords;
}

/** The change's arrow: shown, not read (the tone is said in words). */
const ARROWS = { up: '▲ ', down: '▼ ', flat: '' } as const;

/** One KPI: its value (a drill-down link) and its change against the previous period. */
export function KpiCard({
  label,
  value,
  href,
  linkLabel,
  change,
  direction,
  tone: changeTone,
  previousLabel,
  hint,
  interval,
  tooFew,
  warning,
  t,
}: KpiCardProps) {
  const tone = tooFew ? 'neutral' : changeTone;
  return (
    <div
      className={cn('@container rounded-lg border border-border bg-surface p-4 shadow-sm', tooFew && 'border-dashed')}
      data-too-few={tooFew ? '' : undefined}
    >
      <dt className="text-sm text-muted">{label}</dt>
      {/* Sized by the card's own width, not the window's: five cards a row at 1280 px leave too
          little room for a large amount ("1.034.461 £") at the larger size. */}
      <dd
        className={cn(
          'mt-1 text-xl font-semibold tabular-nums [overflow-wrap:anywhere] @[11rem]:text-2xl',
          tooFew && 'text-muted',
        )}
      >
        <a
          href={href}
          className="underline-offset-4 hover:underline focus-visible:underline"
          aria-label={t(tooFew ? 'linkTooFew' : 'link', { label, value, target: linkLabel })}
        >
          {value}
        </a>
      </dd>
      {tooFew ? <dd className="text-xs font-medium text-muted italic">{t('tooFew')}</dd> : null}
      {warning ? <dd className="mt-1 text-xs text-warning">{warning}</dd> : null}
      {interval ? <dd className="mt-1 text-xs text-muted tabular-nums">{interval}</dd> : null}
      <dd
        className={cn(
          'mt-1 text-xs tabular-nums',
          tone === 'better' ? 'text-success' : tone === 'worse' ? 'text-danger' : 'text-muted',
        )}
      >
        {change ? (
          <>
            <span aria-hidden="true">{ARROWS[direction]}</span>
            {change} <span className="text-muted">{t('versus', { period: previousLabel })}</span>
            {tone !== 'neutral' ? <span className="sr-only">{t('tone', { tone })}</span> : null}
          </>
        ) : (
          <span className="text-muted">{t('noComparison', { period: previousLabel })}</span>
        )}
      </dd>
      {hint ? <dd className="mt-1 text-xs text-muted">{hint}</dd> : null}
    </div>
  );
}
