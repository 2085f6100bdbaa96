'use client';

import { useRouter } from 'next/navigation';
import type { MouseEvent, ReactNode } from 'react';
import { plainLinkClick } from './plain-link-click';

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
    if (event.defaultPrevented) return;
    const click = plainLinkClick(event);
    if (!click || !event.currentTarget.contains(click.link)) return;
    const { url } = click;
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
