import 'server-only';
import { CSAT_SATISFIED_MIN, NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN } from '@/db/score-bands';
import { and, asc, count, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { getDb, getReadTarget } from '@/db';
import {
  customers,
  defectCategories,
  defects,
  interactions,
  lifecycleChanges,
  segments,
  touchpoints,
  users,
} from '@/db/schema';
import type { DefectStatus, Outcome, Severity } from '@/lib/enums';
import type { CustomerListParams } from '@/lib/validation/customers';
import { dayEnd, dayStart } from './zone';

/** `like` wildcards typed by a user match themselves, not "anything". */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface CustomerMatch {
  id: string;
  name: string;
  email: string | null;
  company: string | null;
  externalRef: string | null;
}

/**
 * Customers whose name, email, company or external reference starts with `q` (case-insensitive),
 * for search-as-you-type. Each test is served by a prefix index (migration 0001).
 */
export async function searchCustomers({ q, limit = 8 }: { q: string; limit?: number }): Promise<CustomerMatch[]> {
  const condition = customerSearchCondition(q);
  if (!condition) return [];
  const db = await getDb();
  return db
    .select({
      id: customers.id,
      name: customers.name,
      email: customers.email,
      company: customers.company,
      externalRef: customers.externalRef,
    })
    .from(customers)
    .where(condition)
    .orderBy(asc(customers.name))
    .limit(limit);
}

/** Prefix match on name, email, company (any case) or external reference (as typed or upper case). */
function customerSearchCondition(q: string): SQL | undefined {
  const typed = q.trim();
  if (!typed) return undefined;
  const prefix = `${escapeLike(typed.toLowerCase())}%`;
  return or(
    sql`lower(${customers.name}) like ${prefix}`,
    sql`lower(${customers.email}) like ${prefix}`,
    sql`lower(${customers.company}) like ${prefix}`,
    // External references are codes: matched as typed or upper-cased, so the plain index serves them.
    sql`${customers.externalRef} like ${`${escapeLike(typed)}%`}`,
    sql`${customers.externalRef} like ${`${escapeLike(typed.toUpperCase())}%`}`,
  );
}

export const CUSTOMER_PAGE_SIZE = 50;

function customerListConditions(
  params: Pick<CustomerListParams, 'q' | 'segment' | 'lifecycle' | 'owner'> &
    Partial<Pick<CustomerListParams, 'reached' | 'from' | 'to'>>,
): SQL | undefined {
  const conditions: SQL[] = [];
  if (params.q) conditions.push(customerSearchCondition(params.q) ?? sql`true`);
  if (params.segment === 'none') conditions.push(isNull(customers.segmentId));
  else if (params.segment) conditions.push(eq(customers.segmentId, params.segment));
  if (params.lifecycle) conditions.push(eq(customers.lifecycle, params.lifecycle));
  if (params.owner) conditions.push(eq(customers.ownerId, params.owner));
  // The journey funnel's drill-down: an interaction at this stage or a later one, in the period.
  if (params.reached)
    conditions.push(sql`exists (
      select 1 from interactions i join touchpoints t on t.id = i.touchpoint_id join journey_stages s on s.id = t.stage_id
      where i.customer_id = ${customers.id}
        and s.position >= (select position from journey_stages where id = ${params.reached}::uuid)
        ${params.from ? sql`and i.occurred_at >= ${dayStart(params.from)}` : sql``}
        ${params.to ? sql`and i.occurred_at < ${dayEnd(params.to)}` : sql``})`);
  return conditions.length ? and(...conditions) : undefined;
}

const customerSortColumn = {
  name: customers.name,
  created: customers.createdAt,
  lifecycle: customers.lifecycle,
} as const;

/** One page of the customers list, with the total that matches. */
export async function listCustomers(params: CustomerListParams) {
  const db = await getDb();
  const where = customerListConditions(params);
  const order = params.dir === 'desc' ? desc : asc;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: customers.id,
        name: customers.name,
        email: customers.email,
        company: customers.company,
        lifecycle: customers.lifecycle,
        externalRef: customers.externalRef,
        segmentName: segments.name,
        ownerName: users.name,
        createdAt: customers.createdAt,
      })
      .from(customers)
      .leftJoin(segments, eq(segments.id, customers.segmentId))
      .leftJoin(users, eq(users.id, customers.ownerId))
      .where(where)
      .orderBy(order(customerSortColumn[params.sort]), asc(customers.id))
      .limit(CUSTOMER_PAGE_SIZE)
      .offset((params.page - 1) * CUSTOMER_PAGE_SIZE),
    db.select({ n: count() }).from(customers).where(where),
  ]);
  return { rows, total: total?.n ?? 0, pageSize: CUSTOMER_PAGE_SIZE };
}

/** The customers list as filtered, in keyset pages, for the CSV export: never all rows at once. */
export async function* streamCustomers(
  params: Pick<CustomerListParams, 'q' | 'segment' | 'lifecycle' | 'owner'> &
    Partial<Pick<CustomerListParams, 'reached' | 'from' | 'to'>>,
  pageSize = 2_000,
) {
  // An export may read from a replica (DATABASE_READ_URL): it is a report, not a read-your-own-write.
  const { db } = await getReadTarget();
  const where = customerListConditions(params);
  let after: string | null = null;
  for (;;) {
    const rows = await db
      .select({
        id: customers.id,
        name: customers.name,
        email: customers.email,
        phone: customers.phone,
        company: customers.company,
        segment: segments.name,
        lifecycle: customers.lifecycle,
        ownerEmail: users.email,
        externalRef: customers.externalRef,
        createdAt: customers.createdAt,
      })
      .from(customers)
      .leftJoin(segments, eq(segments.id, customers.segmentId))
      .leftJoin(users, eq(users.id, customers.ownerId))
      .where(after ? and(where, sql`${customers.id} > ${after}`) : where)
      .orderBy(asc(customers.id))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** One customer with their segment and owner, or null. */
export async function getCustomer(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: customers.id,
      name: customers.name,
      email: customers.email,
      phone: customers.phone,
      company: customers.company,
      segmentId: customers.segmentId,
      segmentName: segments.name,
      lifecycle: customers.lifecycle,
      ownerId: customers.ownerId,
      ownerName: users.name,
      externalRef: customers.externalRef,
      createdAt: customers.createdAt,
    })
    .from(customers)
    .leftJoin(segments, eq(segments.id, customers.segmentId))
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(eq(customers.id, id))
    .limit(1);
  return row ?? null;
}

export interface CustomerNumbers {
  interactions: number;
  npsResponses: number;
  /** % promoters − % detractors, or null without answers. */
  nps: number | null;
  csatResponses: number;
  /** Share of CSAT answers that are 4 or 5, or null without answers. */
  csat: number | null;
  gapResponses: number;
  /** Mean of experience − expectation, or null without answers. */
  expectationGap: number | null;
  openDefects: number;
  lostRevenue: number;
}

/** The customer's own numbers, aggregated in SQL (docs/metrics.md). */
export async function getCustomerNumbers(customerId: string): Promise<CustomerNumbers> {
  const db = await getDb();
  const [[i], [d]] = await Promise.all([
    db
      .select({
        interactions: count(),
        npsResponses: count(interactions.nps),
        promoters: count(sql`case when ${interactions.nps} >= ${NPS_PROMOTER_MIN} then 1 end`),
        detractors: count(sql`case when ${interactions.nps} <= ${NPS_DETRACTOR_MAX} then 1 end`),
        csatResponses: count(interactions.csat),
        satisfied: count(sql`case when ${interactions.csat} >= ${CSAT_SATISFIED_MIN} then 1 end`),
        gapResponses: count(
          sql`case when ${interactions.experience} is not null and ${interactions.expectation} is not null then 1 end`,
        ),
        gap: sql<string | null>`avg(${interactions.experience} - ${interactions.expectation})`,
      })
      .from(interactions)
      .where(eq(interactions.customerId, customerId)),
    db
      .select({
        openDefects: count(sql`case when ${defects.status} in ('open', 'investigating', 'action') then 1 end`),
        lostRevenue: sql<string>`coalesce(sum(${defects.lostRevenue}) filter (where ${defects.status} <> 'dismissed'), 0)`,
      })
      .from(defects)
      .where(eq(defects.customerId, customerId)),
  ]);
  const npsResponses = i?.npsResponses ?? 0;
  const csatResponses = i?.csatResponses ?? 0;
  const gapResponses = i?.gapResponses ?? 0;
  return {
    interactions: i?.interactions ?? 0,
    npsResponses,
    nps: npsResponses ? ((i!.promoters - i!.detractors) / npsResponses) * 100 : null,
    csatResponses,
    csat: csatResponses ? i!.satisfied / csatResponses : null,
    gapResponses,
    expectationGap: gapResponses && i?.gap !== null && i?.gap !== undefined ? Number(i.gap) : null,
    openDefects: d?.openDefects ?? 0,
    lostRevenue: Number(d?.lostRevenue ?? 0),
  };
}

export const TIMELINE_PAGE_SIZE = 100;

export type TimelineEntry =
  | {
      type: 'interaction';
      id: string;
      at: Date;
      touchpointName: string;
      outcome: Outcome;
      saleValue: string | null;
      csat: number | null;
      nps: number | null;
      experience: number | null;
      expectation: number | null;
      notes: string | null;
      sentiment: 'negative' | 'neutral' | 'positive' | null;
      sentimentScore: number | null;
      loggedByName: string | null;
      openDefectCount: number;
    }
  | {
      type: 'defect';
      id: string;
      at: Date;
      touchpointName: string;
      interactionId: string | null;
      categoryName: string;
      kind: string;
      status: DefectStatus;
      severity: Severity;
      lostRevenue: string;
      ownerId: string | null;
    };

/**
 * Every interaction and defect of a customer, newest first, a page at a time (`before` is the
 * time of the oldest entry already shown). Each half is limited in SQL, then the two are merged.
 */
export async function getCustomerTimeline({
  customerId,
  before,
  limit = TIMELINE_PAGE_SIZE,
}: {
  customerId: string;
  before?: Date;
  limit?: number;
}) {
  const db = await getDb();
  const [interactionRows, defectRows] = await Promise.all([
    db
      .select({
        id: interactions.id,
        at: interactions.occurredAt,
        touchpointName: touchpoints.name,
        outcome: interactions.outcome,
        saleValue: interactions.saleValue,
        csat: interactions.csat,
        nps: interactions.nps,
        experience: interactions.experience,
        expectation: interactions.expectation,
        notes: interactions.notes,
        sentiment: interactions.sentiment,
        sentimentScore: interactions.sentimentScore,
        loggedByName: users.name,
        openDefectCount: interactions.openDefectCount,
      })
      .from(interactions)
      .innerJoin(touchpoints, eq(touchpoints.id, interactions.touchpointId))
      .leftJoin(users, eq(users.id, interactions.loggedById))
      .where(and(eq(interactions.customerId, customerId), before ? lt(interactions.occurredAt, before) : undefined))
      .orderBy(desc(interactions.occurredAt), desc(interactions.id))
      .limit(limit + 1),
    db
      .select({
        id: defects.id,
        at: defects.occurredAt,
        touchpointName: touchpoints.name,
        interactionId: defects.interactionId,
        categoryName: defectCategories.name,
        kind: defects.kind,
        status: defects.status,
        severity: defects.severity,
        lostRevenue: defects.lostRevenue,
        ownerId: defects.ownerId,
      })
      .from(defects)
      .innerJoin(touchpoints, eq(touchpoints.id, defects.touchpointId))
      .innerJoin(defectCategories, eq(defectCategories.id, defects.categoryId))
      .where(and(eq(defects.customerId, customerId), before ? lt(defects.occurredAt, before) : undefined))
      .orderBy(desc(defects.occurredAt), desc(defects.id))
      .limit(limit + 1),
  ]);
  const merged: TimelineEntry[] = [
    ...interactionRows.map((r) => ({ type: 'interaction' as const, ...r })),
    ...defectRows.map((r) => ({ type: 'defect' as const, ...r })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.type === b.type ? 0 : a.type === 'defect' ? -1 : 1));
  const entries = merged.slice(0, limit);
  // Entries sharing the cut-off instant would be skipped by `before`, so cut before them.
  let hasMore = merged.length > limit;
  if (hasMore) {
    const cut = entries[entries.length - 1]!.at.getTime();
    const boundary = entries.findIndex((e) => e.at.getTime() === cut);
    if (boundary > 0) entries.splice(boundary);
    hasMore = true;
  }
  return { entries, hasMore, nextBefore: hasMore ? (entries[entries.length - 1]?.at ?? null) : null };
}

/** Segments for pickers and filters. */
export async function listSegments() {
  const db = await getDb();
  return db
    .select({ id: segments.id, name: segments.name, active: segments.active })
    .from(segments)
    .orderBy(asc(segments.name));
}

/** Active people who can own a customer, for pickers and filters. */
export async function listOwnerChoices() {
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.name));
}

/**
 * A customer's lifecycle history, newest first by when the change happened (the causing event's
 * time; `recordedAt` is when it was written): each change with its reason and who made it.
 */
export async function listLifecycleChanges(customerId: string) {
  const db = await getDb();
  return db
    .select({
      id: lifecycleChanges.id,
      at: lifecycleChanges.occurredAt,
      recordedAt: lifecycleChanges.createdAt,
      from: lifecycleChanges.fromLifecycle,
      to: lifecycleChanges.toLifecycle,
      rule: lifecycleChanges.rule,
      reason: lifecycleChanges.reason,
      actorName: users.name,
    })
    .from(lifecycleChanges)
    .leftJoin(users, eq(users.id, lifecycleChanges.actorId))
    .where(eq(lifecycleChanges.customerId, customerId))
    .orderBy(desc(lifecycleChanges.occurredAt), desc(lifecycleChanges.createdAt), desc(lifecycleChanges.id))
    .limit(50);
}
