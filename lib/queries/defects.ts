import 'server-only';
import {
  aliasedTable,
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  lt,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { getDb, getReadTarget } from '@/db';
import type { PgSelect } from 'drizzle-orm/pg-core';
import {
  cases,
  customers,
  defectCategories,
  defectEvents,
  defects,
  interactions,
  journeyStages,
  touchpoints,
  users,
} from '@/db/schema';
import type { DefectListParams } from '@/lib/validation/defects';
import type { DefectFilters } from '@/lib/validation/filters';
import { defectConditions, overdueDefect } from './filter-conditions';
import { listStages } from './touchpoints';
import type { Role, DefectStatus } from '@/lib/enums';

export const DEFECTS_PAGE_SIZE = 50;
export const BOARD_COLUMN_SIZE = 25;

/** Who is asking: staff see only their defects (see visibleTo), everywhere, whatever the URL says. */
export interface Viewer {
  id: string;
  role: Role;
}

/**
 * Staff see the defects assigned to them and, read-only, those their own logging raised (the
 * interaction they logged), so they can follow what became of it.
 */
function visibleTo(viewer: Viewer): SQL | undefined {
  return viewer.role === 'staff'
    ? or(
        eq(defects.ownerId, viewer.id),
        inArray(
          defects.interactionId,
          sql`(select ${interactions.id} from ${interactions} where ${interactions.loggedById} = ${viewer.id})`,
        ),
      )
    : undefined;
}

/** Whether a staff member may see this defect: theirs, or raised by an interaction they logged. */
export async function canViewDefect({ viewer, defectId }: { viewer: Viewer; defectId: string }): Promise<boolean> {
  if (viewer.role !== 'staff') return true;
  const db = await getDb();
  const [row] = await db
    .select({ id: defects.id })
    .from(defects)
    .where(and(eq(defects.id, defectId), visibleTo(viewer)));
  return Boolean(row);
}

function searchCondition(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(
    ilike(defects.title, pattern),
    ilike(defects.description, pattern),
    ilike(customers.name, pattern),
    ilike(touchpoints.name, pattern),
  );
}

function whereOf(viewer: Viewer, filters: DefectFilters, q?: string): SQL | undefined {
  return and(visibleTo(viewer), defectConditions(filters), searchCondition(q));
}

const owners = aliasedTable(users, 'owners');

/** Overdue: past its follow-up day while work is still owed (the same rule as the `overdue` filter). */
const overdueSql = overdueDefect;

const listColumns = {
  id: defects.id,
  version: defects.version,
  title: defects.title,
  kind: defects.kind,
  severity: defects.severity,
  status: defects.status,
  lostRevenue: sql<number>`${defects.lostRevenue}`.mapWith(Number),
  occurredAt: defects.occurredAt,
  dueOn: defects.dueOn,
  autoRule: defects.autoRule,
  updatedAt: defects.updatedAt,
  overdue: overdueSql.mapWith(Boolean),
  touchpointName: touchpoints.name,
  categoryName: defectCategories.name,
  customerId: defects.customerId,
  customerName: customers.name,
  ownerId: defects.ownerId,
  ownerName: owners.name,
};

/** The joins every defect list reads its names through. */
function withDefectJoins<T extends PgSelect>(query: T) {
  return query
    .innerJoin(touchpoints, eq(touchpoints.id, defects.touchpointId))
    .innerJoin(defectCategories, eq(defectCategories.id, defects.categoryId))
    .leftJoin(customers, eq(customers.id, defects.customerId))
    .leftJoin(owners, eq(owners.id, defects.ownerId));
}

/** Counting needs the joins only to search their names: every defect has one touchpoint and category. */
function countBase<T extends PgSelect>(query: T, q: string | undefined) {
  return q ? withDefectJoins(query) : query;
}

const SORT_COLUMNS = {
  occurredAt: defects.occurredAt,
  dueOn: defects.dueOn,
  severity: defects.severity,
  lostRevenue: defects.lostRevenue,
  status: defects.status,
  updatedAt: defects.updatedAt,
} as const;

export type DefectListRow = {
  id: string;
  version: number;
  title: string | null;
  kind: string;
  severity: string;
  status: DefectStatus;
  lostRevenue: number;
  occurredAt: Date;
  dueOn: string | null;
  autoRule: string | null;
  updatedAt: Date;
  overdue: boolean;
  touchpointName: string;
  categoryName: string;
  customerId: string | null;
  customerName: string | null;
  ownerId: string | null;
  ownerName: string | null;
};

const exportColumns = {
  ...listColumns,
  stageName: sql<string>`(select ${journeyStages.name} from ${journeyStages} where ${journeyStages.id} = ${touchpoints.stageId})`,
  interactionId: defects.interactionId,
  rootCause: defects.rootCause,
  correctiveAction: defects.correctiveAction,
  dismissReason: defects.dismissReason,
};

/** One page of the defects list, sorted, with the total under the same filters. */
export async function listDefects({
  viewer,
  filters,
  params,
}: {
  viewer: Viewer;
  filters: DefectFilters;
  params: DefectListParams;
}): Promise<{ rows: DefectListRow[]; total: number }> {
  const db = await getDb();
  const where = whereOf(viewer, filters, params.q);
  const column = SORT_COLUMNS[params.sort];
  const direction = params.dir === 'asc' ? sql`asc` : sql`desc`;
  const [rows, [totalRow]] = await Promise.all([
    withDefectJoins(db.select(listColumns).from(defects).$dynamic())
      .where(where)
      // Empty due dates go last either way; the other sort columns are never empty, and a plain
      // direction lets their index serve the sort. The id keeps pages stable between requests.
      .orderBy(
        params.sort === 'dueOn' ? sql`${column} ${direction} nulls last` : sql`${column} ${direction}`,
        desc(defects.id),
      )
      .limit(DEFECTS_PAGE_SIZE)
      .offset((params.page - 1) * DEFECTS_PAGE_SIZE),
    countBase(db.select({ n: count() }).from(defects).$dynamic(), params.q).where(where),
  ]);
  return { rows: rows as DefectListRow[], total: totalRow?.n ?? 0 };
}

/** How many defects each status holds under the filters, whatever status the filter picks. */
export async function countDefectsByStatus({
  viewer,
  filters,
  q,
}: {
  viewer: Viewer;
  filters: DefectFilters;
  q?: string;
}): Promise<Record<DefectStatus, number>> {
  const db = await getDb();
  const rows = await countBase(db.select({ status: defects.status, n: count() }).from(defects).$dynamic(), q)
    .where(whereOf(viewer, { ...filters, status: [] }, q))
    .groupBy(defects.status);
  const counts: Record<DefectStatus, number> = {
    open: 0,
    investigating: 0,
    action: 0,
    verified: 0,
    closed: 0,
    dismissed: 0,
  };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** The board: for each status, its newest defects under the filters. */
export async function listDefectBoard({
  viewer,
  filters,
  q,
  statuses,
}: {
  viewer: Viewer;
  filters: DefectFilters;
  q?: string;
  statuses: readonly DefectStatus[];
}) {
  const db = await getDb();
  const columns = await Promise.all(
    statuses.map((status) =>
      withDefectJoins(db.select(listColumns).from(defects).$dynamic())
        .where(and(whereOf(viewer, { ...filters, status: [status] }, q)))
        .orderBy(desc(overdueSql), desc(defects.occurredAt), desc(defects.id))
        .limit(BOARD_COLUMN_SIZE),
    ),
  );
  return new Map(statuses.map((status, i) => [status, columns[i] as DefectListRow[]]));
}

/**
 * The rows of a CSV export, in batches, newest first. Keyset pagination keeps each batch one
 * indexed range scan, however deep into the export, and never holds more than a batch in memory.
 */
export async function* iterateDefectsForExport({
  viewer,
  filters,
  q,
  batchSize = 1_000,
}: {
  viewer: Viewer;
  filters: DefectFilters;
  q?: string;
  batchSize?: number;
}) {
  // An export may read from a replica (DATABASE_READ_URL): it is a report, not a read-your-own-write.
  const { db } = await getReadTarget();
  let after: { occurredAt: Date; id: string } | null = null;
  for (;;) {
    const keyset: SQL | undefined = after
      ? or(
          lt(defects.occurredAt, after.occurredAt),
          and(eq(defects.occurredAt, after.occurredAt), lt(defects.id, after.id)),
        )
      : undefined;
    const rows = (await withDefectJoins(db.select(exportColumns).from(defects).$dynamic())
      .where(and(whereOf(viewer, filters, q), keyset))
      .orderBy(desc(defects.occurredAt), desc(defects.id))
      .limit(batchSize)) as (DefectListRow & {
      stageName: string;
      interactionId: string | null;
      rootCause: string | null;
      correctiveAction: string | null;
      dismissReason: string | null;
    })[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { occurredAt: last.occurredAt, id: last.id };
  }
}

/** One defect with everything its page shows, or null. */
export async function getDefect({ id }: { id: string }) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: defects.id,
      version: defects.version,
      title: defects.title,
      description: defects.description,
      kind: defects.kind,
      severity: defects.severity,
      status: defects.status,
      lostRevenue: sql<number>`${defects.lostRevenue}`.mapWith(Number),
      occurredAt: defects.occurredAt,
      dueOn: defects.dueOn,
      rootCause: defects.rootCause,
      correctiveAction: defects.correctiveAction,
      dismissReason: defects.dismissReason,
      autoRule: defects.autoRule,
      touched: defects.touched,
      createdAt: defects.createdAt,
      updatedAt: defects.updatedAt,
      overdue: overdueSql.mapWith(Boolean),
      categoryId: defects.categoryId,
      categoryName: defectCategories.name,
      touchpointId: defects.touchpointId,
      touchpointName: touchpoints.name,
      stageName: journeyStages.name,
      ownerId: defects.ownerId,
      ownerName: owners.name,
      customerId: defects.customerId,
      customerName: customers.name,
      interactionId: defects.interactionId,
      interactionOccurredAt: interactions.occurredAt,
      interactionOutcome: interactions.outcome,
      interactionSaleValue: interactions.saleValue,
      interactionNotes: interactions.notes,
      caseId: defects.caseId,
      caseNumber: cases.number,
      caseStatus: cases.status,
    })
    .from(defects)
    .innerJoin(touchpoints, eq(touchpoints.id, defects.touchpointId))
    .innerJoin(journeyStages, eq(journeyStages.id, touchpoints.stageId))
    .innerJoin(defectCategories, eq(defectCategories.id, defects.categoryId))
    .leftJoin(customers, eq(customers.id, defects.customerId))
    .leftJoin(owners, eq(owners.id, defects.ownerId))
    .leftJoin(interactions, eq(interactions.id, defects.interactionId))
    .leftJoin(cases, eq(cases.id, defects.caseId))
    .where(eq(defects.id, id));
  return row ?? null;
}

/** Every change and comment of a defect, oldest first, with who made it. */
export async function listDefectEvents({ defectId }: { defectId: string }) {
  const db = await getDb();
  return db
    .select({
      id: defectEvents.id,
      type: defectEvents.type,
      changes: defectEvents.changes,
      comment: defectEvents.comment,
      createdAt: defectEvents.createdAt,
      actorName: users.name,
    })
    .from(defectEvents)
    .leftJoin(users, eq(users.id, defectEvents.actorId))
    .where(eq(defectEvents.defectId, defectId))
    .orderBy(asc(defectEvents.createdAt), asc(defectEvents.id));
}

/**
 * The defects a person still has to work, overdue first, then by follow-up date. Verified ones
 * wait for a manager: they are listed only for those who may close them (`canClose`).
 */
export async function listAssignedDefects({
  userId,
  canClose = false,
  limit = 50,
}: {
  userId: string;
  canClose?: boolean;
  limit?: number;
}) {
  const db = await getDb();
  const finished = canClose ? ['closed', 'dismissed'] : ['verified', 'closed', 'dismissed'];
  return (
    (await withDefectJoins(db.select(listColumns).from(defects).$dynamic())
      .where(and(eq(defects.ownerId, userId), notInArray(defects.status, finished as DefectStatus[])))
      // Verified defects wait only for a manager to close them, so the work still owed comes first.
      .orderBy(
        desc(overdueSql),
        sql`(${defects.status} = 'verified')`,
        sql`${defects.dueOn} asc nulls last`,
        desc(defects.occurredAt),
      )
      .limit(limit)) as DefectListRow[]
  );
}

/** The choices of the defect filters and forms. */
export async function listDefectOptions() {
  const db = await getDb();
  const [categories, touchpointRows, stages, people] = await Promise.all([
    db
      .select({ id: defectCategories.id, name: defectCategories.name, active: defectCategories.active })
      .from(defectCategories)
      .orderBy(asc(defectCategories.name)),
    db
      .select({ id: touchpoints.id, name: touchpoints.name, stageName: journeyStages.name, active: touchpoints.active })
      .from(touchpoints)
      .innerJoin(journeyStages, eq(journeyStages.id, touchpoints.stageId))
      .orderBy(asc(journeyStages.position), asc(touchpoints.name)),
    listStages(),
    db
      .select({ id: users.id, name: users.name, role: users.role, active: users.active })
      .from(users)
      .orderBy(asc(users.name)),
  ]);
  return { categories, touchpoints: touchpointRows, stages, people };
}
export type DefectOptions = Awaited<ReturnType<typeof listDefectOptions>>;
