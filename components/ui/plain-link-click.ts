/** What a click event holds that says where it goes; React's and the DOM's mouse events both have it. */
type Click = Pick<MouseEvent, 'button' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'target'>;

/**
 * The link and address a plain left click opens in this tab, within this site; null for a click
 * with a modifier (a new tab or window), another button, a download, another target or another
 * origin, which the browser handles as it would. One rule for the dashboard's SoftLinks, the
 * chart tables' link and the navigation bar.
 */
export function plainLinkClick(event: Click): { link: HTMLAnchorElement; url: URL } | null {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (!link || link.hasAttribute('download') || (link.target && link.target !== '_self')) return null;
  const url = new URL(link.href, window.location.href);
  return url.origin === window.location.origin ? { link, url } : null;
}
