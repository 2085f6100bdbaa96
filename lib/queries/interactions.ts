import 'server-only';
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, getReadTarget } from '@/db';
import { customers, defectCategories, defects, interactions, journeyStages, touchpoints, users } from '@/db/schema';
import type { InteractionFilters } from '@/lib/validation/filters';
import type { InteractionListExtras } from '@/lib/validation/interactions';
import { interactionConditions } from './filter-conditions';

export const INTERACTION_PAGE_SIZE = 50;
/**
 * A text search counts its matches only this far past the page shown: counting every match of a
 * common word visits a heap page per match (26,000 matches of "installers" in 1M interactions
 * cost ~190 ms; 10,000 still ~100 ms), and "more than 1,000" tells the reader as much. Lists
 * without `q` count exactly, since their totals are compared with the dashboard's numbers.
 */
export const SEARCH_COUNT_AHEAD = 1_000;
/** Characters of a comment the list shows. */
export const COMMENT_PREVIEW_CHARS = 140;

const sortColumns = {
  occurred: interactions.occurredAt,
  touchpoint: touchpoints.name,
  customer: customers.name,
  outcome: interactions.outcome,
  saleValue: interactions.saleValue,
  defects: interactions.openDefectCount,
} as const;
/**
 * The sort columns that can be null (sorted last either way). The others keep plain order, which
 * lets the planner walk the occurred_at index for a common search word instead of sorting every
 * match newest first.
 */
const nullableSorts = new Set<keyof typeof sortColumns>(['customer', 'saleValue']);

/**
 * One page of the interactions list as filtered, with the total that matches. With a text search
 * the total stops at SEARCH_COUNT_AHEAD rows past the page (`totalIsLowerBound`).
 */
export async function listInteractions({
  filters,
  sort,
  dir,
  page,
  countAhead = SEARCH_COUNT_AHEAD,
}: { filters: InteractionFilters; countAhead?: number } & InteractionListExtras) {
  const db = await getDb();
  const where = interactionConditions(filters);
  const order = dir === 'asc' ? asc : desc;
  const countCap = filters.q ? (page - 1) * INTERACTION_PAGE_SIZE + countAhead : null;
  const matches =
    countCap === null
      ? db.select({ n: count() }).from(interactions).where(where)
      : db.select({ n: count() }).from(
          db
            .select({ one: sql`1` })
            .from(interactions)
            .where(where)
            .limit(countCap + 1)
            .as('matches'),
        );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: interactions.id,
        occurredAt: interactions.occurredAt,
        touchpointName: touchpoints.name,
        stageName: journeyStages.name,
        channel: touchpoints.channel,
        customerId: interactions.customerId,
        customerName: customers.name,
        outcome: interactions.outcome,
        saleValue: interactions.saleValue,
        source: interactions.source,
        loggedByName: users.name,
        openDefectCount: interactions.openDefectCount,
        // The start of the comment: the list shows a line of it, the detail page the rest.
        comment: sql<string | null>`left(${interactions.notes}, ${COMMENT_PREVIEW_CHARS + 1})`,
        sentiment: interactions.sentiment,
        sentimentScore: interactions.sentimentScore,
        nps: interactions.nps,
        csat: interactions.csat,
        expectation: interactions.expectation,
        experience: interactions.experience,
      })
      .from(interactions)
      .innerJoin(touchpoints, eq(touchpoints.id, interactions.touchpointId))
      .innerJoin(journeyStages, eq(journeyStages.id, touchpoints.stageId))
      .leftJoin(customers, eq(customers.id, interactions.customerId))
      .leftJoin(users, eq(users.id, interactions.loggedById))
      .where(where)
      // Nulls last either way, and the id as a tie-breaker, so pages never overlap.
      .orderBy(
        nullableSorts.has(sort) ? sql`${order(sortColumns[sort])} nulls last` : order(sortColumns[sort]),
        order(interactions.id),
      )
      .limit(INTERACTION_PAGE_SIZE)
      .offset((page - 1) * INTERACTION_PAGE_SIZE),
    matches,
  ]);
  const n = total?.n ?? 0;
  const totalIsLowerBound = countCap !== null && n > countCap;
  return { rows, total: totalIsLowerBound ? countCap : n, totalIsLowerBound, pageSize: INTERACTION_PAGE_SIZE };
}

function interactionExportPage(
  db: Awaited<ReturnType<typeof getDb>>,
  where: SQL | undefined,
  keyset: SQL | undefined,
  pageSize: number,
) {
  return db
    .select({
      id: interactions.id,
      occurredAt: interactions.occurredAt,
      customerId: interactions.customerId,
      customerExternalRef: customers.externalRef,
      customerEmail: customers.email,
      customerName: customers.name,
      touchpoint: touchpoints.name,
      stage: journeyStages.name,
      channel: touchpoints.channel,
      source: interactions.source,
      outcome: interactions.outcome,
      saleValue: interactions.saleValue,
      expectation: interactions.expectation,
      experience: interactions.experience,
      csat: interactions.csat,
      nps: interactions.nps,
      effort: interactions.effort,
      notes: interactions.notes,
      sentiment: interactions.sentiment,
      sentimentScore: interactions.sentimentScore,
      loggedBy: users.email,
      openDefects: interactions.openDefectCount,
      // The exact stored instant (microseconds), so the keyset never skips or repeats a row.
      cursor: sql<string>`${interactions.occurredAt}::text`,
    })
    .from(interactions)
    .innerJoin(touchpoints, eq(touchpoints.id, interactions.touchpointId))
    .innerJoin(journeyStages, eq(journeyStages.id, touchpoints.stageId))
    .leftJoin(customers, eq(customers.id, interactions.customerId))
    .leftJoin(users, eq(users.id, interactions.loggedById))
    .where(and(where, keyset))
    .orderBy(desc(interactions.occurredAt), desc(interactions.id))
    .limit(pageSize);
}

export type InteractionExportRow = Awaited<ReturnType<typeof interactionExportPage>>[number];

/**
 * The interactions list as filtered, newest first, in keyset pages for the CSV export: each page
 * starts after the last row of the one before, so 100,000 rows never sit in memory together.
 */
export async function* streamInteractions(
  filters: InteractionFilters,
  pageSize = 2_000,
): AsyncGenerator<InteractionExportRow[]> {
  // An export may read from a replica (DATABASE_READ_URL): it is a report, not a read-your-own-write.
  const { db } = await getReadTarget();
  const where = interactionConditions(filters);
  let after: { cursor: string; id: string } | null = null;
  for (;;) {
    const keyset: SQL | undefined = after
      ? sql`(${interactions.occurredAt}, ${interactions.id}) < (${after.cursor}::timestamptz, ${after.id}::uuid)`
      : undefined;
    const rows = await interactionExportPage(db, where, keyset, pageSize);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { cursor: last.cursor, id: last.id };
  }
}

/** One interaction with its touchpoint, stage, customer and who logged it; null when gone. */
// The customer an unverified feedback email matched, joined beside the one it belongs to.
const suggestedCustomers = alias(customers, 'suggested_customers');

export async function getInteraction(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: interactions.id,
      occurredAt: interactions.occurredAt,
      createdAt: interactions.createdAt,
      updatedAt: interactions.updatedAt,
      touchpointId: interactions.touchpointId,
      touchpointName: touchpoints.name,
      touchpointActive: touchpoints.active,
      stageName: journeyStages.name,
      channel: touchpoints.channel,
      customerId: interactions.customerId,
      customerName: customers.name,
      loggedById: interactions.loggedById,
      loggedByName: users.name,
      source: interactions.source,
      outcome: interactions.outcome,
      saleValue: interactions.saleValue,
      expectation: interactions.expectation,
      experience: interactions.experience,
      csat: interactions.csat,
      nps: interactions.nps,
      effort: interactions.effort,
      notes: interactions.notes,
      sentiment: interactions.sentiment,
      sentimentScore: interactions.sentimentScore,
      openDefectCount: interactions.openDefectCount,
      contactEmail: interactions.contactEmail,
      customerMatch: interactions.customerMatch,
      suggestedCustomerId: interactions.suggestedCustomerId,
      suggestedCustomerName: suggestedCustomers.name,
    })
    .from(interactions)
    .innerJoin(touchpoints, eq(touchpoints.id, interactions.touchpointId))
    .innerJoin(journeyStages, eq(journeyStages.id, touchpoints.stageId))
    .leftJoin(customers, eq(customers.id, interactions.customerId))
    .leftJoin(suggestedCustomers, eq(suggestedCustomers.id, interactions.suggestedCustomerId))
    .leftJoin(users, eq(users.id, interactions.loggedById))
    .where(eq(interactions.id, id))
    .limit(1);
  return row ?? null;
}

/** The defects of one interaction, newest first. */
export async function listDefectsOfInteraction(interactionId: string) {
  const db = await getDb();
  return db
    .select({
      id: defects.id,
      categoryName: defectCategories.name,
      kind: defects.kind,
      severity: defects.severity,
      status: defects.status,
      lostRevenue: defects.lostRevenue,
      autoRule: defects.autoRule,
      touched: defects.touched,
      ownerId: defects.ownerId,
      ownerName: users.name,
      dueOn: defects.dueOn,
    })
    .from(defects)
    .innerJoin(defectCategories, eq(defectCategories.id, defects.categoryId))
    .leftJoin(users, eq(users.id, defects.ownerId))
    .where(eq(defects.interactionId, interactionId))
    .orderBy(desc(defects.createdAt));
}

/** A customer's name for a filter chip, or null. */
export async function getCustomerName(id: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, id)).limit(1);
  return row?.name ?? null;
}
