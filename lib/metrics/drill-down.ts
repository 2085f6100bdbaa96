import { COUNTED_DEFECT_STATUSES, filtersToSearchParams, type ScopeFilters } from '@/lib/validation/filters';

type Scope = Pick<ScopeFilters, 'from' | 'to' | 'touchpoint' | 'stage' | 'channel' | 'segment'>;

const scopeOf = ({ from, to, touchpoint, stage, channel, segment }: Scope) => ({
  from,
  to,
  touchpoint,
  stage,
  channel,
  segment,
});

/** The interactions list filtered to exactly the interactions behind a number. */
export function interactionsHref(scope: Scope, extra: Record<string, string | string[] | undefined> = {}): string {
  return `/interactions?${filtersToSearchParams({ ...scopeOf(scope), ...extra }).toString()}`;
}

/** The defects list filtered to exactly the defects behind a number: every status but dismissed. */
export function defectsHref(scope: Scope, extra: Record<string, string | string[] | undefined> = {}): string {
  return `/defects?${filtersToSearchParams({ ...scopeOf(scope), status: [...COUNTED_DEFECT_STATUSES], ...extra }).toString()}`;
}
