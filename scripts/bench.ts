// `npm run bench`: times the dashboard's complete set of queries on 1,000,000 interactions over
// 12 months on a fresh PostgreSQL database (created and dropped here), and on 100,000 on the
// embedded PostgreSQL server in a temporary folder: the last 30 days against the last 12 months
// by day and by month, side by side with the ratio. Not a test: it prints figures for the README,
// with the load average. The history is generated set-based in SQL, one statement per 100,000
// interactions with their defects, without triggers, foreign-key checks or the plain indexes (built
// again once at the end), then the rollups are rebuilt in one pass (rebuild_metric_rollups).
//   BENCH_DATABASE_URL  PostgreSQL server to create the throwaway database on
//                       (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_PG_ROWS / BENCH_EMBEDDED_ROWS   sizes (default 1,000,000 / 100,000); 0 skips that database
//   BENCH_RUNS          timed warm runs per case (default 7)
//   BENCH_KEEP_DATABASE=1  keep the PostgreSQL database afterwards (its name is printed), to EXPLAIN its queries
//   BENCH_REUSE_DATABASE_URL  time the queries again on such a kept database, without filling one
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase, selectRows, type DatabaseHandle } from '@/db/client';
import { ROLLUP_TABLES } from '@/db/rollup-sql';
import { createThrowawayCluster, createThrowawayDatabase } from '@/db/throwaway-database';
import { seedDemoData } from '@/db/seed-demo';
import {
  getDashboardMetrics,
  getKpiSummary,
  getPareto,
  getSegmentMetrics,
  getTouchpointMetrics,
  getTrend,
} from '@/lib/queries/metrics';
import { addDays, isoDay } from '@/lib/dates';
import { resolveMetricsFilters, type MetricsFilters } from '@/lib/validation/metrics';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// Warm as a server that has shown the view a few times: each of the pool's connections prepares a
// statement text once and plans it for its values five times before settling on a generic plan,
// and the whole dashboard spreads five statements over the pool. Two warm-up runs left most
// statements on connections still in that first phase (a year by day: 17.7 ms, then 10.1 ms).
const WARMUP = 30;
const BATCH = 100_000;

const log = (line: string) => console.log(`bench: ${line}`);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * One filling statement without the app's 30 s statement timeout: inserting 100,000 rows, or the
 * defects of a million, takes longer than that on a loaded 2-core machine.
 */
async function unbounded(
  handle: DatabaseHandle,
  query: ReturnType<typeof sql>,
  { replica = false }: { replica?: boolean } = {},
): Promise<void> {
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
    if (replica) await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(query);
  });
}

/**
 * The plain indexes of interactions and defects (not those behind a primary key or unique
 * constraint): dropped while history is generated and built again once, as pg_restore does,
 * because one CREATE INDEX over 10M rows is several times faster than 10M index insertions.
 */
async function plainIndexes(handle: DatabaseHandle): Promise<{ name: string; definition: string }[]> {
  return selectRows(
    handle.db,
    sql`select i.indexname as name, i.indexdef as definition
        from pg_indexes i
        where i.schemaname = 'public' and i.tablename in ('interactions', 'defects')
          and not exists (select 1 from pg_constraint c
                          where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
  );
}

/** The demo company at a small scale, then generated interactions up to `total`, with their defects. */
async function fill(handle: DatabaseHandle, total: number): Promise<void> {
  const started = performance.now();
  const summary = await seedDemoData(handle.db, { scale: 0.1 });
  const indexes = await plainIndexes(handle);
  for (const index of indexes) await handle.db.execute(sql.raw(`drop index ${index.name}`));
  let remaining = total - summary.interactions;
  const span = 365 / Math.ceil(remaining / BATCH);
  for (let batch = 0; remaining > 0; batch++) {
    const rows = Math.min(BATCH, remaining);
    // Each batch covers its own slice of the year, oldest first, as history arrives.
    const newestDaysAgo = 365 - (batch + 1) * span;
    // Generated in SQL, interactions and the auto defects the default rules raise (a few dismissed,
    // spread over the categories) in one statement. History arrives in bulk, as in a restore:
    // session_replication_role = replica skips the triggers and the foreign-key checks (the rows are
    // consistent by construction), and the rollups are rebuilt once at the end (db/rollup-sql.ts).
    await unbounded(
      handle,
      sql`
      with tp as materialized (select array_agg(id order by id) as ids, array_agg(opportunities order by id) as ops, count(*)::int as n from touchpoints),
           cu as materialized (select array_agg(id) as ids from customers),
           cat as materialized (select array_agg(id order by name) as ids, (select id from defect_categories where name = 'Lost sale') as lost from defect_categories),
           g as materialized (
             select gen_random_uuid() as id, 1 + floor(random() * (select n from tp))::int as k,
                    random() as r2, random() as r3, random() as r4, random() as r5, random() as r6, random() as r7,
                    random() as r8, random() as r9, random() as r10, random() as d1, random() as d2, random() as d3,
                    random() as c2, random() as c3
             from generate_series(1, ${rows})),
           v as materialized (
             select g.*, tp.ids[g.k] as touchpoint_id, tp.ops[g.k] as opportunities,
                    case when g.r2 < 0.9 then cu.ids[1 + floor(g.r2 / 0.9 * array_length(cu.ids, 1))::int] end as customer_id,
                    now() - (greatest(${newestDaysAgo}::float8, 0) + g.r3 * ${span}::float8) * interval '1 day' as occurred_at,
                    (case when g.r4 < 0.04 then 'sale_lost' when g.r4 < 0.1 then 'sale_won' when g.r4 < 0.5 then 'resolved' else 'none' end)::outcome as outcome,
                    case when g.r4 < 0.1 then round((200 + g.r5 * 4800)::numeric, 2) end as sale_value,
                    case when g.r5 < 0.6 then 3 + floor(g.r6 * 3)::int end as expectation,
                    case when g.r5 < 0.6 then greatest(1, least(5, 3 + floor(g.r6 * 3)::int + floor(g.r7 * 4)::int - 2)) end as experience,
                    case when g.r6 < 0.5 then 1 + floor(g.r8 * 5)::int end as csat,
                    case when g.r6 < 0.4 then floor(g.r9 * 11)::int end as nps,
                    case when g.r5 < 0.3 then 1 + floor(g.r10 * 7)::int end as effort
             from g, tp, cu),
           raised as materialized (
             select v.id, v.touchpoint_id, v.customer_id, v.occurred_at, x.rule, x.kind, x.lost, x.category,
                    (case when x.dismiss < 0.05 then 'dismissed' when v.occurred_at > now() - interval '30 days' then 'open' else 'closed' end)::defect_status as status
             from v cross join cat cross join lateral (values
               (v.outcome = 'sale_lost', 'lost_sale'::auto_rule, 'lost_sale'::defect_kind, v.sale_value, cat.lost, v.d1),
               (v.experience <= v.expectation - 1, 'below_expectation', 'below_expectation', 0, cat.ids[1 + floor(v.c2 * array_length(cat.ids, 1))::int], v.d2),
               (v.csat <= 2, 'low_csat', 'low_satisfaction', 0, cat.ids[1 + floor(v.c3 * array_length(cat.ids, 1))::int], v.d3)
             ) as x(hit, rule, kind, lost, category, dismiss)
             where x.hit),
           counted as (select id, count(*) filter (where status <> 'dismissed')::int as n from raised group by id),
           written as (
             insert into interactions (id, touchpoint_id, customer_id, occurred_at, source, outcome, sale_value, expectation,
                                       experience, csat, nps, effort, opportunities, open_defect_count)
             select v.id, v.touchpoint_id, v.customer_id, v.occurred_at, 'import', v.outcome, v.sale_value, v.expectation,
                    v.experience, v.csat, v.nps, v.effort, v.opportunities, coalesce(counted.n, 0)
             from v left join counted on counted.id = v.id)
      insert into defects (touchpoint_id, interaction_id, customer_id, category_id, kind, lost_revenue, occurred_at, auto_rule, status)
      select r.touchpoint_id, r.id, r.customer_id, r.category, r.kind, r.lost, r.occurred_at, r.rule, r.status
      from raised r`,
      { replica: true },
    );
    remaining -= rows;
  }
  for (const index of indexes) await unbounded(handle, sql.raw(index.definition));
  await unbounded(handle, sql`select rebuild_metric_rollups()`);
  // VACUUM cannot run in a transaction: one connection of its own, without the app's timeout.
  const raw = postgres(handle.url, { max: 1, onnotice: () => {}, connection: { statement_timeout: 0 } });
  await raw.unsafe('vacuum analyze');
  await raw.end({ timeout: 5 });
  const [counts] = await selectRows<{ interactions: number; defects: number }>(
    handle.db,
    sql`select (select count(*) from interactions)::int as interactions, (select count(*) from defects)::int as defects`,
  );
  const [rollups] = await selectRows<Record<string, number>>(
    handle.db,
    sql.raw(`select ${ROLLUP_TABLES.map((t) => `(select count(*) from ${t.name})::int as ${t.name}`).join(', ')}`),
  );
  log(
    `${handle.driver}: ${counts!.interactions.toLocaleString('en-GB')} interactions, ${counts!.defects.toLocaleString('en-GB')} defects, filled in ${((performance.now() - started) / 1000).toFixed(0)} s (load ${load()}); rollup rows: ${Object.entries(
      rollups!,
    )
      .map(([k, v]) => `${k} ${v.toLocaleString('en-GB')}`)
      .join(', ')}`,
  );
}

function filtersFor(params: Partial<MetricsFilters>): MetricsFilters {
  const today = isoDay(new Date());
  const resolved = resolveMetricsFilters({
    from: addDays(today, -29),
    to: today,
    touchpoint: [],
    stage: [],
    channel: [],
    segment: [],
    granularity: undefined,
    ...params,
  });
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.fieldErrors));
  return resolved.filters;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    runs.push(performance.now() - started);
  }
  return median(runs);
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function measure(handle: DatabaseHandle, label: string): Promise<void> {
  const db = handle.db;
  const [stage] = await selectRows<{ id: string; name: string }>(
    db,
    sql`select s.id, s.name from journey_stages s join touchpoints t on t.stage_id = s.id join interactions i on i.touchpoint_id = t.id
        group by s.id, s.name order by count(*) desc limit 1`,
  );
  const today = isoDay(new Date());
  // Periods ending today, and ending on the 15th of last month, so whole months are cut in half.
  const midMonth = `${addDays(`${today.slice(0, 8)}01`, -1).slice(0, 8)}15`;
  const views = (to: string) => ({
    days30: filtersFor({ from: addDays(to, -29), to, granularity: 'day' }),
    year: (granularity: 'day' | 'month') => filtersFor({ from: addDays(to, -364), to, granularity }),
  });
  const wholes = new Map<string, number>();
  const timeView = async (name: string, filters: MetricsFilters) => {
    const whole = await time(() => getDashboardMetrics(filters, db));
    wholes.set(name, whole);
    const parts = {
      kpis: await time(() => getKpiSummary(filters, db)),
      trend: await time(() => getTrend(filters, db)),
      pareto: await time(() => getPareto(filters, db)),
      touchpoints: await time(() => getTouchpointMetrics(filters, db)),
      segments: await time(() => getSegmentMetrics(filters, db)),
    };
    const detail = Object.entries(parts)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ');
    log(
      `${label} | ${name}: whole dashboard ${whole.toFixed(1)} ms (median of ${RUNS} warm runs; alone: ${detail} ms; load ${load()})`,
    );
  };
  await timeView(`one stage (${stage!.name}), last 30 days`, filtersFor({ stage: [stage!.id] }));
  for (const [ending, to] of [
    ['today', today],
    ['the 15th', midMonth],
  ] as const) {
    const v = views(to);
    await timeView(`30 days to ${ending}`, v.days30);
    await timeView(`12 months to ${ending} by day`, v.year('day'));
    await timeView(`12 months to ${ending} by month`, v.year('month'));
    const base = wholes.get(`30 days to ${ending}`)!;
    const ratio = (name: string) => `${wholes.get(name)!.toFixed(1)} ms (${(wholes.get(name)! / base).toFixed(2)}×)`;
    log(
      `${label} | ending ${ending} (${to}): 30 days ${base.toFixed(1)} ms | 12 months by day ${ratio(`12 months to ${ending} by day`)} | 12 months by month ${ratio(`12 months to ${ending} by month`)} | load ${load()}`,
    );
  }
}

/**
 * What the rollup triggers cost a writer: 1,000 interactions and their auto defects stored in one
 * transaction (as recordInteractions stores a batch), triggers included.
 * (recordInteractions itself cannot be imported here: it pulls in Next.js request code.)
 */
async function measureWrites(handle: DatabaseHandle, label: string): Promise<void> {
  const withTriggers = await timeWrites(handle);
  // The same without the rollup triggers (the database is thrown away afterwards anyway).
  await handle.db.execute(sql`alter table interactions disable trigger user`);
  await handle.db.execute(sql`alter table defects disable trigger user`);
  const without = await timeWrites(handle);
  log(
    `${label} | writing 1,000 interactions and their defects in one transaction: ${withTriggers.toFixed(0)} ms with the rollup triggers, ${without.toFixed(0)} ms without (median of 5)`,
  );
}

async function timeWrites(handle: DatabaseHandle): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`
        with tp as (select array_agg(id) as ids from touchpoints where active),
             cu as (select array_agg(id) as ids from customers),
             cat as (select id from defect_categories order by name limit 1),
             stored as (
               insert into interactions (touchpoint_id, customer_id, occurred_at, source, csat, open_defect_count)
               select tp.ids[1 + g % array_length(tp.ids, 1)], cu.ids[1 + g % array_length(cu.ids, 1)], now() - (g % 30) * interval '1 day', 'api',
                      1 + g % 5, (1 + g % 5 <= 2)::int
               from generate_series(1, 1000) g, tp, cu
               returning id, touchpoint_id, customer_id, occurred_at, csat
             )
        insert into defects (touchpoint_id, interaction_id, customer_id, category_id, kind, occurred_at, auto_rule)
        select s.touchpoint_id, s.id, s.customer_id, cat.id, 'low_satisfaction', s.occurred_at, 'low_csat' from stored s, cat where s.csat <= 2`);
    });
    runs.push(performance.now() - started);
  }
  return median(runs);
}

async function benchPostgres(rows: number): Promise<void> {
  const reuse = process.env.BENCH_REUSE_DATABASE_URL;
  if (reuse) {
    const kept = await openDatabase({ url: reuse });
    try {
      await measure(kept, 'PostgreSQL, kept database');
    } finally {
      await kept.close();
    }
    return;
  }
  const keep = process.env.BENCH_KEEP_DATABASE === '1';
  const handle = await createThrowawayDatabase({
    serverUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    prefix: 'oi_bench_',
    keep,
  });
  try {
    await fill(handle, rows);
    await measure(handle, `PostgreSQL, ${rows.toLocaleString('en-GB')} interactions`);
    await measureWrites(handle, `PostgreSQL, ${rows.toLocaleString('en-GB')} interactions`);
  } finally {
    await handle.drop();
    if (keep) log(`kept the database ${handle.url}`);
  }
}

async function benchEmbedded(rows: number): Promise<void> {
  const handle = await createThrowawayCluster('outsidein-bench-');
  try {
    await fill(handle, rows);
    await measure(handle, `embedded PostgreSQL, ${rows.toLocaleString('en-GB')} interactions`);
    await measureWrites(handle, `embedded PostgreSQL, ${rows.toLocaleString('en-GB')} interactions`);
  } finally {
    await handle.drop();
  }
}

async function main() {
  const pgRows = Number(process.env.BENCH_PG_ROWS ?? 1_000_000);
  const embeddedRows = Number(process.env.BENCH_EMBEDDED_ROWS ?? 100_000);
  if (pgRows > 0) await benchPostgres(pgRows);
  if (embeddedRows > 0) await benchEmbedded(embeddedRows);
}

main().catch((error: unknown) => {
  console.error('bench: failed:', error);
  process.exit(1);
});
