import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The app's one link: next/link with prefetching off. Every page here is rendered per request, so
 * a prefetch brings only the route's frame and metadata, yet costs the server ~20 ms per link in
 * view (a list page held 20–40: several times the page's own render) and the click still fetches
 * the page. Off, a click is one request for the page. docs/performance.md, "Prefetching".
 */
export function Link(props: Omit<ComponentProps<typeof NextLink>, 'prefetch'>) {
  return <NextLink {...props} prefetch={false} />;
}

// For a hint inside a Link while its page loads: with prefetching off, a click waits on the server.
export { useLinkStatus } from 'next/link';
