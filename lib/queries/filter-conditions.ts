import 'server-only';
import {
  and,
  arrayContains,
  between,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  sql,
  type SQL,
  type SQLWrapper,
} from 'drizzle-orm';
import { NOT_DUE_STATUSES } from '@/lib/enums';
import { customers, defects, interactions, touchpoints } from '@/db/schema';
import { CSAT_UNHAPPY_MAX, NPS_DETRACTOR_MAX } from '@/db/score-bands';
import { companyToday, dayEnd, dayStart } from './zone';
import { NO_SEGMENT, type DefectFilters, type InteractionFilters, type ScopeFilters } from '@/lib/validation/filters';

/**
 * How one source expresses each dimension of the scope. The lists read the base tables and the
 * dashboard reads the daily rollups; both derive their WHERE clause from scopeConditions below, so
 * a filter means the same rows in both (the drill-down tests hold them to the same counts).
 */
export interface ScopeTarget {
  onOrAfter: (day: string) => SQL;
  onOrBefore: (day: string) => SQL;
  touchpointIn: (ids: string[]) => SQL;
  stageIn: (ids: string[]) => SQL;
  channelIn: (channels: string[]) => SQL;
  segmentIn: (ids: string[]) => SQL;
  /** "No segment", as the rollups count it: no customer, or a customer without a segment. */
  noSegment: () => SQL;
}

/** Period (whole UTC days), touchpoint, the touchpoint's stage and channel, and the customer's segment. */
export function scopeConditions(filters: ScopeFilters, target: ScopeTarget): SQL[] {
  const conditions: SQL[] = [];
  if (filters.from) conditions.push(target.onOrAfter(filters.from));
  if (filters.to) conditions.push(target.onOrBefore(filters.to));
  if (filters.touchpoint.length) conditions.push(target.touchpointIn(filters.touchpoint));
  if (filters.stage.length) conditions.push(target.stageIn(filters.stage));
  if (filters.channel.length) conditions.push(target.channelIn(filters.channel));
  if (filters.segment.length) {
    const segmentIds = filters.segment.filter((s) => s !== NO_SEGMENT);
    const either = [
      segmentIds.length ? target.segmentIn(segmentIds) : undefined,
      segmentIds.length < filters.segment.length ? target.noSegment() : undefined,
    ].filter((c): c is SQL => c !== undefined);
    conditions.push(either.length === 1 ? either[0]! : or(...either)!);
  }
  return conditions;
}

type Columns = {
  occurredAt: typeof interactions.occurredAt | typeof defects.occurredAt;
  touchpointId: typeof interactions.touchpointId | typeof defects.touchpointId;
  customerId: typeof interactions.customerId | typeof defects.customerId;
};

const touchpointsWhere = (condition: SQL | undefined) =>
  sql`(select ${touchpoints.id} from ${touchpoints} where ${condition})`;
const customersWhere = (condition: SQL | undefined) =>
  sql`(select ${customers.id} from ${customers} where ${condition})`;

/** The scope over interactions or defects rows. */
export const rowsTarget = (columns: Columns): ScopeTarget => ({
  // Days of the company's zone, as the rollups count them.
  onOrAfter: (day) => gte(columns.occurredAt, dayStart(day)),
  onOrBefore: (day) => lt(columns.occurredAt, dayEnd(day)),
  touchpointIn: (ids) => inArray(columns.touchpointId, ids),
  stageIn: (ids) => inArray(columns.touchpointId, touchpointsWhere(inArray(touchpoints.stageId, ids))),
  channelIn: (channels) =>
    inArray(
      columns.touchpointId,
      touchpointsWhere(inArray(touchpoints.channel, channels as (typeof touchpoints.channel.enumValues)[number][])),
    ),
  segmentIn: (ids) => inArray(columns.customerId, customersWhere(inArray(customers.segmentId, ids))),
  noSegment: () =>
    or(isNull(columns.customerId), inArray(columns.customerId, customersWhere(isNull(customers.segmentId))))!,
});

/** The scope over a daily rollup (alias r); stage and channel need touchpoints joined as tp. */
export const rollupTarget: ScopeTarget = {
  onOrAfter: (day) => sql`r.day >= ${day}::date`,
  onOrBefore: (day) => sql`r.day <= ${day}::date`,
  touchpointIn: (ids) => sql`r.touchpoint_id in ${ids}`,
  stageIn: (ids) => sql`tp.stage_id in ${ids}`,
  channelIn: (channels) => sql`tp.channel::text in ${channels}`,
  segmentIn: (ids) => sql`r.segment_id in ${ids}`,
  noSegment: () => sql`r.segment_id is null`,
};

/** What "has this score" means, as the rollups' response counts define it. */
const SCORED: Record<InteractionFilters['scored'][number], SQL> = {
  csat: isNotNull(interactions.csat),
  nps: isNotNull(interactions.nps),
  effort: isNotNull(interactions.effort),
  gap: and(isNotNull(interactions.expectation), isNotNull(interactions.experience))!,
};

const NPS_GROUP_RANGE: Record<InteractionFilters['npsGroup'][number], [number, number]> = {
  detractor: [0, 6],
  passive: [7, 8],
  promoter: [9, 10],
};

/**
 * The interactions whose comments the themes count: experience below expectation, an NPS
 * detractor, or CSAT ≤ 2 (docs/voice-of-customer.md). The themes' rollup triggers use the same
 * definition (`unhappy` in db/voice-rollup-sql.ts). Literals, not parameters, so the planner can use
 * the partial index interactions_unhappy_phrases_idx.
 */
export const unhappyInteraction = sql<boolean>`(${interactions.experience} < ${interactions.expectation} or ${interactions.nps} <= ${sql.raw(String(NPS_DETRACTOR_MAX))} or ${interactions.csat} <= ${sql.raw(String(CSAT_UNHAPPY_MAX))})`;

/**
 * The full-text query of a search box, in the company locale's text search configuration
 * (company_search_config(), migration comment-search-language): the one the notes are indexed in
 * (interactions.search_config), so stems match.
 */
export const notesQuery = (q: string) => sql`websearch_to_tsquery(company_search_config(), ${q})`;

/** The WHERE clause of every interactions question asked with these filters. */
export function interactionConditions(filters: InteractionFilters): SQL | undefined {
  const conditions = scopeConditions(filters, rowsTarget(interactions));
  if (filters.outcome.length) conditions.push(inArray(interactions.outcome, filters.outcome));
  if (filters.source.length) conditions.push(inArray(interactions.source, filters.source));
  if (filters.loggedBy.length) conditions.push(inArray(interactions.loggedById, filters.loggedBy));
  if (filters.customer) conditions.push(eq(interactions.customerId, filters.customer));
  if (filters.hasDefects === '1') conditions.push(gt(interactions.openDefectCount, 0));
  if (filters.hasDefects === '0') conditions.push(eq(interactions.openDefectCount, 0));
  for (const score of new Set(filters.scored)) conditions.push(SCORED[score]);
  if (filters.q) conditions.push(sql`${interactions.notesSearch} @@ ${notesQuery(filters.q)}`);
  if (filters.commented === '1') conditions.push(sql`${interactions.notes} ~ '[^[:space:]]'`);
  if (filters.commented === '0') conditions.push(sql`coalesce(${interactions.notes}, '') !~ '[^[:space:]]'`);
  if (filters.sentiment.length) conditions.push(inArray(interactions.sentiment, filters.sentiment));
  if (filters.npsGroup.length)
    conditions.push(
      or(...[...new Set(filters.npsGroup)].map((g) => between(interactions.nps, ...NPS_GROUP_RANGE[g])))!,
    );
  if (filters.below === '1') conditions.push(lt(interactions.experience, interactions.expectation));
  if (filters.csatMax !== undefined) conditions.push(lte(interactions.csat, filters.csatMax));
  if (filters.unhappy === '1') conditions.push(unhappyInteraction);
  if (filters.theme) conditions.push(arrayContains(interactions.commentPhrases, [filters.theme]));
  return conditions.length ? and(...conditions) : undefined;
}

/**
 * A defect is overdue when its follow-up date has passed and it still needs work: verified ones
 * wait only for a manager to close them. One definition for the list, the filter and My work. The
 * date passes at midnight in the company's zone (its today, not the database session's). Written
 * over columns so that the backlog rollup (defect_backlog_daily) asks the same question.
 */
export const overdueOn = (dueOn: SQLWrapper, status: SQLWrapper) =>
  sql<boolean>`(${dueOn} is not null and ${dueOn} < ${companyToday()} and ${status} not in (${sql.raw(
    NOT_DUE_STATUSES.map((s) => `'${s}'`).join(', '),
  )}))`;
export const overdueDefect = overdueOn(defects.dueOn, defects.status);

/** A defect's age (days since it was recorded) in the backlog's bands. */
export const AGE_BANDS = {
  '0-7': sql`${defects.createdAt} >= now() - interval '8 days'`,
  '8-30': sql`${defects.createdAt} < now() - interval '8 days' and ${defects.createdAt} >= now() - interval '31 days'`,
  '31-90': sql`${defects.createdAt} < now() - interval '31 days' and ${defects.createdAt} >= now() - interval '91 days'`,
  '90+': sql`${defects.createdAt} < now() - interval '91 days'`,
} as const;

/** The WHERE clause of every defects question asked with these filters. */
export function defectConditions(filters: DefectFilters): SQL | undefined {
  const conditions = scopeConditions(filters, rowsTarget(defects));
  if (filters.status.length) conditions.push(inArray(defects.status, filters.status));
  if (filters.kind.length) conditions.push(inArray(defects.kind, filters.kind));
  if (filters.category.length) conditions.push(inArray(defects.categoryId, filters.category));
  if (filters.severity.length) conditions.push(inArray(defects.severity, filters.severity));
  if (filters.owner.length) conditions.push(inArray(defects.ownerId, filters.owner));
  if (filters.customer) conditions.push(eq(defects.customerId, filters.customer));
  if (filters.interaction) conditions.push(eq(defects.interactionId, filters.interaction));
  if (filters.overdue === '1') {
    conditions.push(overdueDefect);
  }
  if (filters.unassigned === '1') conditions.push(isNull(defects.ownerId));
  if (filters.age) conditions.push(AGE_BANDS[filters.age]);
  if (filters.case) conditions.push(eq(defects.caseId, filters.case));
  if (filters.auto === '1') conditions.push(isNotNull(defects.autoRule));
  if (filters.auto === '0') conditions.push(isNull(defects.autoRule));
  return conditions.length ? and(...conditions) : undefined;
}
