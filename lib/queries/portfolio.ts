import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import { defects } from '@/db/schema';
import { rowsTarget, scopeConditions } from './filter-conditions';
import { dayEnd, dayStart, localMonthOf } from './zone';
import { getDb } from '@/db';
import { selectRows } from '@/db/client';

/**
 * The customer portfolio (docs/portfolio.md): segments × lifecycle, the defection rate per month and
 * retention by the month of first contact. Every figure is aggregated in SQL.
 */

export type LifecycleName = 'prospect' | 'active' | 'at_risk' | 'churned' | 'advocate';

export interface PortfolioCell {
  segmentId: string | null;
  segmentName: string;
  lifecycle: LifecycleName;
  customers: number;
  /** Σ sale value of their sale_won interactions in the period. */
  revenueWon: number;
  /** Σ lost revenue of their defects (dismissed excluded) in the period. */
  lostRevenue: number;
  /** NPS over their answers in the period; null without any. */
  nps: number | null;
  npsResponses: number;
}

interface Period {
  /** First and last UTC day, inclusive. */
  from: string;
  to: string;
}

type CellRow = {
  segment_id: string | null;
  segment_name: string | null;
  lifecycle: LifecycleName;
  customers: number;
  won: string;
  lost: string;
  n: number;
  promoters: number;
  detractors: number;
};

const toCell = (r: CellRow): PortfolioCell => ({
  segmentId: r.segment_id,
  segmentName: r.segment_name ?? 'No segment',
  lifecycle: r.lifecycle,
  customers: r.customers,
  revenueWon: Number(r.won),
  lostRevenue: Number(r.lost),
  // As the dashboard's NPS: % promoters (9–10) − % detractors (0–6) of the answers.
  nps: r.n ? ((r.promoters - r.detractors) / r.n) * 100 : null,
  npsResponses: r.n,
});

/**
 * Segments × lifecycle: each cell's customers (as they are now) and their period's figures.
 */
export async function getPortfolioCells(period: Period): Promise<PortfolioCell[]> {
  // Not from portfolio_daily yet: main's one-statement write (interaction insert and lifecycle move
  // in one statement) makes its customers trigger move the new interaction a second time. Until
  // that is fixed the cells count the rows (the report of issue 17 says so).
  return getPortfolioCellsFromRows(period);
}

/**
 * The same cells counted from the interactions and defects themselves: what the rollup must always
 * equal (tests/integration/voice-rollups.test.ts) and the "before" of `npm run bench:voice`.
 */
export async function getPortfolioCellsFromRows({ from, to }: Period): Promise<PortfolioCell[]> {
  const db = await getDb();
  const start = dayStart(from);
  const rows = await selectRows<CellRow>(
    db,
    sql`with iv as (
          select customer_id, sum(sale_value) filter (where outcome = 'sale_won') as won, count(nps) as n,
            count(*) filter (where nps >= 9) as promoters, count(*) filter (where nps <= 6) as detractors
          from interactions
          where customer_id is not null and occurred_at >= ${start}
            and occurred_at < ${dayEnd(to)}
          group by customer_id
        ), dv as (
          select customer_id, sum(lost_revenue) as lost from defects
          where customer_id is not null and status <> 'dismissed' and occurred_at >= ${start}
            and occurred_at < ${dayEnd(to)}
          group by customer_id
        )
        select c.segment_id, s.name as segment_name, c.lifecycle, count(*)::int as customers,
          coalesce(sum(iv.won), 0)::text as won, coalesce(sum(dv.lost), 0)::text as lost,
          coalesce(sum(iv.n), 0)::int as n, coalesce(sum(iv.promoters), 0)::int as promoters,
          coalesce(sum(iv.detractors), 0)::int as detractors
        from customers c
        left join segments s on s.id = c.segment_id
        left join iv on iv.customer_id = c.id
        left join dv on dv.customer_id = c.id
        group by c.segment_id, s.name, c.lifecycle
        order by s.name nulls last, c.lifecycle`,
  );
  return rows.map(toCell);
}

export interface DefectionMonth {
  /** First day of the month. */
  month: string;
  /** Customers with contact in the 365 days before the month began. */
  base: number;
  /** Of those, the ones who moved to churned during the month. */
  churned: number;
  /** churned / base; null when the base is empty. */
  rate: number | null;
}

/** Customers who moved to churned in each month and still had contact in the year before it began. */
const churnedIn = (month: SQL) => sql`(select count(distinct ch.customer_id) from customer_lifecycle_changes ch
  where ch.to_lifecycle = 'churned' and ch.occurred_at >= ${month} and ch.occurred_at < ${month} + interval '1 month'
    and exists (select 1 from interactions i where i.customer_id = ch.customer_id
                  and i.occurred_at >= ${month} - interval '365 days' and i.occurred_at < ${month}))::int`;

/**
 * Defection (churn) rate per month: customers who moved to churned in the month (their lifecycle
 * history), over the customers who had contact in the year before the month began. The base is
 * the running sum of the defection_base_steps rollup (db/voice-rollup-sql.ts).
 */
export async function getDefectionByMonth({ from, to }: Period): Promise<DefectionMonth[]> {
  const db = await getDb();
  const rows = await selectRows<{ month: string; base: number; churned: number }>(
    db,
    sql`with months as (
          select m::date as month from generate_series(date_trunc('month', ${from}::date), date_trunc('month', ${to}::date), interval '1 month') m
        ), steps as (
          select month, sum(customers) as d from defection_base_steps
          where month <= date_trunc('month', ${to}::date)::date group by month
        )
        select to_char(months.month, 'YYYY-MM-DD') as month,
          (select coalesce(sum(d), 0) from steps where steps.month <= months.month)::int as base,
          ${churnedIn(sql`months.month`)} as churned
        from months order by months.month`,
  );
  return rows.map((r) => ({ ...r, rate: r.base ? r.churned / r.base : null }));
}

/**
 * The same, counted from the interactions themselves: what the rollup must always equal
 * (tests/integration/voice-rollups.test.ts) and the "before" of `npm run bench:voice`.
 */
export async function getDefectionByMonthFromRows({ from, to }: Period): Promise<DefectionMonth[]> {
  const db = await getDb();
  const rows = await selectRows<{ month: string; base: number; churned: number }>(
    db,
    // The base in one pass over the interactions (not one per month): a customer is in month M's
    // base when some contact t has t < M <= t + 365 days. The contacts of one calendar month cover
    // the months from the next one up to the month of (its last contact + 365 days); per customer
    // those ranges only grow, so each adds the part past the previous one, as +1/-1 steps whose
    // running sum is the base.
    sql`with months as (
          select m::date as month from generate_series(date_trunc('month', ${from}::date), date_trunc('month', ${to}::date), interval '1 month') m
        ), buckets as (
          select customer_id, ${localMonthOf(sql`occurred_at`)} as bm, max(occurred_at) as last
          from interactions
          where customer_id is not null
            and occurred_at >= ${dayStart(`${from.slice(0, 8)}01`)} - interval '365 days'
            and occurred_at < ${dayStart(`${to.slice(0, 8)}01`)}
          group by 1, 2
        ), ranges as (
          select bm + interval '1 month' as s, ${localMonthOf(sql`(last + interval '365 days')`)} as e,
            lag(${localMonthOf(sql`(last + interval '365 days')`)}) over (partition by customer_id order by bm) as prev_e
          from buckets
        ), parts as (
          select greatest(s, coalesce(prev_e + interval '1 month', s)) as s, e from ranges
        ), steps as (
          select s::date as m, 1 as d from parts where s <= e
          union all
          select (e + interval '1 month')::date, -1 from parts where s <= e
        ), by_month as materialized (
          select m, sum(d) as d from steps group by m
        ), base as (
          select months.month, coalesce(sum(b.d), 0)::int as base
          from months left join by_month b on b.m <= months.month group by months.month
        )
        select to_char(months.month, 'YYYY-MM-DD') as month,
          base.base,
          ${churnedIn(sql`months.month`)} as churned
        from months join base on base.month = months.month order by months.month`,
  );
  return rows.map((r) => ({ ...r, rate: r.base ? r.churned / r.base : null }));
}

export interface RetentionCohort {
  /** First day of the month of the customers' first contact. */
  cohort: string;
  customers: number;
  /** retained[k]: share of the cohort with contact in the k-th month after (k = 0 is 1.0). */
  retained: (number | null)[];
}

type RetentionRow = { cohort: string; offset: number; customers: number; active: number; reached: boolean };

function toCohorts(rows: RetentionRow[]): RetentionCohort[] {
  const byCohort = new Map<string, RetentionCohort>();
  for (const r of rows) {
    const cohort = byCohort.get(r.cohort) ?? { cohort: r.cohort, customers: r.customers, retained: [] };
    cohort.retained[r.offset] = r.reached ? r.active / r.customers : null;
    byCohort.set(r.cohort, cohort);
  }
  return [...byCohort.values()];
}

/** Each cohort × offset k, with the cohort's size and its customers active at k (relations cohorts, counted). */
const cohortTable = (months: number) => sql`
        select to_char(c.cohort, 'YYYY-MM-DD') as cohort, k.k as offset, c.customers,
          coalesce(counted.active, 0) as active,
          (c.cohort + make_interval(months => k.k)) <= date_trunc('month', now())::date as reached
        from cohorts c cross join generate_series(0, ${months - 1}) as k(k)
          left join counted on counted.cohort = c.cohort and counted.k = k.k
        order by c.cohort, k.k`;

const monthsBetween = (a: string, b: string) =>
  sql.raw(
    `((extract(year from ${b}) - extract(year from ${a})) * 12 + extract(month from ${b}) - extract(month from ${a}))::int`,
  );

/**
 * Retention by the cohort (month) of first contact: of the customers whose first interaction fell in
 * a month, the share with an interaction in each following month, up to `months` later; months not
 * yet reached are null. Read from the retention_monthly rollup (db/voice-rollup-sql.ts).
 */
export async function getRetentionCohorts({ from, to }: Period, months = 12): Promise<RetentionCohort[]> {
  const db = await getDb();
  const rows = await selectRows<RetentionRow>(
    db,
    sql`with r as (
          select cohort, month, sum(customers)::int as customers from retention_monthly
          where cohort >= date_trunc('month', ${from}::date) and cohort <= ${to}::date
          group by 1, 2 having sum(customers) <> 0
        ), cohorts as (
          select cohort, customers from r where month = cohort
        ), counted as (
          select cohort, ${monthsBetween('cohort', 'month')} as k, customers as active from r
        )
        ${cohortTable(months)}`,
  );
  return toCohorts(rows);
}

/**
 * The same, counted from the interactions themselves: what the rollup must always equal
 * (tests/integration/voice-rollups.test.ts) and the "before" of `npm run bench:voice`.
 */
export async function getRetentionCohortsFromRows({ from, to }: Period, months = 12): Promise<RetentionCohort[]> {
  const db = await getDb();
  const rows = await selectRows<RetentionRow>(
    db,
    // One pass over the interactions: each customer's months with contact; the first is the cohort.
    sql`with cm as materialized (
          select customer_id, ${localMonthOf(sql`occurred_at`)}::date as m
          from interactions where customer_id is not null
          group by 1, 2
        ), firsts as (
          select customer_id, min(m) as cohort from cm group by customer_id
        ), cohorts as (
          select cohort, count(*)::int as customers from firsts
          where cohort >= date_trunc('month', ${from}::date) and cohort <= ${to}::date group by cohort
        ), counted as (
          select f.cohort, ${monthsBetween('f.cohort', 'cm.m')} as k, count(*)::int as active
          from firsts f join cm on cm.customer_id = f.customer_id
          where f.cohort >= date_trunc('month', ${from}::date) and f.cohort <= ${to}::date
          group by 1, 2
        )
        ${cohortTable(months)}`,
  );
  return toCohorts(rows);
}

export interface FunnelStage {
  stageId: string;
  name: string;
  /** Customers whose furthest stage in the period (by journey order) is this one or a later one. */
  reached: number;
  /** Of those, the ones who went no further: the drop to the next stage. */
  stopped: number;
  /** Defects at this stage's touchpoints in the period, dismissed excluded: the defects list's scope. */
  defects: number;
}

/**
 * The journey funnel: how many customers reached each stage, in journey order, where they stopped,
 * and the defects met at each stage. A customer reached a stage when they had an interaction there
 * or at a later stage in the period; `segment` narrows to one segment (or `none`).
 */
export async function getJourneyFunnel({ from, to, segment }: Period & { segment?: string }): Promise<FunnelStage[]> {
  const db = await getDb();
  const start = dayStart(from);
  const inSegment = (column: SQL) =>
    segment === undefined
      ? sql`true`
      : segment === 'none'
        ? sql`${column} in (select id from customers where segment_id is null)`
        : sql`${column} in (select id from customers where segment_id = ${segment}::uuid)`;
  // The defects list's own scope, so a stage's count is the list its drill-down opens.
  const defectScope =
    and(
      ...scopeConditions(
        { from, to, touchpoint: [], stage: [], channel: [], segment: segment ? [segment] : [] },
        rowsTarget(defects),
      ),
    ) ?? sql`true`;
  const rows = await selectRows<{ stage_id: string; name: string; reached: number; stopped: number; defects: number }>(
    db,
    sql`with st as (
          select id, name, position from journey_stages
        ), reach as (
          select i.customer_id, max(st.position) as furthest
          from interactions i join touchpoints t on t.id = i.touchpoint_id join st on st.id = t.stage_id
          where i.customer_id is not null and i.occurred_at >= ${start} and i.occurred_at < ${dayEnd(to)}
            and ${inSegment(sql`i.customer_id`)}
          group by i.customer_id
        ), def as (
          select t.stage_id, count(*)::int as defects
          from defects join touchpoints t on t.id = defects.touchpoint_id
          where defects.status <> 'dismissed' and ${defectScope}
          group by t.stage_id
        )
        select st.id as stage_id, st.name,
          (select count(*) from reach where reach.furthest >= st.position)::int as reached,
          (select count(*) from reach where reach.furthest = st.position)::int as stopped,
          coalesce(def.defects, 0)::int as defects
        from st left join def on def.stage_id = st.id
        order by st.position`,
  );
  return rows.map((r) => ({
    stageId: r.stage_id,
    name: r.name,
    reached: r.reached,
    stopped: r.stopped,
    defects: r.defects,
  }));
}
