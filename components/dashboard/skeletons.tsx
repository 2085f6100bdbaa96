import { useTranslations } from 'next-intl';

/** Placeholders while a section's numbers stream in. */
export function Skeleton({ className = 'h-72', label }: { className?: string; label: string }) {
  const t = useTranslations('dashboard.loading');
  return (
    <div
      role="status"
      aria-busy="true"
      className={`animate-pulse rounded-lg border border-border bg-surface p-4 shadow-sm ${className}`}
    >
      <span className="sr-only">{t('section', { section: label })}</span>
      <div className="h-4 w-1/3 rounded bg-border" />
      <div className="mt-4 h-3/4 rounded bg-border/60" />
    </div>
  );
}

export function KpiSkeleton() {
  const t = useTranslations('dashboard.loading');
  return (
    <div role="status" aria-busy="true" className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 xl:grid-cols-5">
      <span className="sr-only">{t('kpis')}</span>
      {Array.from({ length: 10 }, (_, i) => (
        <div key={i} className="h-28 animate-pulse rounded-lg border border-border bg-surface p-4 shadow-sm">
          <div className="h-3 w-1/2 rounded bg-border" />
          <div className="mt-3 h-6 w-2/3 rounded bg-border" />
        </div>
      ))}
    </div>
  );
}
