import { filtersToSearchParams } from '@/lib/validation/filters';

export type UrlState = Record<string, string | string[] | number | undefined>;

/** The list's query with some parameters replaced; `undefined` drops one. */
export function listParams(state: UrlState, changes: UrlState = {}): URLSearchParams {
  const merged: Record<string, unknown> = { ...state, ...changes };
  // Defaults stay out of the URL, so links are short and shareable.
  if (merged.page === 1) delete merged.page;
  if (merged.view === 'list') delete merged.view;
  return filtersToSearchParams(merged);
}

/** The list's URL with some parameters replaced; `undefined` drops one. */
export function listHref(path: string, state: UrlState, changes: UrlState = {}): string {
  const query = listParams(state, changes).toString();
  return query ? `${path}?${query}` : path;
}
