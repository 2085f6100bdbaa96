'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { plainLinkClick } from '@/components/ui/plain-link-click';

/** Longest a bar may stay without the address changing (a click that did not navigate after all). */
const GIVE_UP_MS = 15_000;

/** The address a plain click on a link or a GET form's submission opens in this tab, or null. */
function destination(event: Event): URL | null {
  if (event instanceof MouseEvent) return plainLinkClick(event)?.url ?? null;
  const form = event.target instanceof HTMLFormElement ? event.target : null;
  if (!form || form.method.toLowerCase() !== 'get' || (form.target && form.target !== '_self')) return null;
  const url = new URL(form.action, window.location.href);
  return url.origin === window.location.origin ? url : null;
}

/**
 * A thin bar across the top while a page is on the way. Links do not prefetch, so a click waits
 * for the server's render, and most links (table rows, sort headers, the dashboard's numbers) have
 * no pending state of their own. Next.js has no router events: the bar starts on a click on a
 * same-origin link to another address (or a GET form's submission) and ends when the address
 * changes, whoever navigated (a Link, the dashboard's SoftLinks, the browser).
 */
export function NavigationProgress() {
  const here = `${usePathname()}?${useSearchParams().toString()}`;
  const [waitingAt, setWaitingAt] = useState<string | null>(null);
  // The address changed: the page arrived.
  if (waitingAt !== null && waitingAt !== here) setWaitingAt(null);

  useEffect(() => {
    const start = (event: Event) => {
      const url = destination(event);
      if (!url) return;
      // Another spot on the same page (a #fragment) loads nothing.
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      // Where it waits from, written as `here` is.
      setWaitingAt(`${window.location.pathname}?${new URLSearchParams(window.location.search).toString()}`);
    };
    document.addEventListener('click', start);
    document.addEventListener('submit', start);
    return () => {
      document.removeEventListener('click', start);
      document.removeEventListener('submit', start);
    };
  }, []);

  useEffect(() => {
    if (waitingAt === null) return;
    const timer = setTimeout(() => setWaitingAt(null), GIVE_UP_MS);
    return () => clearTimeout(timer);
  }, [waitingAt]);

  const pending = waitingAt !== null;
  return (
    <div
      aria-hidden="true"
      data-testid="navigation-progress"
      data-pending={pending ? 'true' : undefined}
      className={cn(
        'pointer-events-none fixed inset-x-0 top-0 z-50 h-1 bg-primary transition-opacity',
        // Shown only when a page takes a moment, so quick ones do not flash.
        pending ? 'opacity-100 delay-150 motion-safe:animate-pulse' : 'opacity-0',
      )}
    />
  );
}
