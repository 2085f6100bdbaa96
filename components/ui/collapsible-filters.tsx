'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { cn } from './cn';

/**
 * A list's filter form, folded away on phones behind a "Filters" button so the list itself is on
 * the first screen; from md up it is always shown. The button says how many filters are applied.
 */
export function CollapsibleFilters({ activeCount = 0, children }: { activeCount?: number; children: React.ReactNode }) {
  const t = useTranslations('ui.filters');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="mb-4">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="mb-3 inline-flex min-h-10 items-center gap-2 rounded-md border border-border bg-surface px-4 text-sm font-medium hover:bg-background md:hidden"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="size-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        >
          <path d="M3 5h14M6 10h8M9 15h2" />
        </svg>
        {open ? t('hide') : t('show')}
        {activeCount > 0 ? (
          <span className="rounded-full bg-primary px-2 text-xs text-primary-foreground">
            {t('active', { count: activeCount })}
          </span>
        ) : null}
      </button>
      <div id={panelId} className={cn(open ? 'block' : 'hidden', 'md:block [&>*]:mb-0')}>
        {children}
      </div>
    </div>
  );
}
