import 'server-only';
import { and, asc, desc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { selectPreparedRows } from '@/db/client';
import { defects, touchpoints } from '@/db/schema';
import { overdueDefect, overdueOn } from './filter-conditions';

export const AGE_BAND_KEYS = ['0-7', '8-30', '31-90', '90+'] as const;
export type AgeBand = (typeof AGE_BAND_KEYS)[number];

export interface BacklogSide {
  open: number;
  byAge: Record<AgeBand, number>;
  /** Opened and closed in the last 30 days, and in the 30 before: the trend. */
  opened30: number;
  closed30: number;
  openedPrevious30: number;
  closedPrevious30: number;
  /** Median days from recorded to closed, for those closed in the last 30 days and the 30 before. */
  medianDaysToClose: number | null;
  medianDaysToClosePrevious: number | null;
}

export interface BacklogHealth {
  defects: BacklogSide & { overdue: number; unassigned: number };
  cases: BacklogSide & { unassigned: number; newThisWeek: number };
}

type AgeRow = { age_0_7: number; age_8_30: number; age_31_90: number; age_90: number };
const ages = (row: AgeRow | undefined): Record<AgeBand, number> => ({
  '0-7': Number(row?.age_0_7 ?? 0),
  '8-30': Number(row?.age_8_30 ?? 0),
  '31-90': Number(row?.age_31_90 ?? 0),
  '90+': Number(row?.age_90 ?? 0),
});
const num = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v));

/**
 * The instants the defect cards cut at: ages 8, 31 and 91 days (the bands of AGE_BANDS, which the
 * drill-down filters by) counted over open defects, and 30 and 60 days (opened) over all of them.
 */
const BOUNDS = [
  { name: 'a8', days: 8, openOnly: true },
  { name: 'a31', days: 31, openOnly: true },
  { name: 'a91', days: 91, openOnly: true },
  { name: 'o30', days: 30, openOnly: false },
  { name: 'o60', days: 60, openOnly: false },
] as const;
type DefectCounts = { open: number; overdue: number; unassigned: number } & Record<
  `since_${(typeof BOUNDS)[number]['name']}`,
  number
>;

const OPEN = "status not in ('closed', 'dismissed')";
const sinceColumns = sql.raw(
  BOUNDS.map(({ name }) => `(select n from since where name = '${name}')::float8 as since_${name}`).join(', '),
);

/**
 * The defect cards in one statement (one snapshot). Totals come from defect_backlog_daily (one
 * row per UTC day recorded × status × due date × owned, kept by triggers). "Recorded since
 * instant B" is every rollup day after B's day, plus the defects of B's own day recorded at or
 * after B, counted from the raw rows through defects_created_at_idx: exact, reading a few
 * thousand rollup rows and one day of defects per boundary instead of every open defect.
 */
const defectCountsQuery = sql`with bounds as (
    select b.name, b.open_only, b.at, (b.at at time zone 'UTC')::date as day
    from (values ${sql.raw(
      BOUNDS.map((b) => `('${b.name}', ${b.openOnly}, now() - interval '${b.days} days')`).join(', '),
    )}) as b(name, open_only, at)
  ),
  since as (
    select b.name,
      coalesce((select sum(r.defects) from defect_backlog_daily r
                where r.raised_on > b.day and (not b.open_only or r.${sql.raw(OPEN)})), 0)
      + (select count(*) from defects d
         where d.created_at >= b.at and d.created_at < (b.day + 1)::timestamp at time zone 'UTC'
           and (not b.open_only or d.${sql.raw(OPEN)})) as n
    from bounds b
  )
  select
    coalesce(sum(defects) filter (where ${sql.raw(OPEN)}), 0)::float8 as open,
    coalesce(sum(defects) filter (where ${sql.raw(OPEN)} and not assigned), 0)::float8 as unassigned,
    coalesce(sum(defects) filter (where ${overdueOn(sql.raw('due_on'), sql.raw('status'))}), 0)::float8 as overdue,
    ${sinceColumns}
  from defect_backlog_daily`;

/**
 * The health of the defect and case backlogs, for the dashboard: what is open by age band,
 * overdue and unassigned, and how fast things close, against the 30 days before. Aggregated in
 * SQL; a defect's close time is the history event that moved it to closed.
 */
export async function getBacklogHealth(database?: DbOrTx): Promise<BacklogHealth> {
  const db = database ?? (await getDb());
  const [defectRows, defectFlow, caseRows] = await Promise.all([
    selectPreparedRows<DefectCounts>(db, defectCountsQuery),
    selectPreparedRows<{
      closed30: number;
      closed_prev: number;
      median30: number | null;
      median_prev: number | null;
    }>(
      db,
      // The closes of the last 60 days, through defect_events_closed_idx (its predicate written
      // the same way), with the time each took.
      sql`with closes as (
            select e.created_at as closed_at, d.created_at
            from defect_events e join defects d on d.id = e.defect_id
            where e.created_at >= now() - interval '60 days' and (e.changes -> 'status' ->> 'to') = 'closed'
          )
          select
            count(*) filter (where closed_at >= now() - interval '30 days')::float8 as closed30,
            count(*) filter (where closed_at < now() - interval '30 days')::float8 as closed_prev,
            percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at) / 86400)
              filter (where closed_at >= now() - interval '30 days') as median30,
            percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at) / 86400)
              filter (where closed_at < now() - interval '30 days') as median_prev
          from closes`,
    ),
    selectPreparedRows<
      AgeRow & {
        open: number;
        unassigned: number;
        new_week: number;
        opened30: number;
        opened_prev: number;
        closed30: number;
        closed_prev: number;
        median30: number | null;
        median_prev: number | null;
      }
    >(
      db,
      sql`select
            count(*) filter (where status <> 'closed')::float8 as open,
            count(*) filter (where status <> 'closed' and owner_id is null)::float8 as unassigned,
            count(*) filter (where status = 'open' and created_at >= now() - interval '7 days')::float8 as new_week,
            count(*) filter (where created_at >= now() - interval '30 days')::float8 as opened30,
            count(*) filter (where created_at >= now() - interval '60 days' and created_at < now() - interval '30 days')::float8 as opened_prev,
            count(*) filter (where closed_at >= now() - interval '30 days')::float8 as closed30,
            count(*) filter (where closed_at >= now() - interval '60 days' and closed_at < now() - interval '30 days')::float8 as closed_prev,
            percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at) / 86400)
              filter (where closed_at >= now() - interval '30 days') as median30,
            percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at) / 86400)
              filter (where closed_at >= now() - interval '60 days' and closed_at < now() - interval '30 days') as median_prev,
            ${sql.raw(`count(*) filter (where status <> 'closed' and created_at >= now() - interval '8 days')::float8 as age_0_7,
            count(*) filter (where status <> 'closed' and created_at < now() - interval '8 days' and created_at >= now() - interval '31 days')::float8 as age_8_30,
            count(*) filter (where status <> 'closed' and created_at < now() - interval '31 days' and created_at >= now() - interval '91 days')::float8 as age_31_90,
            count(*) filter (where status <> 'closed' and created_at < now() - interval '91 days')::float8 as age_90`)}
          from cases`,
    ),
  ]);
  const d = defectRows[0];
  const f = defectFlow[0];
  const c = caseRows[0];
  const count = (v: number | undefined) => Number(v ?? 0);
  const open = count(d?.open);
  return {
    defects: {
      open,
      overdue: count(d?.overdue),
      unassigned: count(d?.unassigned),
      byAge: {
        '0-7': count(d?.since_a8),
        '8-30': count(d?.since_a31) - count(d?.since_a8),
        '31-90': count(d?.since_a91) - count(d?.since_a31),
        '90+': open - count(d?.since_a91),
      },
      opened30: count(d?.since_o30),
      openedPrevious30: count(d?.since_o60) - count(d?.since_o30),
      closed30: Number(f?.closed30 ?? 0),
      closedPrevious30: Number(f?.closed_prev ?? 0),
      medianDaysToClose: num(f?.median30),
      medianDaysToClosePrevious: num(f?.median_prev),
    },
    cases: {
      open: Number(c?.open ?? 0),
      unassigned: Number(c?.unassigned ?? 0),
      newThisWeek: Number(c?.new_week ?? 0),
      byAge: ages(c),
      opened30: Number(c?.opened30 ?? 0),
      openedPrevious30: Number(c?.opened_prev ?? 0),
      closed30: Number(c?.closed30 ?? 0),
      closedPrevious30: Number(c?.closed_prev ?? 0),
      medianDaysToClose: num(c?.median30),
      medianDaysToClosePrevious: num(c?.median_prev),
    },
  };
}

/** The managers' triage queue: unassigned and overdue defects (oldest first), at most `limit` each. */
export async function listTriageQueue({ limit = 10 }: { limit?: number } = {}) {
  const db = await getDb();
  const columns = {
    id: defects.id,
    title: defects.title,
    kind: defects.kind,
    status: defects.status,
    occurredAt: defects.occurredAt,
    dueOn: defects.dueOn,
    touchpointName: touchpoints.name,
  };
  const [unassigned, overdue] = await Promise.all([
    db
      .select(columns)
      .from(defects)
      .innerJoin(touchpoints, eq(touchpoints.id, defects.touchpointId))
      .where(and(isNull(defects.ownerId), notInArray(defects.status, ['closed', 'dismissed'])))
      .orderBy(asc(defects.createdAt))
      .limit(limit),
    db
      .select(columns)
      .from(defects)
      .innerJoin(touchpoints, eq(touchpoints.id, defects.touchpointId))
      .where(overdueDefect)
      .orderBy(asc(defects.dueOn), desc(defects.id))
      .limit(limit),
  ]);
  return { unassigned, overdue };
}
