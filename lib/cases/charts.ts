import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { selectRows } from '@/db/client';
import { EMPTY_TOTALS, type Totals } from '@/lib/metrics/kpis';
import type { Subgroup } from '@/lib/metrics/p-chart';
import { addDays, startOfWeek } from '@/lib/dates';
import { subgroupOf } from '@/lib/queries/zone';
import { subgroupStarts } from '@/lib/validation/metrics';

/*
 * The monitored charts (docs/cases.md): the whole company, each stage and each touchpoint, read
 * from the daily rollups (metrics_daily, days in the company's zone) in SQL. Weekly subgroups start
 * on the company's first day of the week (`weekStart`, ISO 1 = Monday … 7 = Sunday), which the
 * caller reads once with the zone (companyCalendar, getCompanySettings). A manual case may narrow a
 * chart to one defect category; its d_i is then that category's defects, at most one per interaction.
 */

export type ChartScope = 'company' | 'stage' | 'touchpoint';
export type SubgroupSize = 'day' | 'week';

export interface ChartRef {
  scope: ChartScope;
  /** The stage of a stage chart, or the stage a touchpoint chart belongs to. */
  stageId?: string | null;
  touchpointId?: string | null;
  categoryId?: string | null;
  subgroup: SubgroupSize;
}

/** The name of a chart, whatever its subgroup size: one open case per chart key. */
export function chartKeyOf(ref: Omit<ChartRef, 'subgroup'>): string {
  const base =
    ref.scope === 'company'
      ? 'company'
      : ref.scope === 'stage'
        ? `stage:${ref.stageId}`
        : `touchpoint:${ref.touchpointId}`;
  return ref.categoryId ? `${base}/category:${ref.categoryId}` : base;
}

const bucketOf = (subgroup: SubgroupSize, weekStart: number) => subgroupOf(sql`r.day`, subgroup, weekStart);

/** The chart that contains this one: a touchpoint's stage, a stage's company. */
export function parentKeyOf(ref: Omit<ChartRef, 'subgroup'>): string | null {
  if (ref.scope === 'touchpoint') return ref.stageId ? chartKeyOf({ scope: 'stage', stageId: ref.stageId }) : null;
  if (ref.scope === 'stage') return 'company';
  return null;
}

function scopeOf(ref: Omit<ChartRef, 'subgroup'>): SQL {
  if (ref.scope === 'stage') return sql`tp.stage_id = ${ref.stageId}`;
  if (ref.scope === 'touchpoint') return sql`r.touchpoint_id = ${ref.touchpointId}`;
  return sql`true`;
}

/** Every subgroup start from `from` to `to`, with its counts (0 for a gap). */
function fill(
  rows: { period: string; n: number | null; d: number | null }[],
  from: string,
  to: string,
  subgroup: SubgroupSize,
  weekStart: number,
) {
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  return subgroupStarts({ from, to, granularity: subgroup, weekStart }).map((period) => {
    const row = byPeriod.get(period);
    const n = Number(row?.n ?? 0);
    return { period, n, d: Math.min(n, Number(row?.d ?? 0)) };
  });
}

/** One chart's subgroups from the subgroup holding `from` to the one holding `to`, in one statement. */
export async function getChartSeries(
  db: DbOrTx,
  ref: ChartRef,
  from: string,
  to: string,
  weekStart = 1,
): Promise<Subgroup[]> {
  const bucket = bucketOf(ref.subgroup, weekStart);
  const range = sql`r.day >= ${from}::date and r.day <= ${to}::date`;
  const rows = ref.categoryId
    ? await selectRows<{ period: string; n: number | null; d: number | null }>(
        db,
        sql`with u as (
              select ${bucket} as period, sum(r.units)::float8 as n
              from metrics_daily r join touchpoints tp on tp.id = r.touchpoint_id
              where ${range} and ${scopeOf(ref)} group by 1
            ), c as (
              select ${bucket} as period, sum(r.defects)::float8 as d
              from defect_category_daily r join touchpoints tp on tp.id = r.touchpoint_id
              where ${range} and ${scopeOf(ref)} and r.category_id = ${ref.categoryId} group by 1
            )
            select u.period, u.n, coalesce(c.d, 0) as d from u left join c on c.period = u.period`,
      )
    : await selectRows<{ period: string; n: number | null; d: number | null }>(
        db,
        sql`select ${bucket} as period, sum(r.units)::float8 as n, sum(r.defective_units)::float8 as d
            from metrics_daily r join touchpoints tp on tp.id = r.touchpoint_id
            where ${range} and ${scopeOf(ref)} group by 1`,
      );
  return fill(rows, from, to, ref.subgroup, weekStart);
}

/**
 * Units, opportunities, defects, defective units and lost revenue of a chart's scope over whole days.
 * Opportunities are the ones each interaction was stored with (docs/metrics-second-version.md), so a
 * later change of a touchpoint's value leaves a proof's DPMO as it was.
 */
export async function getChartTotals(db: DbOrTx, ref: ChartRef, from: string, to: string): Promise<Totals> {
  if (from > to) return EMPTY_TOTALS;
  const range = sql`r.day >= ${from}::date and r.day <= ${to}::date`;
  const [row] = await selectRows<{
    units: number | null;
    opportunities: number | null;
    defective_units: number | null;
    defects: number | null;
    lost_revenue: number | null;
  }>(
    db,
    ref.categoryId
      ? sql`select
              (select sum(r.units)::float8 from metrics_daily r join touchpoints tp on tp.id = r.touchpoint_id
                where ${range} and ${scopeOf(ref)}) as units,
              (select sum(r.opportunities)::float8 from metrics_daily r join touchpoints tp on tp.id = r.touchpoint_id
                where ${range} and ${scopeOf(ref)}) as opportunities,
              sum(r.defects)::float8 as defective_units, sum(r.defects)::float8 as defects,
              sum(r.lost_revenue)::float8 as lost_revenue
            from defect_category_daily r join touchpoints tp on tp.id = r.touchpoint_id
            where ${range} and ${scopeOf(ref)} and r.category_id = ${ref.categoryId}`
      : sql`select sum(r.units)::float8 as units, sum(r.opportunities)::float8 as opportunities,
                   sum(r.defective_units)::float8 as defective_units, sum(r.defects)::float8 as defects,
                   sum(r.lost_revenue)::float8 as lost_revenue
            from metrics_daily r join touchpoints tp on tp.id = r.touchpoint_id
            where ${range} and ${scopeOf(ref)}`,
  );
  const units = Number(row?.units ?? 0);
  return {
    ...EMPTY_TOTALS,
    units,
    opportunities: Number(row?.opportunities ?? 0),
    defectiveUnits: Math.min(units, Number(row?.defective_units ?? 0)),
    defects: Number(row?.defects ?? 0),
    lostRevenue: Number(row?.lost_revenue ?? 0),
  };
}

export interface MonitoredSeries {
  ref: Omit<ChartRef, 'subgroup'>;
  key: string;
  subgroups: Subgroup[];
}

/**
 * Every monitored chart's subgroups over one window, in one statement: grouping sets give the
 * company, each stage and each touchpoint at once.
 */
export async function listMonitoredSeries(
  db: DbOrTx,
  window: { from: string; to: string; subgroup: SubgroupSize; weekStart?: number },
): Promise<MonitoredSeries[]> {
  const weekStart = window.weekStart ?? 1;
  const rows = await selectRows<{
    period: string;
    stage_id: string | null;
    touchpoint_id: string | null;
    by_stage: number;
    by_touchpoint: number;
    n: number | null;
    d: number | null;
  }>(
    db,
    sql`with b as (
          select ${bucketOf(window.subgroup, weekStart)} as period, tp.stage_id, r.touchpoint_id, r.units, r.defective_units
          from metrics_daily r join touchpoints tp on tp.id = r.touchpoint_id
          where r.day >= ${window.from}::date and r.day <= ${window.to}::date
        )
        select period, stage_id, touchpoint_id, grouping(stage_id) as by_stage, grouping(touchpoint_id) as by_touchpoint,
               sum(units)::float8 as n, sum(defective_units)::float8 as d
        from b
        group by grouping sets ((period), (period, stage_id), (period, stage_id, touchpoint_id))`,
  );
  const charts = new Map<
    string,
    { ref: Omit<ChartRef, 'subgroup'>; rows: { period: string; n: number | null; d: number | null }[] }
  >();
  for (const row of rows) {
    // grouping() is 1 for a column rolled up: the company rolls up both.
    const ref: Omit<ChartRef, 'subgroup'> =
      Number(row.by_touchpoint) === 0
        ? { scope: 'touchpoint', touchpointId: row.touchpoint_id, stageId: row.stage_id }
        : Number(row.by_stage) === 0
          ? { scope: 'stage', stageId: row.stage_id }
          : { scope: 'company' };
    const key = chartKeyOf(ref);
    const chart = charts.get(key) ?? { ref, rows: [] };
    chart.rows.push(row);
    charts.set(key, chart);
  }
  return [...charts.entries()].map(([key, chart]) => ({
    key,
    ref: chart.ref,
    subgroups: fill(chart.rows, window.from, window.to, window.subgroup, weekStart),
  }));
}

/**
 * The last whole subgroup before `today` (the company zone's): yesterday, or the week before this
 * one, weeks starting on `weekStart`.
 */
export function lastClosedSubgroup(today: string, subgroup: SubgroupSize, weekStart = 1): { from: string; to: string } {
  const yesterday = addDays(today, -1);
  if (subgroup === 'day') return { from: yesterday, to: yesterday };
  const thisWeek = startOfWeek(today, weekStart);
  return { from: addDays(thisWeek, -7), to: addDays(thisWeek, -1) };
}

/** The last day of a subgroup that starts on `period`. */
export const subgroupEnd = (period: string, subgroup: SubgroupSize) =>
  subgroup === 'day' ? period : addDays(period, 6);
