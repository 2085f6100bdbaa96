import { filtersToSearchParams } from '@/lib/validation/filters';

export type UrlState = Record<string, string | string[] | number | undefined>;

/** The list's URL with some parameters replaced; `undefined` drops one. */
export function listHref(path: string, state: UrlState, changes: UrlState = {}): string {
  const merged: Record<string, unknown> = { ...state, ...changes };
  // Defaults stay out of the URL, so links are short and shareable.
  if (merged.page === 1) delete merged.page;
  if (merged.view === 'list') delete merged.view;
  const query = filtersToSearchParams(merged).toString();
  return query ? `${path}?${query}` : path;
}
