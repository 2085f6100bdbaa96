import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { selectPreparedRows } from '@/db/client';
import { EMPTY_TOTALS, kpiChanges, kpisOf, type KpiChanges, type Kpis, type Totals } from '@/lib/metrics/kpis';
import { pareto, type ParetoBar, type ParetoMeasure } from '@/lib/metrics/pareto';
import { pChart, type PChart } from '@/lib/metrics/p-chart';
import { rolledThroughputYield, type RolledThroughputYield } from '@/lib/metrics/rolled-throughput-yield';
import { defectsPerMillion, sigmaLevel } from '@/lib/metrics/six-sigma';
import type { MetricValue } from '@/lib/metrics/value';
import { ROLLUP_TABLES } from '@/db/rollup-sql';
import { addDays, daysBetween, isoDay, splitByWholeMonths, startOfNextMonth } from '@/lib/dates';
import {
  previousPeriod,
  subgroupEnd,
  subgroupRange,
  subgroupStarts,
  type MetricsFilters,
} from '@/lib/validation/metrics';
import { rollupTarget, scopeConditions } from './filter-conditions';
import { localWeekOf } from './zone';

/*
 * Every question the dashboard and GET /api/v1/metrics ask, each one SQL aggregation over the
 * rollups (metrics_daily/_monthly, defect_category_daily/_monthly: db/rollup-sql.ts), which
 * triggers keep equal to the interactions and non-dismissed defects the lists show for the same
 * filters. Whole months are read from the monthly rollups (docs/performance.md).
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

/**
 * A family of rollups: its daily table (`<family>_daily`) and its monthly one (`<family>_monthly`;
 * the trends have none). The `_total` families hold the company's totals without the touchpoint
 * and segment keys, for the unfiltered view.
 */
type Family = 'metrics' | 'defect_category' | 'category_total' | 'trend' | 'trend_total';

/** Nothing but the dates chosen (no scope condition at all): the company's totals answer. */
const unfiltered = (filters: MetricsFilters) =>
  scopeConditions({ ...filters, from: undefined, to: undefined }, rollupTarget).length === 0;
type Period = Pick<MetricsFilters, 'from' | 'to'>;
/** Day: every day from the daily table. Month: whole months from the monthly table, the days around them from the daily one. */
type Grain = 'day' | 'month';

const familyColumns = (family: Family, sign: 1 | -1 = 1) => {
  const daily = ROLLUP_TABLES.find((t) => t.name === `${family}_daily`)!;
  const measures = daily.measures.map((m) => (sign === 1 ? m.column : `-${m.column} as ${m.column}`));
  return sql.raw([...daily.keys, ...measures].join(', '));
};

/** A stretch of days inside one calendar month. */
type MonthPiece = { month: string; from: string; to: string; monthEnd: string };

/** Cuts a stretch of days at month ends. */
function monthPieces({ from, to }: Period): MonthPiece[] {
  const pieces: MonthPiece[] = [];
  for (let start = from; start <= to;) {
    const monthEnd = addDays(startOfNextMonth(start), -1);
    pieces.push({ month: `${start.slice(0, 8)}01`, from: start, to: monthEnd < to ? monthEnd : to, monthEnd });
    start = addDays(monthEnd, 1);
  }
  return pieces;
}

/**
 * A family's rollup rows over some periods, as one relation with a `day` column (a month's row
 * carries its first day) and `period`, the index of the period in `periods` each row counts for.
 * Several rows may share a key (delta rows not folded yet), and at month grain a row may count
 * negatively: readers sum, and classify rows by `period`, never by `day`.
 *
 * At month grain whole months come from the monthly table. The days of a month the period holds
 * only in part are read from the daily table, or, when the period holds most of that month, as the
 * month's row minus the days it leaves out: the 2nd to the 31st of December is December less the
 * 1st, two rows' worth per key instead of thirty. Exact because the triggers write a month's row
 * and its days in the same transaction (docs/performance.md).
 */
function rollupRows(family: Family, periods: Period[], grain: Grain): SQL {
  const daily = sql.raw(`${family}_daily`);
  const monthly = sql.raw(`${family}_monthly`);
  const days = (index: number, from: string, to: string, sign: 1 | -1 = 1) =>
    sql`select day, ${index}::int as period, ${familyColumns(family, sign)} from ${daily}
        where day between ${from}::date and ${to}::date`;
  const months = (index: number, first: string, last: string) =>
    sql`select month as day, ${index}::int as period, ${familyColumns(family)} from ${monthly}
        where month between ${first}::date and ${last}::date`;
  const piece = (index: number, p: MonthPiece): SQL[] => {
    const held = daysBetween(p.from, p.to);
    const left = daysBetween(p.month, p.monthEnd) - held;
    if (1 + left >= held) return [days(index, p.from, p.to)];
    return [
      months(index, p.month, p.month),
      ...(p.from > p.month ? [days(index, p.month, addDays(p.from, -1), -1)] : []),
      ...(p.to < p.monthEnd ? [days(index, addDays(p.to, 1), p.monthEnd, -1)] : []),
    ];
  };
  const parts = periods.flatMap((period, index) => {
    if (grain === 'day' || family === 'trend' || family === 'trend_total') return [days(index, period.from, period.to)];
    const split = splitByWholeMonths(period.from, period.to);
    return [
      ...(split.months ? [months(index, split.months.first, split.months.last)] : []),
      ...split.days.flatMap(monthPieces).flatMap((p) => piece(index, p)),
    ];
  });
  return sql`(${sql.join(parts, sql` union all `)})`;
}

/**
 * The rollup's rows in scope, as alias r. The days are rollupRows' to bound; the other filters
 * apply here. Touchpoints are joined only when a stage or channel filter needs them: over 12
 * months the join costs about a third of each statement (`npm run bench`).
 */
const scoped = (rows: SQL, filters: MetricsFilters) => {
  const conditions = scopeConditions({ ...filters, from: undefined, to: undefined }, rollupTarget);
  const where = conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
  return filters.stage.length || filters.channel.length
    ? sql`${rows} r join touchpoints tp on tp.id = r.touchpoint_id where ${where}`
    : sql`${rows} r where ${where}`;
};

const rollupIn = (family: Family, filters: MetricsFilters, grain: Grain = 'month', periods: Period[] = [filters]) =>
  scoped(rollupRows(family, periods, grain), filters);

const metricsIn = (filters: MetricsFilters) => rollupIn('metrics', filters);

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
  const rows = await selectPreparedRows<TotalsRow & { current: boolean }>(
    database,
    sql`with a as (
          select (r.period = 1) as current, ${interactionSums}, ${defectSums}
          from ${rollupIn('metrics', both, 'month', [previous, filters])} group by 1
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
 * Weeks start on the filters' week start (the company's first day of the week). `today` (UTC)
 * marks the subgroup still in progress.
 */
export async function getTrend(filters: MetricsFilters, db?: DbOrTx, today?: Date): Promise<TrendPoint[]> {
  const database = db ?? (await getDb());
  // By day the row's own date is the bucket: grouping a year's ~10,000 rows on a date costs a
  // third of grouping them on date_trunc's timestamp.
  const bucket =
    filters.granularity === 'week'
      ? localWeekOf(sql`r.day`, filters.weekStart)
      : filters.granularity === 'day'
        ? sql`r.day`
        : sql`date_trunc('month', r.day::timestamp)`;
  // By month, the months; by day or week, the days of the trend's own rollups: the company's
  // totals when nothing is filtered, per touchpoint when a touchpoint, stage or channel is, and the
  // metrics rollup when a segment filter needs the segment.
  const rows =
    filters.granularity === 'month'
      ? rollupIn('metrics', filters, 'month')
      : rollupIn(filters.segment.length ? 'metrics' : unfiltered(filters) ? 'trend_total' : 'trend', filters, 'day');
  const buckets = await selectPreparedRows<TrendRow>(
    database,
    // Grouped on the truncated date, formatted once per subgroup: to_char on every row took half the time.
    sql`select to_char(a.bucket, 'YYYY-MM-DD') as bucket, a.units, a.opportunities, a.defective_units, a.defects
        from (
          select ${bucket} as bucket, sum(r.units)::float8 as units,
                 sum(r.opportunities)::float8 as opportunities, sum(r.defective_units)::float8 as defective_units,
                 sum(r.defects)::float8 as defects
          from ${rows}
          group by 1
        ) a`,
  );
  return trendPoints(buckets, filters, today);
}

interface TrendRow {
  bucket: string | null;
  units: number | null;
  opportunities: number | null;
  defective_units: number | null;
  defects: number | null;
}

/**
 * Every subgroup of the period, with its summed row if it has one. Today (a given instant's UTC day,
 * else the company zone's today the filters were resolved with) marks the one still in progress.
 */
function trendPoints(rows: TrendRow[], filters: MetricsFilters, today?: Date): TrendPoint[] {
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  const todayDay = today ? isoDay(today) : (filters.today ?? isoDay(new Date()));
  // Properties written out, not spread: a year by day builds 365 of these per render.
  return subgroupStarts(filters).map((period) => {
    const row = byBucket.get(period);
    const counts = { units: n(row?.units), opportunities: n(row?.opportunities), defects: n(row?.defects) };
    const { from, to } = subgroupRange(period, filters);
    return {
      period,
      from,
      to,
      units: counts.units,
      opportunities: counts.opportunities,
      defects: counts.defects,
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
  const rows = await selectPreparedRows<{ id: string; name: string; defects: number; lost_revenue: number }>(
    database,
    // Summed per category first, then named: nine names joined, not 200,000 rows.
    sql`with a as (
          select r.category_id, sum(r.defects)::float8 as defects, sum(r.lost_revenue)::float8 as lost_revenue
          from ${rollupIn(unfiltered(filters) ? 'category_total' : 'defect_category', filters)}
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
  const rows = await selectPreparedRows<
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
          select r.touchpoint_id, ${interactionSums}, ${defectSums} from ${metricsIn(filters)} group by 1
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
  const rows = await selectPreparedRows<TotalsRow & { id: string | null; name: string | null }>(
    database,
    sql`with a as (
          select r.segment_id, ${interactionSums}, ${defectSums} from ${metricsIn(filters)} group by 1
        ), keys as (
          -- A segment whose rows cancel out (a month less the days the period leaves out) has nothing in it.
          select segment_id from a where a.units <> 0 or a.defects <> 0
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

export interface DashboardScan {
  kpis: KpiSummary;
  trend: TrendPoint[];
  touchpoints: TouchpointMetrics[];
  segments: SegmentMetrics[];
}

/**
 * The KPI cards (both periods), the trend, the touchpoints and the segments from ONE scan of the
 * metrics rollups (GROUPING SETS), beside two small reads of the touchpoints and segments to name
 * and order the rows. Equal, number for number, to getKpiSummary, getTrend, getTouchpointMetrics
 * and getSegmentMetrics asked one by one (tests/integration/metrics-queries.test.ts).
 */
export async function getDashboardScan(filters: MetricsFilters, db?: DbOrTx, today?: Date): Promise<DashboardScan> {
  const database = db ?? (await getDb());
  const previous = previousPeriod(filters);
  const both = { ...filters, from: previous.from, to: filters.to };
  // rollupRows numbers the periods: 0 the previous one, 1 the current one.
  const current = sql`(r.period = 1)`;
  // Both periods by whole months. A trend by month shares the scan; by day or week its points are
  // days, which this scan does not read: it is asked beside it (getTrend, from trend_daily).
  const byMonth = filters.granularity === 'month';
  const source = rollupRows('metrics', [previous, filters], 'month');
  const bucket = byMonth
    ? sql`case when ${current} then date_trunc('month', r.day::timestamp) end`
    : sql`null::timestamp`;
  const sets = [
    sql`(r.current)`,
    ...(byMonth ? [sql`(r.current, r.bucket)`] : []),
    sql`(r.current, r.touchpoint_id)`,
    sql`(r.current, r.segment_id)`,
  ];
  const touchpointScope: SQL[] = [];
  if (filters.touchpoint.length) touchpointScope.push(sql`t.id in ${filters.touchpoint}`);
  if (filters.stage.length) touchpointScope.push(sql`t.stage_id in ${filters.stage}`);
  if (filters.channel.length) touchpointScope.push(sql`t.channel::text in ${filters.channel}`);
  type Row = TotalsRow & {
    g: number;
    current: boolean;
    bucket: string | null;
    touchpoint_id: string | null;
    segment_id: string | null;
  };
  const [rows, touchpointRows, segmentRows, dailyTrend] = await Promise.all([
    selectPreparedRows<Row>(
      database,
      sql`select ${byMonth ? sql`grouping(r.bucket, r.touchpoint_id, r.segment_id)` : sql`4 + grouping(r.touchpoint_id, r.segment_id)`} as g,
                 r.current, ${byMonth ? sql`to_char(r.bucket, 'YYYY-MM-DD')` : sql`null`} as bucket,
                 r.touchpoint_id, r.segment_id, ${interactionSums}, ${defectSums}
          from (
            select r.*, ${current} as current, ${bucket} as bucket
            from ${scoped(source, both)}
          ) r
          group by grouping sets (${sql.join(sets, sql`, `)})`,
    ),
    selectPreparedRows<{
      id: string;
      name: string;
      channel: string;
      stage_id: string;
      stage_name: string;
      stage_position: number;
      active: boolean;
    }>(
      database,
      sql`select t.id, t.name, t.channel::text as channel, s.id as stage_id, s.name as stage_name, s.position as stage_position, t.active
          from touchpoints t join journey_stages s on s.id = t.stage_id
          ${touchpointScope.length ? sql`where ${sql.join(touchpointScope, sql` and `)}` : sql``}
          order by s.position, s.name, t.name`,
    ),
    selectPreparedRows<{ id: string; name: string; active: boolean }>(
      database,
      sql`select id, name, active from segments order by name`,
    ),
    byMonth ? undefined : getTrend(filters, database, today),
  ]);
  // grouping() sets a bit for each of bucket, touchpoint, segment NOT grouped by in the row's set.
  const ofSet = (g: number) => rows.filter((r) => n(r.g) === g && r.current === true);
  const totals = (isCurrent: boolean) => kpisOf(totalsOf(rows.find((r) => n(r.g) === 7 && r.current === isCurrent)));
  const currentKpis = totals(true);
  const previousKpis = totals(false);
  const trend = dailyTrend ?? trendPoints(ofSet(3), filters, today);
  const byTouchpoint = new Map(ofSet(5).map((r) => [r.touchpoint_id, r]));
  const touchpoints = touchpointRows
    .filter((t) => {
      const row = byTouchpoint.get(t.id);
      return t.active || n(row?.units) > 0 || n(row?.defects) > 0;
    })
    .map((t) => ({
      id: t.id,
      name: t.name,
      channel: t.channel,
      stageId: t.stage_id,
      stageName: t.stage_name,
      stagePosition: n(t.stage_position),
      kpis: kpisOf(totalsOf(byTouchpoint.get(t.id))),
    }));
  // A segment whose rows cancel out (a month less the days the period leaves out) has nothing in it.
  const bySegment = new Map(
    ofSet(6)
      .filter((r) => n(r.units) !== 0 || n(r.defects) !== 0)
      .map((r) => [r.segment_id, r]),
  );
  const named = new Map(segmentRows.map((r) => [r.id, r]));
  const keys = new Set<string | null>(bySegment.keys());
  if (!filters.segment.length) for (const segment of segmentRows) if (segment.active) keys.add(segment.id);
  // In the order of their names, "No segment" (and any id without a row) last.
  const segments = [
    ...segmentRows.filter((r) => keys.has(r.id)).map((r) => r.id as string | null),
    ...[...keys].filter((k) => k === null || !named.has(k)),
  ].map((id) => ({
    id,
    name: (id !== null && named.get(id)?.name) || 'No segment',
    kpis: kpisOf(totalsOf(bySegment.get(id))),
  }));
  return {
    kpis: {
      current: currentKpis,
      previous: previousKpis,
      change: kpiChanges(currentKpis, previousKpis),
      previousPeriod: { from: previous.from, to: previous.to },
    },
    trend,
    touchpoints,
    segments,
  };
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
  // Two scans: the metrics rollups once for four questions, the Pareto's rollup once.
  const [{ kpis, trend, touchpoints: touchpointRows, segments: segmentRows }, paretoRows] = await Promise.all([
    getDashboardScan(filters, database),
    getPareto(filters, database, paretoMeasure),
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
