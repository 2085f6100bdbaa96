import 'server-only';
import { aliasedTable, and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  caseEvents,
  caseSignals,
  cases,
  defectCategories,
  defects,
  journeyStages,
  touchpoints,
  users,
} from '@/db/schema';
import type { CaseListParams } from '@/lib/validation/cases';
import type { Viewer } from './defects';

export const CASES_PAGE_SIZE = 50;

const owners = aliasedTable(users, 'owners');

/** Staff see the cases they own; managers and admins see every case. */
function visibleTo(viewer: Viewer): SQL | undefined {
  return viewer.role === 'staff' ? eq(cases.ownerId, viewer.id) : undefined;
}

const listColumns = {
  id: cases.id,
  number: cases.number,
  version: cases.version,
  title: cases.title,
  status: cases.status,
  scope: cases.scope,
  subgroup: cases.subgroup,
  origin: cases.origin,
  signal: cases.signal,
  verdict: cases.verdict,
  effectiveOn: cases.effectiveOn,
  createdAt: cases.createdAt,
  updatedAt: cases.updatedAt,
  ownerId: cases.ownerId,
  ownerName: owners.name,
  touchpointName: touchpoints.name,
  stageName: journeyStages.name,
  categoryName: defectCategories.name,
  stageId: cases.stageId,
  touchpointId: cases.touchpointId,
  categoryId: cases.categoryId,
  rootCause: cases.rootCause,
  correctiveAction: cases.correctiveAction,
  closeReason: cases.closeReason,
  chartKey: cases.chartKey,
  defectCount: sql<number>`(select count(*) from defects d where d.case_id = ${cases.id})`.mapWith(Number),
};

/** One page of cases, newest first, with the total under the same filters. */
export async function listCases({ viewer, params }: { viewer: Viewer; params: CaseListParams }) {
  const db = await getDb();
  const where = and(
    visibleTo(viewer),
    params.status.length ? inArray(cases.status, params.status) : undefined,
    params.owner === 'none' ? isNull(cases.ownerId) : params.owner ? eq(cases.ownerId, params.owner) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(cases)
      .leftJoin(owners, eq(owners.id, cases.ownerId))
      .leftJoin(touchpoints, eq(touchpoints.id, cases.touchpointId))
      .leftJoin(journeyStages, eq(journeyStages.id, cases.stageId))
      .leftJoin(defectCategories, eq(defectCategories.id, cases.categoryId))
      .where(where)
      .orderBy(desc(cases.createdAt), desc(cases.id))
      .limit(CASES_PAGE_SIZE)
      .offset((params.page - 1) * CASES_PAGE_SIZE),
    db.select({ n: count() }).from(cases).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type CaseListRow = Awaited<ReturnType<typeof listCases>>['rows'][number];

/** One case with the names its page shows, or null (also null when the viewer may not see it). */
export async function getCase({ id, viewer }: { id: string; viewer: Viewer }) {
  const db = await getDb();
  const [row] = await db
    .select({
      ...listColumns,
      closedAt: cases.closedAt,
      createdById: cases.createdById,
    })
    .from(cases)
    .leftJoin(owners, eq(owners.id, cases.ownerId))
    .leftJoin(touchpoints, eq(touchpoints.id, cases.touchpointId))
    .leftJoin(journeyStages, eq(journeyStages.id, cases.stageId))
    .leftJoin(defectCategories, eq(defectCategories.id, cases.categoryId))
    .where(and(eq(cases.id, id), visibleTo(viewer)));
  return row ?? null;
}

/** Every change and comment of a case, oldest first; a null actor is the monitored-chart evaluation. */
export async function listCaseEvents({ caseId }: { caseId: string }) {
  const db = await getDb();
  return db
    .select({
      id: caseEvents.id,
      type: caseEvents.type,
      changes: caseEvents.changes,
      comment: caseEvents.comment,
      createdAt: caseEvents.createdAt,
      actorName: users.name,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.createdAt), asc(caseEvents.id));
}

/** The signals the monitored chart raised for a case, oldest first. */
export async function listCaseSignals({ caseId }: { caseId: string }) {
  const db = await getDb();
  return db
    .select({ period: caseSignals.period, signal: caseSignals.signal })
    .from(caseSignals)
    .where(eq(caseSignals.caseId, caseId))
    .orderBy(asc(caseSignals.period));
}

/** The defects linked to a case, newest first (at most `limit`), and how many there are. */
export async function listCaseDefects({ caseId, limit = 100 }: { caseId: string; limit?: number }) {
  const db = await getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: defects.id,
        title: defects.title,
        status: defects.status,
        occurredAt: defects.occurredAt,
        touchpointName: touchpoints.name,
        categoryName: defectCategories.name,
        lostRevenue: sql<number>`${defects.lostRevenue}`.mapWith(Number),
      })
      .from(defects)
      .innerJoin(touchpoints, eq(touchpoints.id, defects.touchpointId))
      .innerJoin(defectCategories, eq(defectCategories.id, defects.categoryId))
      .where(eq(defects.caseId, caseId))
      .orderBy(desc(defects.occurredAt), desc(defects.id))
      .limit(limit),
    db.select({ n: count() }).from(defects).where(eq(defects.caseId, caseId)),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The people a case can be assigned to. */
export async function listCaseOwnerOptions() {
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.name));
}

/** The cases defects can still be linked to, newest first, for the defects list's bulk action. */
export async function listActiveCaseChoices({ limit = 100 }: { limit?: number } = {}) {
  const db = await getDb();
  return db
    .select({ id: cases.id, number: cases.number, title: cases.title })
    .from(cases)
    .where(sql`${cases.status} <> 'closed'`)
    .orderBy(desc(cases.createdAt))
    .limit(limit);
}
