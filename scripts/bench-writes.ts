// `npm run bench:writes`: the write path of the HTTP API, measured in this process through the
// route handler itself (no HTTP server, so Next.js's own request handling is not in the figures):
//
//   - single POST /api/v1/interactions: round trips to the database per request, counted on the
//     wire by a proxy (tests/support/round-trip-proxy.ts), and CPU per request: Node.js by
//     process.cpuUsage(), PostgreSQL by the utime + stime in /proc/<pid>/stat of the backends
//     serving this database (the statements' parse, plan, execution and triggers; not the
//     background writer, WAL writer or autovacuum);
//   - batch POST of 1,000 interactions: interactions per second, and CPU per 1,000;
//   - the floor of a batch: the same 1,000 rows, resolved as the API stored them (the interaction
//     columns it writes, read back, with new ids), COPYed straight into `interactions` with its
//     indexes, foreign keys and triggers (as bench:import's "floor 2"): what the database must do
//     anyway to hold them, without the auto defects, outbox events, jobs and lifecycle moves;
//   - and the ceiling of this machine: two batches at a time through the API (PostgreSQL can then
//     use a second core), the floor with two COPYs at a time, and the table alone (the same COPYs
//     with no trigger and no foreign-key check: only the table and its indexes), one and two at a time.
//
// `-- --before <git ref>` also runs this script on that commit (checked out in a temporary
// worktree sharing node_modules) and prints both side by side, each with its load average.
//
//   BENCH_DRIVERS=embedded,postgres   which to run (postgres: BENCH_DATABASE_URL, else TEST_DATABASE_URL,
//                                     else postgres://postgres@127.0.0.1:5432/postgres; a throwaway database)
//   BENCH_POSTS=1000 BENCH_BATCHES=20 how many single POSTs and batches
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
// Renamed: the handler reads the database through getDb(), which this points at each handle in turn.
import { useDatabaseForTests as pointAppAt } from '@/db';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { apiKeys, customers, journeyStages, touchpoints } from '@/db/schema';
import { createThrowawayCluster, createThrowawayDatabase } from '@/db/throwaway-database';
import { POST } from '@/app/api/v1/interactions/route';
import { generateApiKey } from '@/lib/auth/api-keys';
import { startRoundTripProxy } from '../tests/support/round-trip-proxy';
import { runBefore } from './bench-before';
import { processCpuMs } from './process-cpu.mjs';

const POSTS = Number(process.env.BENCH_POSTS ?? 1_000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 20);
const BATCH = 1_000;
const WARM_UP_POSTS = 500;
const DRIVERS = (process.env.BENCH_DRIVERS ?? 'embedded,postgres').split(',').map((d) => d.trim());
const SERVER =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const OUTCOMES = ['none', 'resolved', 'unresolved', 'sale_won', 'sale_lost', 'escalated'] as const;

interface Figures {
  driver: string;
  load: number;
  postRoundTrips: number;
  postMs: number;
  postNodeCpuMs: number;
  postPgCpuMs: number;
  batchPerSecond: number;
  batchNodeCpuMs: number;
  batchPgCpuMs: number;
  /** The floor: resolved rows COPYed into interactions (absent in runs of older versions of this script). */
  floorPerSecond?: number;
  // Two at a time, and the table alone (absent in runs of versions before 1 Dec 2026's evening).
  batchPairPerSecond?: number;
  floorPairPerSecond?: number;
  barePerSecond?: number;
  barePairPerSecond?: number;
  /** PostgreSQL CPU per 1,000 rows of the table alone (the mean of its two runs). */
  bareCpuMs?: number;
}

const CORES = os.cpus().length;
const load = () => Number(os.loadavg()[0]!.toFixed(1));

async function seedCatalog({ db }: DatabaseHandle) {
  const stages = await db
    .insert(journeyStages)
    .values(Array.from({ length: 8 }, (_, i) => ({ name: `Stage ${i + 1}`, position: i })))
    .returning();
  const tps = await db
    .insert(touchpoints)
    .values(
      Array.from({ length: 25 }, (_, i) => ({
        name: `Touchpoint ${i + 1}`,
        stageId: stages[i % 8]!.id,
        channel: 'phone' as const,
        opportunities: 4,
        ruleLowNps: i % 3 === 0,
      })),
    )
    .returning({ id: touchpoints.id });
  const people = await db
    .insert(customers)
    .values(Array.from({ length: 1_000 }, (_, i) => ({ name: `Customer ${i + 1}`, email: `c${i + 1}@bench.test` })))
    .returning({ id: customers.id });
  const key = generateApiKey();
  await db
    .insert(apiKeys)
    .values({ name: 'bench', prefix: key.prefix, secretHash: key.hash, scopes: ['interactions:write'] });
  return { touchpointIds: tps.map((t) => t.id), customerIds: people.map((c) => c.id), key: key.key };
}

type Catalog = Awaited<ReturnType<typeof seedCatalog>>;

let serial = 0;
/** One interaction as an integration would send it: about one in five raises a defect, one in five has a comment. */
function interaction({ touchpointIds, customerIds }: Catalog) {
  const i = serial++;
  const outcome = OUTCOMES[i % OUTCOMES.length]!;
  const expectation = 3 + (i % 3);
  return {
    id: randomUUID(),
    touchpointId: touchpointIds[i % touchpointIds.length],
    customerId: customerIds[(i * 7) % customerIds.length],
    occurredAt: new Date(Date.now() - (i % 90) * 86_400_000 - 60_000).toISOString(),
    outcome,
    ...(outcome.startsWith('sale') ? { saleValue: (i % 97) * 10 + 50 } : {}),
    expectation,
    experience: i % 10 === 0 ? expectation - 2 : Math.min(5, expectation + (i % 2)),
    csat: i % 15 === 0 ? 2 : 4 + (i % 2),
    nps: i % 11,
    effort: 1 + (i % 7),
    ...(i % 5 === 0 ? { notes: `Called about the bill, ticket ${i}: the engineer was late but polite.` } : {}),
  };
}

async function post(key: string, body: unknown): Promise<void> {
  const response = await POST(
    new Request('http://localhost/api/v1/interactions', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  if (response.status !== 201) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
}

/** CPU milliseconds the backends serving this database have used, by pid. */
async function backendCpu({ db }: DatabaseHandle): Promise<Map<number, number>> {
  const rows = (await db.execute(
    sql`select pid from pg_stat_activity where datname = current_database()`,
  )) as unknown as { pid: number }[];
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    // Unreadable: not on this machine (a remote server) or already gone.
    const ms = processCpuMs(pid);
    if (ms !== undefined) cpu.set(pid, ms);
  }
  return cpu;
}

async function measure(
  direct: DatabaseHandle,
  run: () => Promise<void>,
): Promise<{ ms: number; nodeCpuMs: number; pgCpuMs: number }> {
  const pgBefore = await backendCpu(direct);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const pgAfter = await backendCpu(direct);
  let pgCpuMs = 0;
  for (const [pid, after] of pgAfter) pgCpuMs += after - (pgBefore.get(pid) ?? 0);
  return { ms, nodeCpuMs: (cpu.user + cpu.system) / 1000, pgCpuMs };
}

async function bench(driver: string): Promise<Figures> {
  const handle =
    driver === 'postgres'
      ? await createThrowawayDatabase({ serverUrl: SERVER, prefix: 'oi_writes_bench_' })
      : await createThrowawayCluster('outsidein-bench-writes-');
  const proxy = await startRoundTripProxy(handle.url);
  const counted = await openDatabase({ url: proxy.proxied(handle.url) });
  try {
    const catalog = await seedCatalog(handle);

    // Round trips: on a handle through the counting proxy, after warming up its statements.
    pointAppAt(counted);
    for (let i = 0; i < 20; i++) await post(catalog.key, interaction(catalog));
    proxy.reset();
    const counting = 50;
    for (let i = 0; i < counting; i++) await post(catalog.key, interaction(catalog));
    const postRoundTrips = proxy.roundTrips() / counting;

    // CPU and time: directly, so the proxy's own work is not counted.
    pointAppAt(handle);
    // Warm enough that V8 has compiled the write path: after 50, the first driver measured paid
    // ~0.4 ms more Node.js CPU per POST than the second, whichever came first.
    for (let i = 0; i < WARM_UP_POSTS; i++) await post(catalog.key, interaction(catalog));
    const single = await measure(handle, async () => {
      for (let i = 0; i < POSTS; i++) await post(catalog.key, interaction(catalog));
    });

    await post(
      catalog.key,
      Array.from({ length: BATCH }, () => interaction(catalog)),
    );
    const batches = Array.from({ length: BATCHES }, () => Array.from({ length: BATCH }, () => interaction(catalog)));
    const batch = await measure(handle, async () => {
      for (const body of batches) await post(catalog.key, body);
    });

    // Two batches at a time: the database's backends can use both cores while Node.js works.
    const pairs = Array.from({ length: BATCHES }, () => Array.from({ length: BATCH }, () => interaction(catalog)));
    const pair = await measure(handle, async () => {
      await Promise.all(
        [0, 1].map(async () => {
          for (let body = pairs.shift(); body !== undefined; body = pairs.shift()) await post(catalog.key, body);
        }),
      );
    });

    const ids = batches.map((body) => body.map((item) => item.id));
    const perSecond = (ms: number) => (BATCHES * BATCH) / (ms / 1000);
    const floor = (writers: number, bare: boolean) => copyResolved(handle.url, ids, { writers, bare });
    const [floor1, floor2, bare1, bare2] = [
      await floor(1, false),
      await floor(2, false),
      await floor(1, true),
      await floor(2, true),
    ];

    return {
      driver,
      load: load(),
      postRoundTrips,
      postMs: single.ms / POSTS,
      postNodeCpuMs: single.nodeCpuMs / POSTS,
      postPgCpuMs: single.pgCpuMs / POSTS,
      batchPerSecond: perSecond(batch.ms),
      batchNodeCpuMs: batch.nodeCpuMs / BATCHES,
      batchPgCpuMs: batch.pgCpuMs / BATCHES,
      batchPairPerSecond: perSecond(pair.ms),
      floorPerSecond: perSecond(floor1.ms),
      floorPairPerSecond: perSecond(floor2.ms),
      barePerSecond: perSecond(bare1.ms),
      barePairPerSecond: perSecond(bare2.ms),
      bareCpuMs: (bare1.pgCpuMs + bare2.pgCpuMs) / (2 * BATCHES),
    };
  } finally {
    await counted.close();
    await proxy.close();
    await handle.drop();
  }
}

// The interaction columns the API writes (the rest are defaults or kept by the database).
const RESOLVED_COLUMNS =
  'customer_id, touchpoint_id, logged_by_id, occurred_at, source, outcome, sale_value, expectation, experience, ' +
  'csat, nps, effort, notes, sentiment, sentiment_score, comment_phrases, opportunities, open_defect_count, ' +
  'contact_email, customer_match, suggested_customer_id';

/** How the floor's rows are written: by how many connections at once, and whether with everything. */
interface FloorOptions {
  /** Connections COPYing at once, each taking the next batch. */
  writers: number;
  /**
   * Only the table and its indexes: `session_replication_role = replica` skips every trigger and
   * foreign-key check (a superuser setting; both databases here run as one). What storing the
   * rows costs before anything the product adds.
   */
  bare: boolean;
}

/**
 * The floor: each batch's rows as the API stored them, read back with new ids, COPYed into
 * `interactions` one batch per COPY (one statement, as the API's write is). Milliseconds from the
 * first COPY's start to the last one's end; the read back is not counted.
 */
async function copyResolved(
  url: string,
  batchIds: string[][],
  { writers, bare }: FloorOptions,
): Promise<{ ms: number; pgCpuMs: number }> {
  // Read in one COPY on a connection of its own: postgres.js hung on a third COPY out in a row.
  const from = postgres(url, { max: 1, onnotice: () => {} });
  const to = Array.from({ length: writers }, () =>
    postgres(url, {
      max: 1,
      onnotice: () => {},
      connection: { jit: 'off', ...(bare ? { session_replication_role: 'replica' } : {}) },
    }),
  );
  try {
    const ids = batchIds.flat();
    const chunks: Buffer[] = [];
    const out = await from
      .unsafe(
        `copy (select gen_random_uuid(), ${RESOLVED_COLUMNS} from interactions ` +
          `join unnest('{${ids.join(',')}}'::uuid[]) with ordinality as b(id, n) using (id) order by b.n) to stdout`,
      )
      .readable();
    for await (const chunk of out) chunks.push(chunk as Buffer);
    // One row per line (COPY's text format escapes newlines inside values), in the batches' order.
    const lines = Buffer.concat(chunks).toString('utf8').split('\n').slice(0, ids.length);
    const batches: string[] = [];
    let at = 0;
    for (const batch of batchIds) {
      batches.push(`${lines.slice(at, at + batch.length).join('\n')}\n`);
      at += batch.length;
    }
    const pids = await Promise.all(to.map(async (c) => (await c`select pg_backend_pid() as pid`)[0]!.pid as number));
    const cpuBefore = pids.map((pid) => processCpuMs(pid) ?? 0);
    const started = performance.now();
    await Promise.all(
      to.map(async (connection) => {
        for (let rows = batches.shift(); rows !== undefined; rows = batches.shift()) await copyInto(connection, rows);
      }),
    );
    const ms = performance.now() - started;
    const pgCpuMs = pids.reduce((sum, pid, i) => sum + (processCpuMs(pid) ?? 0) - cpuBefore[i]!, 0);
    return { ms, pgCpuMs };
  } finally {
    await from.end({ timeout: 5 });
    await Promise.all(to.map((connection) => connection.end({ timeout: 5 })));
  }
}

async function copyInto(connection: postgres.Sql, rows: string): Promise<void> {
  const stream = await connection.unsafe(`copy interactions (id, ${RESOLVED_COLUMNS}) from stdin`).writable();
  // Never left waiting: a COPY stuck in the server holds up every DROP DATABASE … WITH (FORCE).
  await new Promise<void>((resolve, reject) => {
    const stuck = setTimeout(() => {
      stream.destroy();
      reject(new Error('the floor COPY did not finish within 60 s'));
    }, 60_000);
    stream
      .on('finish', () => {
        clearTimeout(stuck);
        resolve();
      })
      .on('error', (error) => {
        clearTimeout(stuck);
        reject(error);
      });
    stream.end(rows);
  });
}

/** This script run on another commit (scripts/bench-before.ts). */
const runBeforeWrites = (ref: string) =>
  runBefore<Figures[]>(ref, 'scripts/bench-writes.ts', [
    'tests/support/round-trip-proxy.ts',
    'db/throwaway-database.ts',
    'scripts/process-cpu.mjs',
  ]);

const fmt = (value: number, digits = 1) => value.toLocaleString('en-GB', { maximumFractionDigits: digits });

const perSecondOrDash = (value: number | undefined) => (value ? fmt(value, 0) : '–');

function print(after: Figures[], before: Figures[] | null, ref: string | null) {
  const rows: [string, (f: Figures) => string, string][] = [
    ['load average (1 min)', (f) => fmt(f.load), ''],
    ['single POST: round trips', (f) => fmt(f.postRoundTrips, 2), '≤ 3'],
    ['single POST: ms each (sequential)', (f) => fmt(f.postMs, 2), ''],
    [
      'single POST: CPU ms, node + PostgreSQL',
      (f) => `${fmt(f.postNodeCpuMs + f.postPgCpuMs, 2)} (${fmt(f.postNodeCpuMs, 2)} + ${fmt(f.postPgCpuMs, 2)})`,
      '≤ 6',
    ],
    ['batch of 1,000: interactions/s', (f) => fmt(f.batchPerSecond, 0), '≥ 25,000'],
    [
      'batch of 1,000: CPU ms, node + PostgreSQL',
      (f) => `${fmt(f.batchNodeCpuMs + f.batchPgCpuMs, 0)} (${fmt(f.batchNodeCpuMs, 0)} + ${fmt(f.batchPgCpuMs, 0)})`,
      '',
    ],
    ['batch of 1,000, two at a time: interactions/s', (f) => perSecondOrDash(f.batchPairPerSecond), '≥ 25,000'],
    [
      `  CPU-bound ceiling: ${CORES} cores × 1,000 ÷ CPU ms per 1,000`,
      (f) => fmt((CORES * 1_000 * 1_000) / (f.batchNodeCpuMs + f.batchPgCpuMs), 0),
      '',
    ],
    [
      'floor: COPY of the same rows, resolved, into interactions: interactions/s',
      (f) => perSecondOrDash(f.floorPerSecond),
      '',
    ],
    [
      '  floor ÷ API (how far the API is from what holding the rows costs)',
      (f) => (f.floorPerSecond ? `${fmt(f.floorPerSecond / f.batchPerSecond, 1)}×` : '–'),
      '',
    ],
    ['  floor, two COPYs at a time: interactions/s', (f) => perSecondOrDash(f.floorPairPerSecond), ''],
    ['the table alone (no trigger, no foreign-key check): interactions/s', (f) => perSecondOrDash(f.barePerSecond), ''],
    ['  the table alone, two COPYs at a time: interactions/s', (f) => perSecondOrDash(f.barePairPerSecond), ''],
    ['  the table alone: PostgreSQL CPU ms per 1,000', (f) => (f.bareCpuMs ? fmt(f.bareCpuMs, 0) : '–'), ''],
  ];
  for (const figures of after) {
    const old = before?.find((b) => b.driver === figures.driver);
    console.log(`\n${figures.driver}:`);
    const header = ['', ...(old ? [`before (${ref})`] : []), 'now', 'target'];
    const table = [
      header,
      ...rows.map(([label, value, target]) => [label, ...(old ? [value(old)] : []), value(figures), target]),
    ];
    const widths = header.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
    for (const row of table) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  }
}

async function main() {
  const json = process.argv.includes('--json');
  const refAt = process.argv.indexOf('--before');
  const ref = refAt > 0 ? process.argv[refAt + 1]! : null;
  if (!json)
    console.log(
      `bench:writes: ${POSTS.toLocaleString('en-GB')} single POSTs and ${BATCHES} batches of ${BATCH.toLocaleString('en-GB')} per driver, ` +
        `${os.cpus().length} CPUs, load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')}`,
    );
  const before = ref ? runBeforeWrites(ref) : null;
  const after: Figures[] = [];
  for (const driver of DRIVERS) after.push(await bench(driver));
  if (json) console.log(JSON.stringify(after));
  else print(after, before, ref);
}

main().catch((error: unknown) => {
  console.error('bench:writes failed:', error);
  process.exit(1);
});
