'use client';

import { useId, useRef, useState } from 'react';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';

/**
 * On phones the navigation hides behind a Menu button (a disclosure: aria-expanded on the
 * button, Escape closes it and returns focus); from md up the panel is always shown as the
 * sidebar. The menu remembers the page it was opened on, so following a link closes it.
 */
export function NavMenu({ brand, children }: { brand: React.ReactNode; children: React.ReactNode }) {
  const t = useTranslations('shell');
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);

  return (
    <>
      <div className="flex items-center justify-between px-4 py-3 md:py-5">
        {brand}
        <button
          ref={buttonRef}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpenOn(open ? null : pathname)}
          className="inline-flex min-h-10 items-center gap-2 rounded-md border border-border px-3 text-sm font-medium hover:bg-background md:hidden"
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
            {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
          </svg>
          {t('menu')}
        </button>
      </div>
      <div
        id={panelId}
        className={cn(
          open ? 'flex' : 'hidden',
          'flex-col border-t border-border md:flex md:min-h-0 md:flex-1 md:border-t-0',
        )}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            setOpenOn(null);
            buttonRef.current?.focus();
          }
        }}
      >
        {children}
      </div>
    </>
  );
}
