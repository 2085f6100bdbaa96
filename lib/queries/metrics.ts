import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { selectRows } from '@/db/client';
import { EMPTY_TOTALS, kpiChanges, kpisOf, type KpiChanges, type Kpis, type Totals } from '@/lib/metrics/kpis';
import { pareto, type ParetoBar, type ParetoMeasure } from '@/lib/metrics/pareto';
import { pChart, type PChart } from '@/lib/metrics/p-chart';
import { rolledThroughputYield, type RolledThroughputYield } from '@/lib/metrics/rolled-throughput-yield';
import { defectsPerMillion, sigmaLevel } from '@/lib/metrics/six-sigma';
import type { MetricValue } from '@/lib/metrics/value';
import { isoDay } from '@/lib/dates';
import {
  previousPeriod,
  subgroupEnd,
  subgroupRange,
  subgroupStarts,
  type MetricsFilters,
} from '@/lib/validation/metrics';
import { rollupTarget, scopeConditions } from './filter-conditions';

/*
 * Every question the dashboard and GET /api/v1/metrics ask, each one SQL aggregation over the
 * daily rollups (metrics_daily, defect_category_daily: see db/schema.ts), which triggers keep equal to
 * the interactions and non-dismissed defects the lists show for the same filters.
 */

// The sums of one group of metrics_daily rows (alias r, touchpoints as tp), as numbers on both
// drivers: float8 holds any count exactly and never overflows like int4 would.
const interactionSums = sql`
  sum(r.units)::float8 as units,
  sum(r.opportunities)::float8 as opportunities,
  sum(r.defective_units)::float8 as defective_units,
  sum(r.csat_responses)::float8 as csat_responses,
  sum(r.csat_satisfied)::float8 as csat_satisfied,
  sum(r.nps_responses)::float8 as nps_responses,
  sum(r.promoters)::float8 as promoters,
  sum(r.detractors)::float8 as detractors,
  sum(r.effort_responses)::float8 as effort_responses,
  sum(r.effort_sum)::float8 as effort_sum,
  sum(r.gap_responses)::float8 as gap_responses,
  sum(r.gap_sum)::float8 as gap_sum`;

const defectSums = sql`sum(r.defects)::float8 as defects, sum(r.lost_revenue)::float8 as lost_revenue`;

const TOTAL_COLUMNS = sql.raw(
  'a.units, a.opportunities, a.defective_units, a.csat_responses, a.csat_satisfied, a.nps_responses, a.promoters, a.detractors, a.effort_responses, a.effort_sum, a.gap_responses, a.gap_sum, a.defects, a.lost_revenue',
);

/** The scope over a rollup (alias r, joined to touchpoints as tp): the lists' filters, on the rollup's columns. */
const rollupScope = (filters: MetricsFilters): SQL => sql.join(scopeConditions(filters, rollupTarget), sql` and `);

/**
 * The rollup's rows in scope. Touchpoints are joined only when a stage or channel filter needs
 * them: over 12 months the join costs about a third of each statement (`npm run bench`).
 */
const rollupIn = (table: 'metrics_daily' | 'defect_category_daily', filters: MetricsFilters) =>
  filters.stage.length || filters.channel.length
    ? sql`${sql.raw(table)} r join touchpoints tp on tp.id = r.touchpoint_id where ${rollupScope(filters)}`
    : sql`${sql.raw(table)} r where ${rollupScope(filters)}`;

const dailyIn = (filters: MetricsFilters) => rollupIn('metrics_daily', filters);

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
  const rows = await selectRows<TotalsRow & { current: boolean }>(
    database,
    sql`with a as (
          select (r.day >= ${filters.from}::date) as current, ${interactionSums}, ${defectSums} from ${dailyIn(both)} group by 1
        )
        select p.current, ${TOTAL_COLUMNS}
        from (values (true), (false)) as p(current)
        left join a on a.current = p.current`,
  );
  const current = kpisOf(totalsOf(rows.find((r) => r.current === true)));
  const before = kpisOf(totalsOf(rows.find((r) => r.current === false)));
  return {
    current,
    previous: before,
    change: kpiChanges(current, before),
    previousPeriod: { from: previous.from, to: previous.to },
  };
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
  /** The subgroup has not ended yet (it holds today): its numbers are still moving. */
  inProgress: boolean;
}

/**
 * Units, opportunities, defective units and defects per day, week or month, in one statement.
 * `today` (UTC) marks the subgroup still in progress.
 */
export async function getTrend(filters: MetricsFilters, db?: DbOrTx, today: Date = new Date()): Promise<TrendPoint[]> {
  const database = db ?? (await getDb());
  const unit = sql.raw(`'${filters.granularity}'`);
  const rows = await selectRows<{
    bucket: string;
    units: number | null;
    opportunities: number | null;
    defective_units: number | null;
    defects: number | null;
  }>(
    database,
    // Grouped on the truncated date, formatted once per subgroup: to_char on every row took half the time.
    sql`select to_char(a.bucket, 'YYYY-MM-DD') as bucket, a.units, a.opportunities, a.defective_units, a.defects
        from (
          select date_trunc(${unit}, r.day::timestamp) as bucket, sum(r.units)::float8 as units,
                 sum(r.opportunities)::float8 as opportunities, sum(r.defective_units)::float8 as defective_units,
                 sum(r.defects)::float8 as defects
          from ${dailyIn(filters)}
          group by 1
        ) a`,
  );
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  const todayDay = isoDay(today);
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
      inProgress: period <= todayDay && todayDay <= subgroupEnd(period, filters.granularity),
    };
  });
}

/** The p-chart of the share of defective interactions over the trend's subgroups. */
export function pChartOf(trend: TrendPoint[]): PChart {
  return pChart(trend.map((t) => ({ period: t.period, n: t.units, d: t.defectiveUnits, inProgress: t.inProgress })));
}

export interface ParetoRow extends ParetoBar {
  lostRevenue: number;
}

/** Defects by category, ranked by count or by lost revenue, with the cumulative share and the vital few. */
export async function getPareto(
  filters: MetricsFilters,
  db?: DbOrTx,
  measure: ParetoMeasure = 'count',
): Promise<ParetoRow[]> {
  const database = db ?? (await getDb());
  const rows = await selectRows<{ id: string; name: string; defects: number; lost_revenue: number }>(
    database,
    // Summed per category first, then named: nine names joined, not 200,000 rows.
    sql`with a as (
          select r.category_id, sum(r.defects)::float8 as defects, sum(r.lost_revenue)::float8 as lost_revenue
          from ${rollupIn('defect_category_daily', filters)}
          group by 1
        )
        select c.id, c.name, a.defects, a.lost_revenue from a join defect_categories c on c.id = a.category_id`,
  );
  return pareto(
    rows.map((r) => ({ key: r.id, label: r.name, count: n(r.defects), lostRevenue: n(r.lost_revenue) })),
    measure,
  ).map((bar) => ({ ...bar, lostRevenue: bar.lostRevenue ?? 0 }));
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
  const rows = await selectRows<
    TotalsRow & {
      id: string;
      name: string;
      channel: string;
      stage_id: string;
      stage_name: string;
      stage_position: number;
    }
  >(
    database,
    sql`with a as (
          select r.touchpoint_id, ${interactionSums}, ${defectSums} from ${dailyIn(filters)} group by 1
        )
        select t.id, t.name, t.channel::text as channel, s.id as stage_id, s.name as stage_name, s.position as stage_position,
               ${TOTAL_COLUMNS}
        from touchpoints t
        join journey_stages s on s.id = t.stage_id
        left join a on a.touchpoint_id = t.id
        where (t.active or a.units > 0 or a.defects > 0)
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
    sql`with a as (
          select r.segment_id, ${interactionSums}, ${defectSums} from ${dailyIn(filters)} group by 1
        ), keys as (
          select segment_id from a
          ${filters.segment.length ? sql`` : sql`union select id from segments where active`}
        )
        select k.segment_id as id, s.name, ${TOTAL_COLUMNS}
        from keys k
        left join segments s on s.id = k.segment_id
        left join a on a.segment_id is not distinct from k.segment_id
        order by s.name nulls last`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name ?? 'No segment', kpis: kpisOf(totalsOf(r)) }));
}

/**
 * Rolled throughput yield across the journey from the touchpoints' metrics (already one row per
 * touchpoint, in journey order): each stage's units and defective units, multiplied through.
 */
export function rolledThroughputYieldOf(touchpoints: TouchpointMetrics[]): RolledThroughputYield {
  const stages: { id: string; name: string; units: number; defectiveUnits: number }[] = [];
  for (const t of touchpoints) {
    let stage = stages.at(-1);
    if (stage?.id !== t.stageId) {
      stage = { id: t.stageId, name: t.stageName, units: 0, defectiveUnits: 0 };
      stages.push(stage);
    }
    stage.units += t.kpis.interactions;
    stage.defectiveUnits += t.kpis.defectiveInteractions;
  }
  return rolledThroughputYield(stages);
}

export interface DashboardMetrics {
  filters: MetricsFilters;
  kpis: KpiSummary;
  trend: TrendPoint[];
  pChart: PChart;
  paretoMeasure: ParetoMeasure;
  pareto: ParetoRow[];
  touchpoints: TouchpointMetrics[];
  rolledThroughputYield: RolledThroughputYield;
  segments: SegmentMetrics[];
}

/** The whole dashboard: what GET /api/v1/metrics returns and what the benchmark times. */
export async function getDashboardMetrics(
  filters: MetricsFilters,
  db?: DbOrTx,
  paretoMeasure: ParetoMeasure = 'count',
): Promise<DashboardMetrics> {
  const database = db ?? (await getDb());
  const [kpis, trend, paretoRows, touchpointRows, segmentRows] = await Promise.all([
    getKpiSummary(filters, database),
    getTrend(filters, database),
    getPareto(filters, database, paretoMeasure),
    getTouchpointMetrics(filters, database),
    getSegmentMetrics(filters, database),
  ]);
  return {
    filters,
    kpis,
    trend,
    pChart: pChartOf(trend),
    paretoMeasure,
    pareto: paretoRows,
    touchpoints: touchpointRows,
    rolledThroughputYield: rolledThroughputYieldOf(touchpointRows),
    segments: segmentRows,
  };
}
