import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { selectRows } from '@/db/client';
import { EMPTY_TOTALS, kpiChanges, kpisOf, type KpiChanges, type Kpis, type Totals } from '@/lib/metrics/kpis';
import { pareto, type ParetoBar } from '@/lib/metrics/pareto';
import { pChart, type PChart } from '@/lib/metrics/p-chart';
import { defectsPerMillion, sigmaLevel } from '@/lib/metrics/six-sigma';
import type { MetricValue } from '@/lib/metrics/value';
import { defectConditions, interactionConditions, startOfDay } from '@/lib/queries/filter-conditions';
import { COUNTED_DEFECT_STATUSES, type DefectFilters, type InteractionFilters, type ScopeFilters } from '@/lib/validation/filters';
import { previousPeriod, subgroupRange, subgroupStarts, type MetricsFilters } from '@/lib/validation/metrics';

/*
 * Every question the dashboard and GET /api/v1/metrics ask, each one SQL aggregation over the
 * same WHERE clauses the interactions and defects lists use, so a number and its drill-down
 * count the same rows. Units come from interactions, defects from non-dismissed defects.
 */

/** The interactions behind the numbers of a scope: the list filters with nothing else set. */
export function interactionScope(filters: ScopeFilters): InteractionFilters {
  const { from, to, touchpoint, stage, channel, segment } = filters;
  return { from, to, touchpoint, stage, channel, segment, outcome: [], source: [], loggedBy: [], customer: undefined, hasDefects: undefined };
}

/** The defects behind the numbers of a scope: every status but dismissed. */
export function defectScope(filters: ScopeFilters): DefectFilters {
  const { from, to, touchpoint, stage, channel, segment } = filters;
  return {
    from,
    to,
    touchpoint,
    stage,
    channel,
    segment,
    status: [...COUNTED_DEFECT_STATUSES],
    kind: [],
    category: [],
    severity: [],
    owner: [],
    customer: undefined,
    interaction: undefined,
    overdue: undefined,
    auto: undefined,
  };
}

const where = (condition: SQL | undefined) => condition ?? sql`true`;

// The interaction sums of one group, as numbers on both drivers (counts cast to int, sums to float8).
const interactionSums = sql`
  count(*)::int as units,
  coalesce(sum(tp.opportunities), 0)::float8 as opportunities,
  count(*) filter (where i.open_defect_count > 0)::int as defective_units,
  count(i.csat)::int as csat_responses,
  count(*) filter (where i.csat >= 4)::int as csat_satisfied,
  count(i.nps)::int as nps_responses,
  count(*) filter (where i.nps >= 9)::int as promoters,
  count(*) filter (where i.nps <= 6)::int as detractors,
  count(i.effort)::int as effort_responses,
  coalesce(sum(i.effort), 0)::float8 as effort_sum,
  count(i.experience - i.expectation)::int as gap_responses,
  coalesce(sum(i.experience - i.expectation), 0)::float8 as gap_sum`;

const defectSums = sql`count(*)::int as defects, coalesce(sum(d.lost_revenue), 0)::float8 as lost_revenue`;

interface TotalsRow {
  units: number | null;
  opportunities: number | null;
  defective_units: number | null;
  csat_responses: number | null;
  csat_satisfied: number | null;
  nps_responses: number | null;
  promoters: number | null;
  detractors: number | null;
  effort_responses: number | null;
  effort_sum: number | null;
  gap_responses: number | null;
  gap_sum: number | null;
  defects: number | null;
  lost_revenue: number | null;
}

const n = (value: number | string | null | undefined) => (value === null || value === undefined ? 0 : Number(value));

function totalsOf(row: Partial<TotalsRow> | undefined): Totals {
  if (!row) return EMPTY_TOTALS;
  return {
    units: n(row.units),
    opportunities: n(row.opportunities),
    defectiveUnits: n(row.defective_units),
    defects: n(row.defects),
    lostRevenue: n(row.lost_revenue),
    csatResponses: n(row.csat_responses),
    csatSatisfied: n(row.csat_satisfied),
    npsResponses: n(row.nps_responses),
    promoters: n(row.promoters),
    detractors: n(row.detractors),
    effortResponses: n(row.effort_responses),
    effortSum: n(row.effort_sum),
    gapResponses: n(row.gap_responses),
    gapSum: n(row.gap_sum),
  };
}

/*
 * The list conditions name the real tables ("interactions"."occurred_at"); the sums use short
 * aliases. Each source is therefore a sub-select filtered by the list's own WHERE, which
 * PostgreSQL pulls up into a plain filtered scan.
 */
const fromInteractions = (filters: InteractionFilters) =>
  sql`(select * from interactions where ${where(interactionConditions(filters))}) i join touchpoints tp on tp.id = i.touchpoint_id`;
const fromDefects = (filters: DefectFilters) => sql`(select * from defects where ${where(defectConditions(filters))}) d`;

export interface KpiSummary {
  current: Kpis;
  previous: Kpis;
  change: KpiChanges;
  previousPeriod: { from: string; to: string };
}

/** Every KPI for the period and for the period of the same length before it, in one statement. */
export async function getKpiSummary(filters: MetricsFilters, db?: DbOrTx): Promise<KpiSummary> {
  const database = db ?? (await getDb());
  const previous = previousPeriod(filters);
  const both = { ...filters, from: previous.from, to: filters.to };
  const split = startOfDay(filters.from).toISOString();
  const rows = await selectRows<TotalsRow & { current: boolean }>(
    database,
    sql`with ia as (
          select (i.occurred_at >= ${split}::timestamptz) as current, ${interactionSums}
          from ${fromInteractions(interactionScope(both))}
          group by 1
        ), da as (
          select (d.occurred_at >= ${split}::timestamptz) as current, ${defectSums}
          from ${fromDefects(defectScope(both))}
          group by 1
        )
        select p.current, ia.units, ia.opportunities, ia.defective_units, ia.csat_responses, ia.csat_satisfied, ia.nps_responses,
               ia.promoters, ia.detractors, ia.effort_responses, ia.effort_sum, ia.gap_responses, ia.gap_sum, da.defects, da.lost_revenue
        from (values (true), (false)) as p(current)
        left join ia on ia.current = p.current
        left join da on da.current = p.current`,
  );
  const current = kpisOf(totalsOf(rows.find((r) => r.current === true)));
  const before = kpisOf(totalsOf(rows.find((r) => r.current === false)));
  return { current, previous: before, change: kpiChanges(current, before), previousPeriod: { from: previous.from, to: previous.to } };
}

export interface TrendPoint {
  /** The subgroup's first day. */
  period: string;
  /** The days of the subgroup inside the chosen period: what its drill-down filters on. */
  from: string;
  to: string;
  units: number;
  opportunities: number;
  defectiveUnits: number;
  defects: number;
  dpmo: MetricValue;
  sigma: MetricValue;
}

/** Units, opportunities, defective units and defects per day, week or month, in one statement. */
export async function getTrend(filters: MetricsFilters, db?: DbOrTx): Promise<TrendPoint[]> {
  const database = db ?? (await getDb());
  const unit = sql.raw(`'${filters.granularity}'`);
  const rows = await selectRows<{ bucket: string; units: number | null; opportunities: number | null; defective_units: number | null; defects: number | null }>(
    database,
    sql`with ia as (
          select date_trunc(${unit}, i.occurred_at at time zone 'UTC') as bucket,
                 count(*)::int as units, coalesce(sum(tp.opportunities), 0)::float8 as opportunities,
                 count(*) filter (where i.open_defect_count > 0)::int as defective_units
          from ${fromInteractions(interactionScope(filters))}
          group by 1
        ), da as (
          select date_trunc(${unit}, d.occurred_at at time zone 'UTC') as bucket, count(*)::int as defects
          from ${fromDefects(defectScope(filters))}
          group by 1
        )
        select to_char(coalesce(ia.bucket, da.bucket), 'YYYY-MM-DD') as bucket, ia.units, ia.opportunities, ia.defective_units, da.defects
        from ia full join da on da.bucket = ia.bucket`,
  );
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  return subgroupStarts(filters).map((period) => {
    const row = byBucket.get(period);
    const counts = { units: n(row?.units), opportunities: n(row?.opportunities), defects: n(row?.defects) };
    return {
      period,
      ...subgroupRange(period, filters),
      ...counts,
      defectiveUnits: n(row?.defective_units),
      dpmo: defectsPerMillion(counts),
      sigma: sigmaLevel(counts),
    };
  });
}

/** The p-chart of the share of defective interactions over the trend's subgroups. */
export function pChartOf(trend: TrendPoint[]): PChart {
  return pChart(trend.map((t) => ({ period: t.period, n: t.units, d: t.defectiveUnits })));
}

export interface ParetoRow extends ParetoBar {
  lostRevenue: number;
}

/** Defects by category, most first, with the cumulative share and the vital few. */
export async function getPareto(filters: MetricsFilters, db?: DbOrTx): Promise<ParetoRow[]> {
  const database = db ?? (await getDb());
  const rows = await selectRows<{ id: string; name: string; defects: number; lost_revenue: number }>(
    database,
    sql`select c.id, c.name, count(*)::int as defects, coalesce(sum(d.lost_revenue), 0)::float8 as lost_revenue
        from ${fromDefects(defectScope(filters))} join defect_categories c on c.id = d.category_id
        group by c.id, c.name`,
  );
  const revenue = new Map(rows.map((r) => [r.id, n(r.lost_revenue)]));
  return pareto(rows.map((r) => ({ key: r.id, label: r.name, count: n(r.defects) }))).map((bar) => ({ ...bar, lostRevenue: revenue.get(bar.key) ?? 0 }));
}

export interface TouchpointMetrics {
  id: string;
  name: string;
  channel: string;
  stageId: string;
  stageName: string;
  stagePosition: number;
  kpis: Kpis;
}

/** Every touchpoint in scope with its KPIs, in journey order, in one statement. */
export async function getTouchpointMetrics(filters: MetricsFilters, db?: DbOrTx): Promise<TouchpointMetrics[]> {
  const database = db ?? (await getDb());
  const scope: SQL[] = [];
  if (filters.touchpoint.length) scope.push(sql`t.id in ${filters.touchpoint}`);
  if (filters.stage.length) scope.push(sql`t.stage_id in ${filters.stage}`);
  if (filters.channel.length) scope.push(sql`t.channel::text in ${filters.channel}`);
  const rows = await selectRows<TotalsRow & { id: string; name: string; channel: string; stage_id: string; stage_name: string; stage_position: number }>(
    database,
    sql`with ia as (
          select i.touchpoint_id, ${interactionSums}
          from ${fromInteractions(interactionScope(filters))}
          group by 1
        ), da as (
          select d.touchpoint_id, ${defectSums}
          from ${fromDefects(defectScope(filters))}
          group by 1
        )
        select t.id, t.name, t.channel::text as channel, s.id as stage_id, s.name as stage_name, s.position as stage_position,
               ia.units, ia.opportunities, ia.defective_units, ia.csat_responses, ia.csat_satisfied, ia.nps_responses,
               ia.promoters, ia.detractors, ia.effort_responses, ia.effort_sum, ia.gap_responses, ia.gap_sum, da.defects, da.lost_revenue
        from touchpoints t
        join journey_stages s on s.id = t.stage_id
        left join ia on ia.touchpoint_id = t.id
        left join da on da.touchpoint_id = t.id
        where (t.active or ia.units is not null or da.defects is not null)
          ${scope.length ? sql`and ${sql.join(scope, sql` and `)}` : sql``}
        order by s.position, s.name, t.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    channel: r.channel,
    stageId: r.stage_id,
    stageName: r.stage_name,
    stagePosition: n(r.stage_position),
    kpis: kpisOf(totalsOf(r)),
  }));
}

export interface SegmentMetrics {
  /** Null for interactions without a customer or whose customer has no segment. */
  id: string | null;
  name: string;
  kpis: Kpis;
}

/** Every segment (and "no segment") with its KPIs, in one statement. */
export async function getSegmentMetrics(filters: MetricsFilters, db?: DbOrTx): Promise<SegmentMetrics[]> {
  const database = db ?? (await getDb());
  const rows = await selectRows<TotalsRow & { id: string | null; name: string | null }>(
    database,
    sql`with ia as (
          select c.segment_id, ${interactionSums}
          from ${fromInteractions(interactionScope(filters))} left join customers c on c.id = i.customer_id
          group by 1
        ), da as (
          select c.segment_id, ${defectSums}
          from ${fromDefects(defectScope(filters))} left join customers c on c.id = d.customer_id
          group by 1
        ), keys as (
          select segment_id from ia union select segment_id from da
          ${filters.segment.length ? sql`` : sql`union select id from segments where active`}
        )
        select k.segment_id as id, s.name,
               ia.units, ia.opportunities, ia.defective_units, ia.csat_responses, ia.csat_satisfied, ia.nps_responses,
               ia.promoters, ia.detractors, ia.effort_responses, ia.effort_sum, ia.gap_responses, ia.gap_sum, da.defects, da.lost_revenue
        from keys k
        left join segments s on s.id = k.segment_id
        left join ia on ia.segment_id is not distinct from k.segment_id
        left join da on da.segment_id is not distinct from k.segment_id
        order by s.name nulls last`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name ?? 'No segment', kpis: kpisOf(totalsOf(r)) }));
}

export interface DashboardMetrics {
  filters: MetricsFilters;
  kpis: KpiSummary;
  trend: TrendPoint[];
  pChart: PChart;
  pareto: ParetoRow[];
  touchpoints: TouchpointMetrics[];
  segments: SegmentMetrics[];
}

/** The whole dashboard: what GET /api/v1/metrics returns and what the benchmark times. */
export async function getDashboardMetrics(filters: MetricsFilters): Promise<DashboardMetrics> {
  const [kpis, trend, paretoRows, touchpointRows, segmentRows] = await Promise.all([
    getKpiSummary(filters),
    getTrend(filters),
    getPareto(filters),
    getTouchpointMetrics(filters),
    getSegmentMetrics(filters),
  ]);
  return { filters, kpis, trend, pChart: pChartOf(trend), pareto: paretoRows, touchpoints: touchpointRows, segments: segmentRows };
}

