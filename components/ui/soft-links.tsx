'use client';

import { useRouter } from 'next/navigation';
import type { MouseEvent, ReactNode } from 'react';

/**
 * Client-side navigation for the plain links inside: one click handler for a whole region instead
 * of a next/link client component per link. The dashboard's tables and heat map hold hundreds of
 * links; as `Link`s each was a client component to render on the server, to serialise into the
 * page and to hydrate. A click on an `<a>` here (Enter on one clicks it too) is taken over by the
 * router, as `Link` would; a modified click (new tab, download), another target or another origin
 * is left to the browser.
 */
export function SoftLinks({ className, children }: { className?: string; children: ReactNode }) {
  const router = useRouter();
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link || !event.currentTarget.contains(link) || link.hasAttribute('download')) return;
    if (link.target && link.target !== '_self') return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    router.push(`${url.pathname}${url.search}${url.hash}`);
  };
  return (
    // The links inside are real anchors, focusable and announced as links; this only listens.
    <div className={className} onClick={onClick}>
      {children}
    </div>
  );
}
