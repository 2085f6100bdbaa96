'use client';

import { useRouter } from 'next/navigation';
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { plainLinkClick } from '@/components/ui/plain-link-click';

/**
 * A chart's table, rendered by the server only while it is open (the dashboard's tables were a
 * quarter of its page and of its render; docs/performance.md). Opening or closing it replaces the
 * URL with `href`, the same view with this table shown or hidden, so the open tables are part of
 * the view like its other choices and survive a change of filters. Without JavaScript the link
 * inside does the same.
 */
export function TableDetails({
  summary,
  shown,
  href,
  loadLabel,
  loadingLabel,
  children,
}: {
  summary: string;
  /** Whether the server rendered the table (the URL lists it). */
  shown: boolean;
  /** This view with the table's state toggled. */
  href: string;
  loadLabel: string;
  loadingLabel: string;
  children: ReactNode;
}) {
  const router = useRouter();
  // The view asked for; while the page still offers that same toggle, the answer has not come.
  const [requested, setRequested] = useState<string | null>(null);
  // The answer came (the toggle changed): forget the request, so a later same toggle is not pending.
  if (requested !== null && requested !== href) setRequested(null);
  const pending = requested === href;
  // In place: no history entry and no scroll, as a native <details> toggles.
  const load = () => {
    setRequested(href);
    router.replace(href, { scroll: false });
  };
  const onToggle = (event: SyntheticEvent<HTMLDetailsElement>) => {
    // Also fired when the page itself opens it (a URL listing the table): nothing to fetch then.
    if (event.currentTarget.open === shown) return;
    load();
  };
  return (
    <details className="mt-3 text-sm" open={shown} onToggle={onToggle}>
      <summary className="cursor-pointer text-primary underline-offset-2 hover:underline">{summary}</summary>
      <div className="mt-2 overflow-x-auto">
        {shown ? (
          children
        ) : pending ? (
          <p role="status" className="text-muted">
            {loadingLabel}
          </p>
        ) : (
          <a
            className="link"
            href={href}
            onClick={(event) => {
              if (!plainLinkClick(event)) return;
              event.preventDefault();
              load();
            }}
          >
            {loadLabel}
          </a>
        )}
      </div>
    </details>
  );
}
