// `npm run bench:import`: imports 100,000 generated interactions from one CSV file on PostgreSQL
// and on the embedded PostgreSQL server, through the same code as the import page, and prints
// rows per second. A measurement, not a test: it asserts nothing but that the import succeeded.
//
//   BENCH_ROWS=100000                 rows to generate
//   BENCH_DATABASE_URL=postgres://…   a server where the script may create and drop a database
//                                     (else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_DRIVERS=postgres,embedded    which to run
//   -- --before <git ref>              also run this script on that commit and print both side by
//                                     side, each with its load average (scripts/bench-before.ts)
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import postgres from 'postgres';
import type { DatabaseHandle } from '@/db/client';
import { customers, journeyStages, touchpoints, users } from '@/db/schema';
import { createThrowawayCluster, createThrowawayDatabase, type ThrowawayDatabase } from '@/db/throwaway-database';
import { importInteractionsCsv } from '@/lib/import/import-interactions';
import { runBefore } from './bench-before';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const DRIVERS = (process.env.BENCH_DRIVERS ?? 'postgres,embedded').split(',').map((d) => d.trim());
const SERVER =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const OUTCOMES = ['none', 'resolved', 'unresolved', 'sale_won', 'sale_lost', 'escalated'];

/** The catalog both databases get, with its ids chosen here: the import's and the floor's are alike. */
function catalogRows() {
  const stages = Array.from({ length: 8 }, (_, i) => ({ id: randomUUID(), name: `Stage ${i + 1}`, position: i }));
  return {
    stages,
    touchpoints: Array.from({ length: 25 }, (_, i) => ({
      id: randomUUID(),
      name: `Touchpoint ${i + 1}`,
      stageId: stages[i % 8]!.id,
      channel: 'phone' as const,
    })),
    customers: Array.from({ length: 1_000 }, (_, i) => ({
      id: randomUUID(),
      name: `Customer ${i + 1}`,
      email: `c${i + 1}@bench.test`,
      externalRef: `BENCH-${i + 1}`,
    })),
    user: {
      id: randomUUID(),
      email: `bench-${randomUUID()}@bench.test`,
      name: 'Bench',
      role: 'manager' as const,
      passwordHash: 'x',
    },
  };
}
type Catalog = ReturnType<typeof catalogRows>;

async function seedCatalog({ db }: DatabaseHandle, catalog: Catalog) {
  await db.insert(journeyStages).values(catalog.stages);
  await db.insert(touchpoints).values(catalog.touchpoints);
  await db.insert(customers).values(catalog.customers);
  await db.insert(users).values(catalog.user);
}

/** A CSV of `rows` interactions, like an export from another system: refs, not ids. */
function generateCsv(rows: number, tps: { name: string }[], people: { externalRef: string | null }[]): Uint8Array {
  const lines = [
    'occurred_at,touchpoint,customer_external_ref,outcome,sale_value,expectation,experience,csat,nps,effort,notes',
  ];
  const start = Date.now() - 365 * 86_400_000;
  // Most contacts go well; about one in five raises a defect (the demo company's rate is lower).
  for (let i = 0; i < rows; i++) {
    const outcome =
      i % 12 === 0
        ? 'sale_lost'
        : OUTCOMES[i % OUTCOMES.length] === 'sale_lost'
          ? 'sale_won'
          : OUTCOMES[i % OUTCOMES.length]!;
    const sale = outcome.startsWith('sale') ? String((i % 97) * 10 + 50) : '';
    const expectation = 3 + (i % 2);
    const experience = i % 10 === 0 ? expectation - 1 : Math.min(5, expectation + (i % 3 === 0 ? 1 : 0));
    lines.push(
      [
        new Date(start + i * 300_000).toISOString(),
        tps[i % tps.length]!.name,
        people[(i * 7) % people.length]!.externalRef,
        outcome,
        sale,
        expectation,
        experience,
        i % 15 === 0 ? 2 : 4 + (i % 2),
        i % 11,
        1 + (i % 7),
        i % 4 === 0 ? `"Row ${i}, called about the ""bill"""` : '',
      ].join(','),
    );
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/**
 * The floor an import is compared with: PostgreSQL's COPY of the same file into an unlogged table
 * of text columns, as the file's header names them (parsing and storing, no checks).
 */
async function copyFile(url: string, csv: Uint8Array): Promise<number> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const header = new TextDecoder().decode(csv.subarray(0, csv.indexOf(10))).split(',');
    await client.unsafe(`create unlogged table bench_copy (${header.map((column) => `"${column}" text`).join(', ')})`);
    const started = performance.now();
    const stream = await client`copy bench_copy from stdin with (format csv, header true)`.writable();
    await new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve).on('error', reject);
      stream.end(Buffer.from(csv));
    });
    const ms = performance.now() - started;
    await client.unsafe('drop table bench_copy');
    return ms;
  } finally {
    await client.end({ timeout: 5 });
  }
}

// The interaction columns an import writes (the rest are defaults or kept by the database).
const RESOLVED_COLUMNS =
  'id, customer_id, touchpoint_id, logged_by_id, occurred_at, source, outcome, sale_value, expectation, experience, ' +
  'csat, nps, effort, notes, sentiment, sentiment_score, comment_phrases, opportunities, open_defect_count';

/**
 * The second floor: the same rows already resolved (ids for touchpoints and customers, the
 * comment's sentiment and phrases, the opportunities and defect counts: the interaction columns
 * the import writes, read back from the import's database) copied into the real `interactions`
 * table of a second database in the state the first one had before the import, with its eleven
 * indexes, foreign-key checks and triggers. What the database must do anyway to hold those rows.
 */
async function copyResolved(fromUrl: string, toUrl: string): Promise<number> {
  const from = postgres(fromUrl, { max: 1, onnotice: () => {} });
  const to = postgres(toUrl, { max: 1, onnotice: () => {}, connection: { jit: 'off' } });
  try {
    const chunks: Buffer[] = [];
    const out = await from
      .unsafe(`copy (select ${RESOLVED_COLUMNS} from interactions order by occurred_at, id) to stdout`)
      .readable();
    for await (const chunk of out) chunks.push(chunk as Buffer);
    const rows = Buffer.concat(chunks);
    const started = performance.now();
    const stream = await to.unsafe(`copy interactions (${RESOLVED_COLUMNS}) from stdin`).writable();
    await new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve).on('error', reject);
      stream.end(rows);
    });
    return performance.now() - started;
  } finally {
    await from.end({ timeout: 5 });
    await to.end({ timeout: 5 });
  }
}

async function bench(driver: 'postgres' | 'embedded'): Promise<Figures> {
  const handle =
    driver === 'postgres'
      ? await createThrowawayDatabase({ serverUrl: SERVER, prefix: 'oi_issue3_bench_' })
      : await createThrowawayCluster('outsidein-bench-');
  let floor: ThrowawayDatabase | undefined;
  try {
    const catalog = catalogRows();
    await seedCatalog(handle, catalog);
    // A second database on the same server, seeded like the first.
    floor = await createThrowawayDatabase({ serverUrl: handle.url, prefix: 'oi_import_floor_' });
    await seedCatalog(floor, catalog);
    const csv = generateCsv(ROWS, catalog.touchpoints, catalog.customers);
    const phases: Record<string, number> = {};
    const started = performance.now();
    let last = started;
    let lastPhase = 'validating';
    const result = await importInteractionsCsv(handle.db, csv, {
      loggedById: catalog.user.id,
      onProgress: ({ phase }) => {
        if (phase !== lastPhase) {
          const now = performance.now();
          phases[lastPhase] = now - last;
          last = now;
          lastPhase = phase;
        }
      },
    });
    const elapsed = performance.now() - started;
    phases[lastPhase] = performance.now() - last;
    if (!result.ok) throw new Error(`import failed: ${result.message} ${JSON.stringify(result.errors.slice(0, 3))}`);

    const again = performance.now();
    const second = await importInteractionsCsv(handle.db, csv, { loggedById: catalog.user.id });
    const againMs = performance.now() - again;
    if (!second.ok || second.created !== 0) throw new Error('the second import created rows');

    const copyMs = await copyFile(handle.url, csv);
    const resolvedMs = await copyResolved(handle.url, floor.url);
    return {
      driver,
      rows: ROWS,
      megabytes: csv.byteLength / 1024 / 1024,
      ms: elapsed,
      checkMs: phases.validating!,
      // Writes overlap the checks, so this is what writing needed after the last check.
      writesAfterMs: phases.importing ?? 0,
      defects: result.defectsRaised ?? 0,
      reimportMs: againMs,
      copyMs,
      resolvedMs,
      load: Number(os.loadavg()[0]!.toFixed(1)),
    };
  } finally {
    await floor?.drop();
    await handle.drop();
  }
}

interface Figures {
  driver: string;
  rows: number;
  megabytes: number;
  ms: number;
  checkMs: number;
  writesAfterMs: number;
  defects: number;
  reimportMs: number;
  copyMs: number;
  /** COPY of the resolved rows into `interactions` (absent in runs of older versions of this script). */
  resolvedMs?: number;
  load: number;
}

const fmt = (value: number, digits = 1) => value.toLocaleString('en-GB', { maximumFractionDigits: digits });

function print(after: Figures[], before: Figures[] | null, ref: string | null) {
  const rows: [string, (f: Figures) => string, string][] = [
    ['load average (1 min, at the end)', (f) => fmt(f.load), ''],
    ['import: seconds', (f) => fmt(f.ms / 1000, 2), ''],
    ['import: rows/s', (f) => fmt(f.rows / (f.ms / 1000), 0), ''],
    ['  parse + check: seconds', (f) => fmt(f.checkMs / 1000, 2), ''],
    ['  writes done after the last check: seconds', (f) => fmt(f.writesAfterMs / 1000, 2), ''],
    ['  defects raised', (f) => fmt(f.defects, 0), ''],
    ['re-import of the same file (creates 0): seconds', (f) => fmt(f.reimportMs / 1000, 2), ''],
    ['floor 1: raw COPY of the file into text columns: seconds', (f) => fmt(f.copyMs / 1000, 2), ''],
    ['  import ÷ floor 1 (parsing only)', (f) => `${fmt(f.ms / f.copyMs, 1)}×`, ''],
    [
      'floor 2: COPY of the resolved rows into interactions: seconds',
      (f) => (f.resolvedMs ? fmt(f.resolvedMs / 1000, 2) : '–'),
      '',
    ],
    [
      '  import ÷ floor 2 (what holding the rows costs)',
      (f) => (f.resolvedMs ? `${fmt(f.ms / f.resolvedMs, 1)}×` : '–'),
      '≤ 3×',
    ],
  ];
  for (const figures of after) {
    const old = before?.find((b) => b.driver === figures.driver);
    console.log(
      `\n${figures.driver}: ${figures.rows.toLocaleString('en-GB')} rows (${figures.megabytes.toFixed(1)} MB)`,
    );
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
  if (!json) {
    console.log(
      `bench:import: ${ROWS.toLocaleString('en-GB')} interactions from CSV, through importInteractionsCsv (validation, auto defects, one transaction)`,
    );
    // The machine's load skews every number below; printed so runs can be compared fairly.
    console.log(
      `machine: ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}`,
    );
  }
  const before = ref ? runBefore<Figures[]>(ref, 'scripts/bench-import.ts', ['db/throwaway-database.ts']) : null;
  const after: Figures[] = [];
  for (const driver of DRIVERS) {
    if (driver !== 'postgres' && driver !== 'embedded') throw new Error(`unknown driver ${driver}`);
    after.push(await bench(driver));
  }
  if (json) console.log(JSON.stringify(after));
  else print(after, before, ref);
}

main().catch((error: unknown) => {
  console.error('bench:import failed:', error);
  process.exit(1);
});
