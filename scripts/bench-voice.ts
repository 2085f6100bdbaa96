// `npm run bench:voice`: times the comment search (the interactions list with ?q=, as the page
// asks it: one page and the total), the dashboard's keyword themes and the portfolio page's four
// queries (segments × lifecycle, defection, retention cohorts, journey funnel) on 1,000,000
// interactions of 100,000 customers, 40 % of them with a comment, 5 % of the customers churned in
// the year, on a fresh PostgreSQL database (created and dropped here). Prints
// the load average beside each figure, since the machine is shared. Not a test: figures for the
// README.
//   BENCH_DATABASE_URL  PostgreSQL server to create the throwaway database on
//                       (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_ROWS          interactions (default 1,000,000); BENCH_RUNS timed warm runs (default 7)
//   BENCH_CUSTOMERS     customers added to the demo ones (default 100,000)
//   BENCH_ONLY=search   time the searches only
//   BENCH_KEEP=1        keep the database afterwards (its name is printed), e.g. for EXPLAIN
//   BENCH_REUSE_DATABASE_URL  time on such a kept database instead: its migrations are brought up to
//                       date (the new rollups counted from its rows) and its interactions topped up
//                       to BENCH_ROWS through the triggers, then timed
//
// Each question is timed twice, side by side: "before" counts the interactions themselves (the
// …FromRows functions, what the pages did before the rollups of db/voice-rollup-sql.ts), "after"
// reads the rollups, as the pages do now.
import os from 'node:os';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { useDatabaseForTests as serveQueriesFrom } from '@/db';
import { selectRows, type DatabaseHandle } from '@/db/client';
import { seedDemoData } from '@/db/seed-demo';
import { createThrowawayDatabase } from '@/db/throwaway-database';
import { addDays, isoDay } from '@/lib/dates';
import { listInteractions } from '@/lib/queries/interactions';
import {
  getDefectionByMonth,
  getDefectionByMonthFromRows,
  getJourneyFunnel,
  getPortfolioCells,
  getPortfolioCellsFromRows,
  getRetentionCohorts,
  getRetentionCohortsFromRows,
} from '@/lib/queries/portfolio';
import { getCommentThemes, getCommentThemesFromRows } from '@/lib/queries/voice';
import { interactionFiltersSchema } from '@/lib/validation/filters';
import { resolveMetricsFilters } from '@/lib/validation/metrics';
import { analyseComment } from '@/lib/voice/analyse-comment';
import { parseLabelledComments } from '@/lib/voice/evaluate-sentiment';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const COMMENTED = 0.4;
const BATCH = 100_000;

const log = (line: string) => console.log(`bench: ${line}`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function time(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 2; i++) await fn();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    runs.push(performance.now() - started);
  }
  return median(runs);
}

/** One filling statement without the app's 30 s statement timeout (100,000 rows through the triggers take longer). */
async function unbounded(handle: DatabaseHandle, query: ReturnType<typeof sql>): Promise<void> {
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(query);
  });
}

/** Interactions up to ROWS (and, on a fresh database, the demo company, the customers and their churn). */
async function fill(handle: DatabaseHandle, fresh: boolean): Promise<void> {
  const started = performance.now();
  if (fresh) await seedDemoData(handle.db, { scale: 0.1 });
  // The comments: the 212 labelled ones, analysed here as a write would, drawn at random.
  const labelled = parseLabelledComments(
    readFileSync(path.join(import.meta.dirname, '..', 'tests', 'fixtures', 'labelled-comments.tsv'), 'utf8'),
  );
  const pool = JSON.stringify(
    labelled.map((l) => {
      const a = analyseComment(l.comment);
      return { notes: l.comment, sentiment: a.sentiment, score: a.sentimentScore, phrases: a.commentPhrases };
    }),
  );
  if (fresh) {
    // Customers: spread over the segments (and none) and lifecycles, created over the past two years.
    await unbounded(
      handle,
      sql`
      with sg as (select array_agg(id) as ids from segments)
      insert into customers (name, segment_id, lifecycle, created_at)
      select 'Bench customer ' || n,
             case when random() < 0.9 then sg.ids[1 + floor(random() * array_length(sg.ids, 1))::int] end,
             (array['prospect', 'active', 'active', 'active', 'at_risk', 'advocate', 'churned'])[1 + floor(random() * 7)::int]::lifecycle,
             now() - random() * interval '730 days'
      from generate_series(1, ${CUSTOMERS}) n cross join sg`,
    );
  }
  const [have] = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from interactions`);
  let remaining = ROWS - have!.n;
  while (remaining > 0) {
    const rows = Math.min(BATCH, remaining);
    await unbounded(
      handle,
      sql`
        with pool as (select row_number() over () as n, * from jsonb_to_recordset(${pool}::jsonb)
               as x(notes text, sentiment sentiment, score real, phrases text[])),
             tp as (select array_agg(id) as ids from touchpoints),
             cu as (select array_agg(id) as ids from customers),
             g as (select random() as r1, random() as r2, random() as r3, random() as r5, random() as r6, random() as r7,
                     random() as r8, random() as r9, random() as rc, 1 + floor(random() * (select count(*) from pool))::int as pick
                   from generate_series(1, ${rows}))
        insert into interactions (touchpoint_id, customer_id, occurred_at, source, expectation, experience, csat, nps,
          notes, sentiment, sentiment_score, comment_phrases)
        select tp.ids[1 + floor(g.r1 * array_length(tp.ids, 1))::int],
               case when g.r2 < 0.9 then cu.ids[1 + floor(g.r2 / 0.9 * array_length(cu.ids, 1))::int] end,
               now() - g.r3 * interval '365 days', 'import',
               case when g.r5 < 0.6 then 3 + floor(g.r6 * 3)::int end,
               case when g.r5 < 0.6 then greatest(1, least(5, 3 + floor(g.r6 * 3)::int + floor(g.r7 * 4)::int - 2)) end,
               case when g.r6 < 0.5 then 1 + floor(g.r8 * 5)::int end,
               case when g.r6 < 0.4 then floor(g.r9 * 11)::int end,
               p.notes, p.sentiment, p.score, p.phrases
        from g cross join tp cross join cu
          left join pool p on g.rc < ${COMMENTED} and p.n = g.pick`,
    );
    remaining -= rows;
  }
  if (fresh) {
    // 5 % of the customers churned at some time in the year, as the silence rule records it.
    await unbounded(
      handle,
      sql`
      insert into customer_lifecycle_changes (customer_id, from_lifecycle, to_lifecycle, rule, reason, occurred_at)
      select id, 'at_risk', 'churned', 'long_silence', 'No contact for 365 days.', now() - random() * interval '365 days'
      from customers where random() < 0.05`,
    );
  }
  // The rollups' delta rows folded, as the every-minute job keeps them, then fresh statistics.
  await unbounded(handle, sql`select fold_voice_rollups()`);
  const raw = postgres(handle.url, { max: 1, onnotice: () => {}, connection: { statement_timeout: 0 } });
  await raw.unsafe('vacuum analyze');
  await raw.end({ timeout: 5 });
  const [counts] = await selectRows<{ n: number; commented: number }>(
    handle.db,
    sql`select count(*)::int as n, count(notes)::int as commented from interactions`,
  );
  log(
    `${counts!.n.toLocaleString('en-GB')} interactions, ${counts!.commented.toLocaleString('en-GB')} with a comment, filled in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

async function measure() {
  const today = isoDay(new Date());
  const list = (params: Record<string, unknown>) => () =>
    listInteractions({ filters: interactionFiltersSchema.parse(params), sort: 'occurred', dir: 'desc', page: 1 });
  const searches: [string, () => Promise<unknown>][] = [
    ['search "installers", all time', list({ q: 'installers' })],
    ['search "late delivery", all time', list({ q: 'late delivery' })],
    ['search "\\"missed delivery slot\\"", all time', list({ q: '"missed delivery slot"' })],
    ['search "refund", last 30 days', list({ q: 'refund', from: addDays(today, -29), to: today })],
    ['search "rude", detractors only', list({ q: 'rude', npsGroup: 'detractor' })],
    [
      'a theme\'s drill-down ("hours late", unhappy, last 30 days)',
      list({ theme: 'hours late', unhappy: '1', from: addDays(today, -29), to: today }),
    ],
  ];
  for (const [label, fn] of searches) log(`${label}: ${(await time(fn)).toFixed(1)} ms (load ${load()})`);
  if (process.env.BENCH_ONLY === 'search') return;

  const scope = (from: string, to = today, extra: Partial<Record<'segment' | 'touchpoint', string[]>> = {}) => {
    const resolved = resolveMetricsFilters({
      from,
      to,
      touchpoint: [],
      stage: [],
      channel: [],
      segment: [],
      granularity: undefined,
      ...extra,
    });
    if (!resolved.ok) throw new Error('bad period');
    return resolved.filters;
  };
  const [segment] = await selectRows<{ id: string }>(
    await serverDb(),
    sql`select id from segments order by name limit 1`,
  );
  // Before and after, side by side: the same question from the rows and from the rollups.
  const pairs: [string, () => Promise<unknown>, () => Promise<unknown>][] = [];
  for (const [label, filters] of [
    ['last 30 days', scope(addDays(today, -29))],
    ['last 90 days', scope(addDays(today, -89))],
    ['last 12 months', scope(addDays(today, -364))],
    ['12 months from the 15th (partial months)', scope(addDays(today, -380), addDays(today, -16))],
    ['last 12 months, one segment', scope(addDays(today, -364), today, { segment: [segment!.id] })],
  ] as const)
    pairs.push([`keyword themes, ${label}`, () => getCommentThemesFromRows(filters), () => getCommentThemes(filters)]);
  // The portfolio page's queries, for its default period (the last 12 months).
  const period = { from: addDays(today, -364), to: today };
  pairs.push(
    [
      'portfolio: segments × lifecycle cells, 12 months',
      () => getPortfolioCellsFromRows(period),
      () => getPortfolioCells(period),
    ],
    [
      'portfolio: defection rate per month, 12 months',
      () => getDefectionByMonthFromRows(period),
      () => getDefectionByMonth(period),
    ],
    [
      'portfolio: retention by first-contact cohort, 12 months',
      () => getRetentionCohortsFromRows(period, 12),
      () => getRetentionCohorts(period, 12),
    ],
  );
  for (const [label, before, after] of pairs) {
    const b = await time(before);
    const a = await time(after);
    log(`${label}: before ${b.toFixed(1)} ms → after ${a.toFixed(1)} ms (load ${load()})`);
  }
  const funnel: [string, () => Promise<unknown>][] = [
    ['portfolio: journey funnel, 12 months', () => getJourneyFunnel(period)],
    ['portfolio: journey funnel, 12 months, one segment', () => getJourneyFunnel({ ...period, segment: segment!.id })],
  ];
  for (const [label, fn] of funnel) log(`${label}: ${(await time(fn)).toFixed(1)} ms (load ${load()})`);
}

let current: DatabaseHandle | undefined;
const serverDb = async () => current!.db;

async function main() {
  const reuse = process.env.BENCH_REUSE_DATABASE_URL;
  const keep = process.env.BENCH_KEEP === '1';
  const handle = await createThrowawayDatabase({
    serverUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    prefix: 'oi_bench_voice_',
    keep,
    reuseUrl: reuse,
  });
  current = handle;
  serveQueriesFrom(handle);
  try {
    await fill(handle, !reuse);
    await measure();
  } finally {
    await handle.drop();
    if (keep && !reuse) log(`kept database ${handle.name}`);
  }
}

main().catch((error: unknown) => {
  console.error('bench: failed:', error);
  process.exit(1);
});
