// `npm run bench:hotrow`: do concurrent writers queue on one rollup row? pgbench-style, with
// postgres.js clients, on two throwaway PostgreSQL databases created and dropped here:
//   before  migrated up to the last migration with upsert rollup triggers (one row per key
//           updated in place by every writer: ON CONFLICT … DO UPDATE)
//   after   migrated fully (writers append delta rows; a fold moves them into one row per key)
// For each: 20 writers on one touchpoint and day ("hot") against 20 writers each on its own
// touchpoint ("spread"), in transactions/s, and the longest stall of live writers on the hot
// touchpoint while a 20,000-row import dated today runs in one transaction beside them.
// Not a test: it prints figures for the README, with the load average beside them.
//   BENCH_DATABASE_URL  server (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_CLIENTS (20)  BENCH_SECONDS per case (10)  BENCH_ROUNDS (2, the median is printed)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { migrationsFolder } from '@/db/migrator';
import { createThrowawayDatabase } from '@/db/throwaway-database';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const IMPORT_ROWS = 20_000;
/** The first migration of the delta rows: "before" stops just short of it, at upsert triggers. */
const DELTA_MIGRATION = /_month-rollups-and-deltas$/;

const log = (line: string) => console.log(`bench:hotrow: ${line}`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A copy of the migrations folder that stops before the one matching `first`, for the "before" database. */
function migrationsBefore(first: RegExp): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outsidein-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  const end = journal.entries.findIndex((e) => first.test(e.tag));
  if (end < 0) throw new Error(`no migration ${first}`);
  journal.entries = journal.entries.slice(0, end);
  fs.mkdirSync(path.join(folder, 'meta'));
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const { tag } of journal.entries)
    fs.copyFileSync(path.join(migrationsFolder, `${tag}.sql`), path.join(folder, `${tag}.sql`));
  return folder;
}

interface Fixture {
  touchpoints: string[];
  customers: string[];
  category: string;
}

/** A stage with one touchpoint per client, 200 customers in one segment, one defect category. */
async function fixture(sql: postgres.Sql): Promise<Fixture> {
  const [stage] = await sql<
    { id: string }[]
  >`insert into journey_stages (name, position) values ('Service', 0) returning id`;
  const touchpoints = await sql<{ id: string }[]>`
    insert into touchpoints (name, stage_id, channel)
    select 'Touchpoint ' || g, ${stage!.id}, 'web' from generate_series(1, ${CLIENTS}) g returning id`;
  // One segment, every write with a customer: "one touchpoint and day" is then one rollup key.
  const [segment] = await sql<{ id: string }[]>`insert into segments (name) values ('Households') returning id`;
  const customers = await sql<{ id: string }[]>`
    insert into customers (name, segment_id) select 'Customer ' || g, ${segment!.id} from generate_series(1, 200) g returning id`;
  const [category] = await sql<{ id: string }[]>`insert into defect_categories (name) values ('Service') returning id`;
  return { touchpoints: touchpoints.map((t) => t.id), customers: customers.map((c) => c.id), category: category!.id };
}

/**
 * One API-style write: an interaction, then its auto defect when the CSAT is low, in one
 * transaction of two statements, as recordInteractions stores them: a rollup row lock taken by the
 * first statement is held across the second round trip and the commit.
 */
async function writeOne(sql: postgres.Sql, fx: Fixture, touchpoint: string): Promise<void> {
  const csat = 1 + Math.floor(Math.random() * 5);
  const customer = fx.customers[Math.floor(Math.random() * fx.customers.length)]!;
  await sql.begin(async (tx) => {
    const [stored] = await tx<{ id: string }[]>`
      insert into interactions (touchpoint_id, customer_id, occurred_at, source, csat, open_defect_count, opportunities)
      values (${touchpoint}, ${customer}, now(), 'api', ${csat}, ${csat <= 2 ? 1 : 0}, 1)
      returning id`;
    await tx`
      insert into defects (touchpoint_id, interaction_id, customer_id, category_id, kind, occurred_at, auto_rule)
      select ${touchpoint}, ${stored!.id}, ${customer}, ${fx.category}, 'low_satisfaction', now(), 'low_csat'
      where ${csat} <= 2`;
  });
}

interface Run {
  tps: number;
  latencies: { at: number; ms: number }[];
}

/** CLIENTS writers for `seconds`, each on touchpointOf(client); `during` runs beside them. */
async function drive(
  sql: postgres.Sql,
  fx: Fixture,
  touchpointOf: (client: number) => string,
  seconds: number,
  during?: () => Promise<void>,
): Promise<Run> {
  const started = performance.now();
  const end = started + seconds * 1000;
  const latencies: { at: number; ms: number }[] = [];
  const writers = Array.from({ length: CLIENTS }, async (_, client) => {
    while (performance.now() < end) {
      const begun = performance.now();
      await writeOne(sql, fx, touchpointOf(client));
      latencies.push({ at: begun, ms: performance.now() - begun });
    }
  });
  await Promise.all([...writers, during?.()]);
  return { tps: latencies.length / ((performance.now() - started) / 1000), latencies };
}

/** 20,000 interactions dated today on one touchpoint, in batches of 1,000, committed once. */
async function importToday(sql: postgres.Sql, fx: Fixture, touchpoint: string): Promise<{ at: number; ms: number }> {
  const begun = performance.now();
  await sql.begin(async (tx) => {
    for (let done = 0; done < IMPORT_ROWS; done += 1000)
      await tx`
        insert into interactions (touchpoint_id, customer_id, occurred_at, source, csat, opportunities)
        select ${touchpoint}, (${sql.array(fx.customers)}::uuid[])[1 + g % ${fx.customers.length}], now() - (g % 600) * interval '1 second',
               'import', 1 + g % 5, 1
        from generate_series(1, 1000) g`;
  });
  return { at: begun, ms: performance.now() - begun };
}

/**
 * While `until` runs, samples every 20 ms which backends wait on a lock (pg_stat_activity), and
 * returns the longest unbroken wait seen: what the import makes writers queue for, apart from
 * the CPU a loaded machine shares out anyway.
 */
async function longestLockWait(sql: postgres.Sql, until: Promise<unknown>): Promise<number> {
  let done = false;
  void until.finally(() => (done = true));
  const since = new Map<number, number>();
  let longest = 0;
  while (!done) {
    const now = performance.now();
    const waiting = await sql<{ pid: number }[]>`
      select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
    const pids = new Set(waiting.map((w) => w.pid));
    for (const pid of pids) if (!since.has(pid)) since.set(pid, now);
    for (const [pid, start] of since) {
      longest = Math.max(longest, now - start);
      if (!pids.has(pid)) since.delete(pid);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return longest;
}

interface Figures {
  hot: number;
  spread: number;
  stall: number;
  stallOutside: number;
  lockWait: number;
  importMs: number;
  load: string;
}

async function measure(serverUrl: string, shape: 'before' | 'after', folder: string | undefined): Promise<Figures> {
  const database = await createThrowawayDatabase({
    serverUrl,
    prefix: `oi_hotrow_${shape}_`,
    migrationsFolder: folder,
  });
  const sql = postgres(database.url, { max: CLIENTS + 2, onnotice: () => {} });
  // The fold the app's job runs each minute, run every 2 s here so its cost is in the figures.
  let folding: NodeJS.Timeout | undefined;
  try {
    const fx = await fixture(sql);
    if (shape === 'after') folding = setInterval(() => void sql`select fold_metric_rollups()`.catch(() => {}), 2000);
    const hot: number[] = [];
    const spread: number[] = [];
    await drive(sql, fx, (client) => fx.touchpoints[client]!, 1); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      // Alternating which goes first, so neither case always runs on the warmer database.
      const cases = [
        async () => spread.push((await drive(sql, fx, (client) => fx.touchpoints[client]!, SECONDS)).tps),
        async () => hot.push((await drive(sql, fx, () => fx.touchpoints[0]!, SECONDS)).tps),
      ];
      for (const run of round % 2 ? cases.reverse() : cases) await run();
    }
    // Live writers on the hot touchpoint; after 2 s, an import of today's rows to the same touchpoint.
    let window = { at: 0, ms: 0 };
    let lockWait = 0;
    const run = await drive(
      sql,
      fx,
      () => fx.touchpoints[0]!,
      SECONDS,
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const importing = importToday(sql, fx, fx.touchpoints[0]!);
        lockWait = await longestLockWait(sql, importing);
        window = await importing;
      },
    );
    // The longest write that overlapped the import.
    const overlapping = run.latencies.filter((l) => l.at < window.at + window.ms && l.at + l.ms > window.at);
    const stall = Math.max(0, ...overlapping.map((l) => l.ms));
    const outside = run.latencies.filter((l) => !overlapping.includes(l)).map((l) => l.ms);
    return {
      hot: median(hot),
      spread: median(spread),
      stall,
      stallOutside: Math.max(0, ...outside),
      lockWait,
      importMs: window.ms,
      load: load(),
    };
  } finally {
    clearInterval(folding);
    await sql.end({ timeout: 5 });
    await database.drop();
  }
}

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  log(`${CLIENTS} clients, ${SECONDS} s per case, median of ${ROUNDS} rounds; load average at start ${load()}`);
  const folder = migrationsBefore(DELTA_MIGRATION);
  let before: Figures;
  try {
    before = await measure(serverUrl, 'before', folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  const after = await measure(serverUrl, 'after', undefined);
  // Wide enough for the longest label below, so the columns line up.
  const width = 52;
  const row = (label: string, f: (x: Figures) => string) =>
    log(`${label.padEnd(width)} ${f(before).padStart(14)} ${f(after).padStart(14)}`);
  log(`${''.padEnd(width)} ${'before'.padStart(14)} ${'after'.padStart(14)}`);
  row(`${CLIENTS} writers spread over touchpoints (tx/s)`, (x) => x.spread.toFixed(0));
  row(`${CLIENTS} writers on one touchpoint and day (tx/s)`, (x) => x.hot.toFixed(0));
  row('hot / spread', (x) => `${((x.hot / x.spread) * 100).toFixed(0)} %`);
  row(`longest writer stall during a ${IMPORT_ROWS / 1000}k-row import (ms)`, (x) => x.stall.toFixed(0));
  row('longest write outside the import (ms)', (x) => x.stallOutside.toFixed(0));
  row('longest lock wait of a writer during the import (ms)', (x) => x.lockWait.toFixed(0));
  row('the import itself (ms)', (x) => x.importMs.toFixed(0));
  row('load average (1, 5, 15 min) at the end', (x) => x.load);
}

main().catch((error: unknown) => {
  console.error('bench:hotrow: failed:', error);
  process.exit(1);
});
