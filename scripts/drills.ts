// `npm run drills`: fault drills against the production build, on loopback, each bounded in time,
// printing figures. They fail (exit 1) when a promise of README.md's "Operations" is broken.
//   1. kill -9 during seeding, restart: a complete demo company       (embedded server)
//   2. the event loop under 20 writers + 5 dashboard readers: GET /login p95 < 300 ms (embedded)
//   3. backup while the app runs → restore into a new DATA_DIR: equal counts and rollups
//   4. kill -9 under write load, restart by itself: acknowledged writes kept, none partial,
//      rollups exact                                                    (embedded and external)
//   5. kill -9 of the embedded PostgreSQL under the app: the watchdog starts it again (embedded)
//   6. start-up with the database down: exits non-zero, fast, saying why; serves once it is back
//   7. the database stopped for 10 s under load: no request over 6 s, 503 with Retry-After,
//      recovery within 5 s of its return                               (external)
//   8. a full disk (a tmpfs of its own; root only): health says so, 503s, recovery once freed
//   9. two instances behind a round-robin proxy, with a streaming read replica: one session, one
//      sign-in throttle, one feedback limit and one job runner lease across both; writes through both
//      keep the rollups exact; the dashboard says how old a lagging replica's data is  (external)
// `npm run drills -- 9` runs only drill 9; `npm run drills -- 2` drills 1 and 2.
// "External" is a throwaway PostgreSQL cluster of its own on another loopback port (Debian's
// binaries in /usr/lib/postgresql/<v>/bin when present, else the embedded ones), never a shared one.
//   DRILL_PORT (default 3190): the app's port (drill 9 uses the next three as well).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { embeddedBinDir } from '@/db/embedded-server';
import { SEED_LOCK } from '@/db/seed-lock';
import { startReplicaCluster } from '../tests/support/replica-cluster';

const PORT = Number(process.env.DRILL_PORT ?? 3190);
const BASE = `http://127.0.0.1:${PORT}`;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outsidein-drills-'));
// As root, PostgreSQL runs as the OS user postgres, which must be able to reach the clusters inside.
fs.chmodSync(root, 0o711);
const failures: string[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function check(ok: boolean, what: string) {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

// ---------------------------------------------------------------------------------------------
// The app

interface App {
  child: ChildProcess;
  base: string;
  log: string[];
  exited: Promise<number | null>;
}

function startApp(env: Record<string, string>, port = PORT): App {
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port), '--hostname', '127.0.0.1'], {
    env: { ...process.env, NODE_ENV: 'production', AUTH_SECRET: 'drills-only-secret-not-for-production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const collect = (chunk: Buffer) => log.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, base: `http://127.0.0.1:${port}`, log, exited };
}

async function kill9(app: App) {
  app.child.kill('SIGKILL');
  await app.exited;
}

async function stopApp(app: App) {
  app.child.kill('SIGTERM');
  await Promise.race([app.exited, sleep(30_000)]);
}

/** Milliseconds until /api/health answers 200, or throws after `limit`. */
async function waitReady(app: App, limit = 240_000): Promise<number> {
  const started = Date.now();
  let exitCode: number | null | undefined;
  void app.exited.then((code) => (exitCode = code));
  while (Date.now() - started < limit) {
    if (exitCode !== undefined) throw new Error(`the app exited (${exitCode}): ${app.log.slice(-5).join(' | ')}`);
    const response = await fetch(`${app.base}/api/health`, { signal: AbortSignal.timeout(3_000) }).catch(() => null);
    if (response?.status === 200) return Date.now() - started;
    await sleep(200);
  }
  throw new Error(`not ready within ${limit / 1000} s: ${app.log.slice(-5).join(' | ')}`);
}

interface Timed {
  at: number;
  ms: number;
  status: number; // 0: no answer
  retryAfter: boolean;
}

async function timed(url: string, init: RequestInit = {}): Promise<Timed & { body?: unknown }> {
  const at = Date.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { at, ms: Date.now() - at, status: response.status, retryAfter: response.headers.has('retry-after'), body };
  } catch {
    return { at, ms: Date.now() - at, status: 0, retryAfter: false };
  }
}

function createApiKey(env: Record<string, string>): string {
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      '--conditions=react-server',
      'scripts/api-key.ts',
      '--name',
      `drill ${randomUUID().slice(0, 8)}`,
      '--scopes',
      'metrics:read,interactions:write',
    ],
    { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 },
  );
  const key = /^oi_\S+$/m.exec(result.stdout)?.[0];
  if (!key) throw new Error(`api-key failed: ${result.stderr}`);
  return key;
}

async function touchpointIds(key: string, base = BASE): Promise<string[]> {
  let response = await timed(`${base}/api/v1/touchpoints`, { headers: { authorization: `Bearer ${key}` } });
  // A loaded machine may answer the first request slowly: ask again before giving up.
  for (let attempt = 1; response.status === 0 && attempt < 4; attempt++) {
    response = await timed(`${base}/api/v1/touchpoints`, { headers: { authorization: `Bearer ${key}` } });
  }
  const ids = ((response.body as { data?: { id: string }[] })?.data ?? []).map((t) => t.id);
  if (ids.length === 0) throw new Error(`no touchpoints (${response.status})`);
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Load

interface Load {
  acknowledged: string[][]; // batches the API answered 2xx for
  sent: string[][]; // every batch sent, answered or not
  requests: Timed[];
}

/** `writers` clients posting batches of 10 interactions, and `readers` asking for the dashboard metrics, until stop(). */
function startLoad(key: string, touchpoints: string[], writers: number, readers: number, base = BASE) {
  const load: Load = { acknowledged: [], sent: [], requests: [] };
  let running = true;
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const writer = async () => {
    while (running) {
      const batch = Array.from({ length: 10 }, () => ({
        id: randomUUID(),
        touchpointId: touchpoints[Math.floor(Math.random() * touchpoints.length)]!,
        occurredAt: new Date(Date.now() - Math.random() * 20 * 86_400_000).toISOString(),
        csat: 1 + Math.floor(Math.random() * 5),
        nps: Math.floor(Math.random() * 11),
        expectation: 3,
        experience: 1 + Math.floor(Math.random() * 5),
        outcome: Math.random() < 0.2 ? 'unresolved' : 'resolved',
      }));
      const ids = batch.map((b) => b.id);
      load.sent.push(ids);
      const result = await timed(`${base}/api/v1/interactions`, {
        method: 'POST',
        headers,
        body: JSON.stringify(batch),
      });
      load.requests.push(result);
      if (result.status === 200 || result.status === 201) load.acknowledged.push(ids);
      else if (result.status === 0) await sleep(100);
    }
  };
  const reader = async () => {
    while (running) {
      const result = await timed(`${base}/api/v1/metrics`, { headers: { authorization: `Bearer ${key}` } });
      load.requests.push(result);
      if (result.status === 0) await sleep(100);
    }
  };
  const all = [...Array.from({ length: writers }, writer), ...Array.from({ length: readers }, reader)];
  return {
    load,
    stop: async () => {
      running = false;
      await Promise.all(all);
      return load;
    },
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

// ---------------------------------------------------------------------------------------------
// What the database holds

const ROLLUP_DRIFT = `
  with recomputed as (
    select (i.occurred_at at time zone 'UTC')::date as day, i.touchpoint_id, c.segment_id,
           count(*)::int as units, count(*) filter (where i.open_defect_count > 0)::int as defective_units,
           count(i.csat)::int as csat_responses, count(*) filter (where i.csat >= 4)::int as csat_satisfied,
           count(i.nps)::int as nps_responses
    from interactions i left join customers c on c.id = i.customer_id group by 1, 2, 3),
  stored as (
    select day, touchpoint_id, segment_id, sum(units)::int, sum(defective_units)::int, sum(csat_responses)::int,
           sum(csat_satisfied)::int, sum(nps_responses)::int
    from metrics_daily group by 1, 2, 3
    having sum(units) <> 0 or sum(defective_units) <> 0 or sum(csat_responses) <> 0 or sum(nps_responses) <> 0),
  defects_recomputed as (
    select (d.occurred_at at time zone 'UTC')::date as day, d.touchpoint_id, c.segment_id, count(*)::int as defects
    from defects d left join customers c on c.id = d.customer_id where d.status <> 'dismissed' group by 1, 2, 3),
  defects_stored as (
    select day, touchpoint_id, segment_id, sum(defects)::int from metrics_daily group by 1, 2, 3 having sum(defects) <> 0)
  select (select count(*) from (select * from recomputed except all select * from stored) a)
       + (select count(*) from (select * from stored except all select * from recomputed) b)
       + (select count(*) from (select * from defects_recomputed except all select * from defects_stored) c)
       + (select count(*) from (select * from defects_stored except all select * from defects_recomputed) d) as drift`;

async function withDb<T>(url: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function verifyWrites(url: string, load: Load) {
  return withDb(url, async (sql) => {
    const present = new Set(
      (await sql<{ id: string }[]>`select id from interactions where id = any(${load.sent.flat()}::uuid[])`).map(
        (r) => r.id,
      ),
    );
    const lost = load.acknowledged.flat().filter((id) => !present.has(id)).length;
    const partial = load.sent.filter((batch) => {
      const n = batch.filter((id) => present.has(id)).length;
      return n !== 0 && n !== batch.length;
    }).length;
    const [{ drift }] = (await sql.unsafe(ROLLUP_DRIFT)) as unknown as [{ drift: number }];
    return {
      acknowledged: load.acknowledged.flat().length,
      present: present.size,
      lost,
      partial,
      drift: Number(drift),
    };
  });
}

async function counts(url: string) {
  return withDb(url, async (sql) => {
    const [row] = await sql<Record<string, number>[]>`
      select (select count(*)::int from users) as users, (select count(*)::int from customers) as customers,
             (select count(*)::int from interactions) as interactions, (select count(*)::int from defects) as defects,
             (select coalesce(sum(units), 0)::int from metrics_daily) as units,
             (select coalesce(sum(defects), 0)::int from metrics_daily) as rollup_defects,
             (select coalesce(sum(lost_revenue), 0)::float8 from metrics_daily) as lost_revenue,
             (select count(*)::int from defects d where not exists (select 1 from interactions i where i.id = d.interaction_id)
                and d.interaction_id is not null) as orphan_defects`;
    return row!;
  });
}

/** The URL of the app's embedded database in `dataDir` (starting its server if no one runs it). */
async function embeddedUrl(dataDir: string) {
  const handle = await openDatabase({ dataDir, stopServer: 'never' });
  await handle.close();
  return handle.url;
}

function stopEmbedded(dataDir: string) {
  spawnSync(
    path.join(embeddedBinDir(), 'pg_ctl'),
    ['stop', '-D', path.join(dataDir, 'postgres'), '-m', 'fast', '-w', '-s'],
    process.getuid?.() === 0 ? { uid: uidOf('postgres'), gid: gidOf('postgres') } : {},
  );
}

// ---------------------------------------------------------------------------------------------
// A throwaway external PostgreSQL cluster

const uidOf = (user: string) => Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout);
const gidOf = (user: string) => Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function externalCluster() {
  const debian = fs.existsSync('/usr/lib/postgresql')
    ? fs
        .readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
        .find((dir) => fs.existsSync(path.join(dir, 'pg_ctl')))
    : undefined;
  const bin = debian ?? embeddedBinDir();
  const dir = path.join(root, 'external');
  fs.mkdirSync(dir, { mode: 0o700 });
  const asPostgres = process.getuid?.() === 0 ? { uid: uidOf('postgres'), gid: gidOf('postgres') } : {};
  if ('uid' in asPostgres) fs.chownSync(dir, asPostgres.uid!, asPostgres.gid!);
  const run = (tool: string, args: string[]) => {
    const result = spawnSync(path.join(bin, tool), args, {
      ...asPostgres,
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C' },
    });
    if (result.status !== 0) throw new Error(`${tool} ${args[0]} failed: ${result.stderr}${result.stdout}`);
  };
  run('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C']);
  const port = await freePort();
  const start = () =>
    run('pg_ctl', [
      'start',
      '-D',
      dir,
      '-w',
      '-s',
      '-l',
      path.join(dir, 'server.log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    ]);
  const stop = () => run('pg_ctl', ['stop', '-D', dir, '-m', 'fast', '-w', '-s']);
  start();
  await withDb(`postgres://postgres@127.0.0.1:${port}/postgres`, (sql) => sql`create database outsidein_drill`);
  return { url: `postgres://postgres@127.0.0.1:${port}/outsidein_drill`, bin, start, stop };
}

// ---------------------------------------------------------------------------------------------
// The drills

async function drillKillDuringSeeding(dataDir: string) {
  console.log('\n1. kill -9 while the demo company is being seeded, then restart (embedded)');
  // No AUTH_SECRET: the app generates one in DATA_DIR, which the backup drill then carries over.
  const env = { DATA_DIR: dataDir, DATABASE_URL: '', SEED_SCALE: '0.3', AUTH_SECRET: '' };
  const first = startApp(env);
  const deadline = Date.now() + 180_000;
  while (!first.log.some((l) => l.includes('loading the demo company')) && Date.now() < deadline) await sleep(100);
  // Kill while the seeding transaction holds its lock (db/seed-demo.ts), not after a fixed wait:
  // set-based seeding can finish within a second on a quiet machine.
  const url = await embeddedUrl(dataDir);
  await withDb(url, async (sql) => {
    while (Date.now() < deadline) {
      const [row] =
        await sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = ${SEED_LOCK} and granted`;
      if (row!.n > 0) return;
      await sleep(10);
    }
  });
  await sleep(50);
  const seededBeforeKill = first.log.some((l) => l.includes('demo data loaded'));
  await kill9(first);
  check(!seededBeforeKill, 'the kill came while seeding was under way');
  const afterKill = await counts(url);
  console.log(
    `  after the kill: ${afterKill.users} users, ${afterKill.interactions} interactions (nothing half-written)`,
  );
  check(
    afterKill.users === 0 && afterKill.interactions === 0 && afterKill.defects === 0,
    'the killed seed left an empty database',
  );

  const second = startApp(env);
  const readyMs = await waitReady(second);
  const summary = /(\d+) customers, (\d+) interactions, (\d+) defects/.exec(second.log.join('\n'));
  const after = await counts(url);
  console.log(
    `  restart to ready (seeding included): ${(readyMs / 1000).toFixed(1)} s; ${after.customers} customers, ` +
      `${after.interactions} interactions, ${after.defects} defects`,
  );
  check(
    !!summary &&
      after.customers === Number(summary[1]) &&
      after.interactions === Number(summary[2]) &&
      after.defects === Number(summary[3]),
    'the restart seeded the complete demo company',
  );
  check(
    after.orphan_defects === 0 && after.units === after.interactions,
    'no defect points at nothing; rollups count every interaction',
  );
  return second;
}

async function drillEventLoop(app: App, dataDir: string) {
  console.log('\n2. GET /login under 20 writers + 5 dashboard readers (embedded)');
  console.log(`  machine load average before: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`);
  const key = createApiKey({ DATA_DIR: dataDir, DATABASE_URL: '' });
  const tps = await touchpointIds(key);
  const { stop } = startLoad(key, tps, 20, 5);
  await sleep(2_000);
  const login: number[] = [];
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    const result = await timed(`${BASE}/login`);
    if (result.status === 200) login.push(result.ms);
    await sleep(100);
  }
  const rss = residentMb(app.child.pid!, dataDir);
  const load = await stop();
  const writes = load.requests.filter((r) => r.status === 201 || r.status === 200).length;
  const errors = load.requests.filter((r) => r.status >= 500 || r.status === 0).length;
  console.log(
    `  GET /login: ${login.length} requests, p50 ${percentile(login, 50)} ms, p95 ${percentile(login, 95)} ms, max ${Math.max(...login)} ms`,
  );
  console.log(`  load: ${load.requests.length} API requests (${writes} answered 2xx, ${errors} failed) in 22 s`);
  console.log(`  resident memory under load: app ${rss.app} MB + PostgreSQL ${rss.postgres} MB`);
  check(percentile(login, 95) < 300, 'GET /login p95 under 300 ms');
  check(errors === 0, 'no request failed');
  return key;
}

function residentMb(appPid: number, dataDir: string) {
  const rss = (pid: number) =>
    Number(spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout) || 0;
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = spawnSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map(Number);
  const pg = [postmaster, ...children].reduce((sum, pid) => sum + rss(pid), 0);
  return { app: Math.round(rss(appPid) / 1024), postgres: Math.round(pg / 1024) };
}

async function drillBackupRestore(dataDir: string) {
  console.log('\n3. backup while the app runs, restore into a new DATA_DIR');
  const file = path.join(root, 'drill-backup.tar');
  const cli = (script: string, args: string[], dir: string) =>
    spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], {
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 180_000,
    });
  const source = await counts(await embeddedUrl(dataDir));
  let started = Date.now();
  const backup = cli('scripts/db-backup.ts', [file], dataDir);
  const backupMs = Date.now() - started;
  check(
    backup.status === 0,
    `npm run db:backup (${(backupMs / 1000).toFixed(1)} s, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB) ${backup.stderr.trim()}`,
  );
  const target = path.join(root, 'restored');
  fs.mkdirSync(target);
  started = Date.now();
  const restore = cli('scripts/db-restore.ts', [file], target);
  const restoreMs = Date.now() - started;
  check(
    restore.status === 0,
    `npm run db:restore into an empty DATA_DIR (${(restoreMs / 1000).toFixed(1)} s) ${restore.stderr.trim()}`,
  );
  const refused = cli('scripts/db-restore.ts', [file], target);
  check(
    refused.status === 1 && refused.stderr.includes('--force'),
    'a second restore over the data is refused without --force',
  );
  const restoredUrl = await embeddedUrl(target);
  const restored = await counts(restoredUrl);
  console.log(`  source:   ${JSON.stringify(source)}`);
  console.log(`  restored: ${JSON.stringify(restored)}`);
  check(JSON.stringify(source) === JSON.stringify(restored), 'equal counts and rollups after the round trip');
  check(
    fs.readFileSync(path.join(target, 'auth-secret'), 'utf8') ===
      fs.readFileSync(path.join(dataDir, 'auth-secret'), 'utf8'),
    'the auth secret came along',
  );
  stopEmbedded(target);
}

async function drillKillUnderLoad(label: string, env: Record<string, string>, url: string, app?: App) {
  console.log(`\n4. kill -9 of the app under write load (${label})`);
  let running = app ?? startApp(env);
  if (!app) await waitReady(running);
  const key = createApiKey(env);
  const tps = await touchpointIds(key);
  const { stop } = startLoad(key, tps, 10, 0);
  await sleep(4_000);
  await kill9(running);
  const load = await stop();
  const started = Date.now();
  running = startApp(env);
  const readyMs = await waitReady(running);
  const result = await verifyWrites(url, load);
  console.log(
    `  ${load.sent.length} batches sent, ${load.acknowledged.length} acknowledged; restart to ready ${((Date.now() - started) / 1000).toFixed(1)} s (${readyMs} ms polling)`,
  );
  console.log(
    `  acknowledged rows ${result.acknowledged}, lost ${result.lost}, half-written batches ${result.partial}, rollup rows off ${result.drift}`,
  );
  check(result.lost === 0, 'every acknowledged write is there');
  check(result.partial === 0, 'no batch is half-written');
  check(result.drift === 0, 'the rollups are exact');
  return running;
}

async function drillWatchdog(app: App, dataDir: string) {
  console.log('\n5. kill -9 of the embedded PostgreSQL under the running app: the watchdog starts it again');
  const key = createApiKey({ DATA_DIR: dataDir, DATABASE_URL: '' });
  const tps = await touchpointIds(key);
  const { stop } = startLoad(key, tps, 4, 1);
  await sleep(1_500);
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  const postmaster = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const killedAt = Date.now();
  process.kill(postmaster, 'SIGKILL');
  let backMs = Infinity;
  while (Date.now() - killedAt < 30_000) {
    const health = await timed(`${BASE}/api/health`);
    if (health.status === 200 && Date.now() - killedAt > 500) {
      backMs = Date.now() - killedAt;
      break;
    }
    await sleep(200);
  }
  await sleep(1_000);
  const load = await stop();
  const after = load.requests.filter((r) => r.at >= killedAt);
  const statuses: Record<string, number> = {};
  for (const r of after) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const revived = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const result = await verifyWrites(await embeddedUrl(dataDir), load);
  console.log(
    `  postmaster ${postmaster} killed; healthy again after ${(backMs / 1000).toFixed(1)} s (new postmaster ${revived}), ` +
      `app pid ${app.child.pid} unchanged; requests after the kill: ${JSON.stringify(statuses)}; ` +
      `slowest ${Math.max(0, ...after.map((r) => r.ms))} ms`,
  );
  console.log(`  acknowledged rows ${result.acknowledged}, lost ${result.lost}, half-written ${result.partial}`);
  check(app.child.exitCode === null && revived !== postmaster, 'the app kept running and started a new server');
  check(backMs < 15_000, 'healthy again within 15 s, without a restart of the app');
  check(
    !after.some((r) => r.status === 500 || r.status === 0 || r.ms >= 6_000),
    'meanwhile 503s, no 500, none over 6 s',
  );
  check(
    result.lost === 0 && result.partial === 0 && result.drift === 0,
    'no acknowledged write lost, none partial, rollups exact',
  );
}

/**
 * The embedded DATA_DIR on a tmpfs of its own (root only: mount needs it), filled by a ballast
 * file: under 100 MB free the health check says so; completely full, writes are refused with 503s
 * and nothing half-written; once space is freed everything works again without a restart.
 */
async function drillFullDisk() {
  console.log('\n8. a full disk under the embedded database (a 320 MB tmpfs)');
  const mount = path.join(root, 'small-disk');
  fs.mkdirSync(mount);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=320m,mode=0711', 'tmpfs', mount], {
    encoding: 'utf8',
  });
  if (mounted.status !== 0) {
    console.log(`  skipped: cannot mount a tmpfs here (${mounted.stderr.trim() || 'not root'})`);
    return;
  }
  const dataDir = path.join(mount, 'data');
  const env = { DATA_DIR: dataDir, DATABASE_URL: '', SEED_SCALE: '0.02', AUTH_SECRET: '' };
  const app = startApp(env);
  const ballast = path.join(mount, 'ballast');
  try {
    await waitReady(app);
    const key = createApiKey(env);
    const tps = await touchpointIds(key);
    const free = () => {
      const stats = fs.statfsSync(mount);
      return stats.bavail * stats.bsize;
    };
    // Leave 60 MB: below the health check's 100 MB, enough to keep writing.
    fs.writeFileSync(ballast, Buffer.alloc(Math.max(0, free() - 60 * 1024 * 1024)));
    const low = await timed(`${BASE}/api/health`);
    const lowBody = low.body as { checks?: { disk?: { ok: boolean; detail: string } } } | undefined;
    console.log(`  60 MB free: /api/health ${low.status} in ${low.ms} ms, disk: ${lowBody?.checks?.disk?.detail}`);
    check(
      low.status === 503 && low.retryAfter && lowBody?.checks?.disk?.ok === false,
      'health says 503, naming the disk',
    );

    const { stop } = startLoad(key, tps, 4, 0);
    await sleep(1_000);
    // Now fill it to the last byte.
    const fd = fs.openSync(ballast, 'a');
    const chunk = Buffer.alloc(1024 * 1024);
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch {
      // ENOSPC: full
    }
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(4096));
    } catch {
      // ENOSPC: full to the last page
    }
    fs.closeSync(fd);
    const fullAt = Date.now();
    await sleep(6_000);
    fs.rmSync(ballast);
    const freedAt = Date.now();
    let backMs = Infinity;
    while (Date.now() - freedAt < 60_000) {
      const health = await timed(`${BASE}/api/health`);
      if (health.status === 200) {
        backMs = Date.now() - freedAt;
        break;
      }
      await sleep(250);
    }
    await sleep(2_000);
    const load = await stop();
    const whileFull = load.requests.filter((r) => r.at >= fullAt && r.at < freedAt);
    const statuses: Record<string, number> = {};
    for (const r of whileFull) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const okAfter = load.requests.some((r) => r.at >= freedAt + backMs && (r.status === 200 || r.status === 201));
    const result = await verifyWrites(await embeddedUrl(dataDir), load);
    console.log(
      `  full for 6 s: writes answered ${JSON.stringify(statuses)}, slowest ${Math.max(0, ...whileFull.map((r) => r.ms))} ms; ` +
        `space freed: healthy after ${(backMs / 1000).toFixed(1)} s, writes succeed again: ${okAfter}`,
    );
    console.log(
      `  acknowledged rows ${result.acknowledged}, lost ${result.lost}, half-written ${result.partial}, rollup rows off ${result.drift}`,
    );
    check(
      whileFull.every((r) => r.status < 500 || (r.status === 503 && r.retryAfter)),
      'while full: every refused write a 503 with Retry-After, no 500',
    );
    check(
      whileFull.every((r) => r.ms < 6_000),
      'while full: no request over 6 s',
    );
    check(
      backMs < 30_000 && okAfter && app.child.exitCode === null,
      'once space is freed: healthy and writing again, no restart',
    );
    check(
      result.lost === 0 && result.partial === 0 && result.drift === 0,
      'no acknowledged write lost, none partial, rollups exact',
    );
  } finally {
    fs.rmSync(ballast, { force: true });
    await stopApp(app);
    if (app.child.exitCode === null && app.child.signalCode === null) await kill9(app);
    if (fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))) stopEmbedded(dataDir);
    spawnSync('umount', ['-l', mount]);
  }
}

async function drillStartWithDatabaseDown(
  cluster: Awaited<ReturnType<typeof externalCluster>>,
  env: Record<string, string>,
) {
  console.log('\n6. start-up with the database down (external)');
  cluster.stop();
  const started = Date.now();
  const app = startApp(env);
  const code = await Promise.race([app.exited, sleep(60_000).then(() => 'still running' as const)]);
  const exitMs = Date.now() - started;
  if (code === 'still running') await kill9(app);
  console.log(
    `  exit status ${code} after ${(exitMs / 1000).toFixed(1)} s:\n    ${app.log.filter((l) => l.includes('start-up failed')).join('\n    ')}`,
  );
  check(typeof code === 'number' && code !== 0, 'the process exits non-zero, for a supervisor to restart');
  check(exitMs < 15_000, 'it fails fast (under 15 s)');
  check(
    app.log.some((l) => l.includes('start-up failed') && /ECONNREFUSED|does not answer/.test(l)),
    'it says why: the database does not answer',
  );
  cluster.start();
  const again = startApp(env);
  const readyMs = await waitReady(again);
  console.log(`  with the database back: ready in ${(readyMs / 1000).toFixed(1)} s`);
  return again;
}

async function drillOutage(cluster: Awaited<ReturnType<typeof externalCluster>>, env: Record<string, string>) {
  console.log('\n7. the database stopped for 10 s under load (external)');
  const key = createApiKey(env);
  const tps = await touchpointIds(key);
  const { stop } = startLoad(key, tps, 5, 3);
  const health: Timed[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      health.push(await timed(`${BASE}/api/health`));
      await sleep(250);
    }
  })();
  await sleep(3_000);
  const down = Date.now();
  cluster.stop();
  await sleep(10_000);
  cluster.start();
  const back = Date.now();
  await sleep(8_000);
  polling = false;
  await poller;
  const load = await stop();
  const all = [...load.requests, ...health];
  const during = all.filter((r) => r.at >= down && r.at < back);
  const unavailable = all.filter((r) => r.status === 503);
  const firstOk = load.requests
    .filter((r) => r.at >= back && r.status >= 200 && r.status < 300)
    .sort((a, b) => a.at - b.at)[0];
  const recoveryMs = firstOk ? firstOk.at + firstOk.ms - back : Infinity;
  const statuses: Record<string, number> = {};
  for (const r of during) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  console.log(`  ${all.length} requests; while down: ${JSON.stringify(statuses)}`);
  console.log(
    `  slowest ${Math.max(...all.map((r) => r.ms))} ms (p95 while down ${percentile(
      during.map((r) => r.ms),
      95,
    )} ms); ` +
      `503s ${unavailable.length}, with Retry-After ${unavailable.filter((r) => r.retryAfter).length}; ` +
      `first success ${(recoveryMs / 1000).toFixed(1)} s after the database returned`,
  );
  check(Math.max(...all.map((r) => r.ms)) < 6_000, 'no request over 6 s');
  check(unavailable.length > 0 && unavailable.every((r) => r.retryAfter), '503s, each with Retry-After');
  check(!all.some((r) => r.status === 500 || r.status === 0), 'no 500 and no dropped connection');
  check(recoveryMs < 5_000, 'recovery within 5 s of the database returning');
}

// ---------------------------------------------------------------------------------------------
// 9. Several instances

/** A round-robin HTTP proxy on loopback in front of `ports`, appending the client to X-Forwarded-For. */
function roundRobinProxy(ports: number[]) {
  const served = new Map<number, number>(ports.map((p) => [p, 0]));
  let next = 0;
  const server = http.createServer((request, response) => {
    const port = ports[next++ % ports.length]!;
    served.set(port, served.get(port)! + 1);
    const client = (request.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    const forwarded = request.headers['x-forwarded-for'];
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, 'x-forwarded-for': forwarded ? `${String(forwarded)}, ${client}` : client },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  return {
    served,
    listen: (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The cookies a response sets, as name → value. */
function setCookies(response: Response): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    jar[pair!.slice(0, at)] = pair!.slice(at + 1);
  }
  return jar;
}
const cookieHeader = (jar: Record<string, string>) =>
  Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

/** Signs in through Auth.js's own endpoints (as a form without JavaScript would); the session cookie, or null. */
async function signInOverHttp(base: string, email: string, password: string): Promise<string | null> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = setCookies(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/dashboard` }),
  });
  const session = setCookies(answer)['authjs.session-token'];
  return session ? `authjs.session-token=${session}` : null;
}

const decodeEntities = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Sends the public feedback form as a browser without JavaScript does; 'sent', 'limited' or what happened. */
async function sendFeedbackOverHttp(base: string, token: string): Promise<string> {
  const page = await fetch(`${base}/f/${token}`);
  const html = await page.text();
  const form = new FormData();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    form.append(decodeEntities(match[1]!), decodeEntities(match[2]!));
  for (const match of html.matchAll(/<input[^>]*name="(\$ACTION[^"]*)"[^>]*>/g))
    if (!form.has(decodeEntities(match[1]!))) form.append(decodeEntities(match[1]!), '');
  form.append('csat', '4');
  form.append('experience', '4');
  form.append('expectation', '4');
  const answer = await fetch(`${base}/f/${token}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base },
    body: form,
  });
  const body = await answer.text();
  if (answer.status === 303 || (answer.headers.get('location') ?? '').includes('/thanks')) return 'sent';
  if (body.includes('We have received a lot of feedback')) return 'limited';
  return `status ${answer.status}`;
}

async function drillSeveralInstances() {
  console.log('\n9. two instances behind a round-robin proxy, on PostgreSQL with a streaming read replica');
  const cluster = await startReplicaCluster({ database: 'outsidein_drill' });
  const ports = [PORT + 1, PORT + 2];
  const proxyPort = PORT + 3;
  const front = `http://127.0.0.1:${proxyPort}`;
  const proxy = roundRobinProxy(ports);
  const apps: App[] = [];
  try {
    // Different data folders and no AUTH_SECRET, as on two machines: what they share is the database.
    const envOf = (i: number) => ({
      DATABASE_URL: cluster.primaryUrl,
      DATABASE_READ_URL: cluster.replicaUrls.join(','),
      DATA_DIR: path.join(root, `instance-${i}`),
      AUTH_SECRET: '',
      SEED_SCALE: '0.05',
      TRUSTED_PROXY_HOPS: '1',
    });
    apps.push(startApp(envOf(1), ports[0]));
    await waitReady(apps[0]!);
    apps.push(startApp(envOf(2), ports[1]));
    await waitReady(apps[1]!);
    await proxy.listen(proxyPort);

    // Sessions: the CSRF token from one instance, the sign-in on the other, the session on both.
    const session = await signInOverHttp(front, 'manager@outsidein.test', 'demo-manager-pass');
    check(session !== null, 'signed in through the proxy (CSRF cookie from one instance, sign-in on the other)');
    const pages = await Promise.all(
      [...ports.map((p) => `http://127.0.0.1:${p}`), front, front].map((base) =>
        fetch(`${base}/dashboard`, { headers: { cookie: session ?? '' }, redirect: 'manual' }),
      ),
    );
    check(
      pages.every((p) => p.status === 200),
      `the session opens the dashboard on each instance (${pages.map((p) => p.status).join(', ')})`,
    );

    // The sign-in throttle counts failures from both: after three, even the right password waits.
    for (let i = 0; i < 3; i++) await signInOverHttp(front, 'staff@outsidein.test', 'wrong password');
    const throttled = await signInOverHttp(front, 'staff@outsidein.test', 'demo-staff-pass');
    check(throttled === null, 'three failed sign-ins spread over both instances throttle the fourth, on either');

    // The feedback page's limit per address counts submissions to both instances.
    const [{ token }] = await withDb(
      cluster.primaryUrl,
      (sql) =>
        sql<[{ token: string }]>`select feedback_token as token from touchpoints
          where feedback_enabled and feedback_token is not null limit 1`,
    );
    const outcomes: string[] = [];
    for (let i = 0; i < 11; i++) outcomes.push(await sendFeedbackOverHttp(front, token));
    const sent = outcomes.filter((o) => o === 'sent').length;
    console.log(`  feedback through the proxy: ${outcomes.join(', ')}`);
    check(sent === 10 && outcomes[10] === 'limited', 'the feedback limit (10 per address) holds across both instances');

    // One job runner holds the lease.
    const holders = apps.map((app) => /jobs: runner (\S+) started/.exec(app.log.join('\n'))?.[1]);
    const leases = await withDb(
      cluster.primaryUrl,
      (sql) => sql<{ holder: string }[]>`select holder from job_runner_leases`,
    );
    console.log(`  runners: ${holders.join(', ')}; lease held by ${leases.map((l) => l.holder).join(', ')}`);
    check(
      holders.every(Boolean) && leases.length === 1 && holders.includes(leases[0]!.holder),
      'both instances run a job runner; exactly one holds the lease',
    );

    // Writes through both instances: every acknowledged write present once, rollups exact.
    const key = createApiKey({ DATABASE_URL: cluster.primaryUrl, DATA_DIR: path.join(root, 'instance-1') });
    const { stop } = startLoad(key, await touchpointIds(key, front), 6, 2, front);
    await sleep(8_000);
    const load = await stop();
    const verified = await verifyWrites(cluster.primaryUrl, load);
    console.log(
      `  ${load.requests.length} API requests through the proxy (${[...proxy.served.values()].join(' / ')} per instance in all); ` +
        `${verified.acknowledged} interactions acknowledged, ${verified.lost} lost, ${verified.partial} partial batches, rollup drift ${verified.drift}`,
    );
    check(
      verified.acknowledged > 0 && verified.lost === 0 && verified.partial === 0 && verified.drift === 0,
      'writes through both instances: none lost or partial, rollups exact',
    );

    // The read replica: health reports it; while it lags, the dashboard says how old its data is.
    const health = (await (await fetch(`${front}/api/health`)).json()) as { replicas?: { state: string }[] };
    check(health.replicas?.[0]?.state === 'ok', `/api/health reports the replica (${JSON.stringify(health.replicas)})`);
    await cluster.pauseReplay();
    try {
      await timed(`${front}/api/v1/interactions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          touchpointId: (await touchpointIds(key, front))[0],
          occurredAt: new Date().toISOString(),
        }),
      });
      await sleep(4_500);
      const lagging = await Promise.all(
        ports.map((p) =>
          fetch(`http://127.0.0.1:${p}/dashboard`, { headers: { cookie: session ?? '' } }).then((r) => r.text()),
        ),
      );
      const lagHealth = (await (await fetch(`${front}/api/health`)).json()) as { replicas?: { lagSeconds: number }[] };
      console.log(`  replay paused: /api/health says the replica is ${lagHealth.replicas?.[0]?.lagSeconds} s behind`);
      check(
        lagging.every((html) => DATA_AGE_NOTICE.test(html)),
        'the dashboard on both instances says "Data as of … s ago"',
      );
    } finally {
      await cluster.resumeReplay();
    }
    await cluster.waitForReplay();
    // The lag is known to the probe's second (db/read-replicas.ts), and each instance probes on its
    // own: the notice must go within a bound once the replica has caught up, on both instances.
    const caughtUp = Date.now();
    let noticeGone = false;
    while (!noticeGone && Date.now() - caughtUp < 15_000) {
      await sleep(500);
      const pages = await Promise.all(
        ports.map((p) =>
          fetch(`http://127.0.0.1:${p}/dashboard`, { headers: { cookie: session ?? '' } }).then((r) => r.text()),
        ),
      );
      noticeGone = pages.every((html) => !DATA_AGE_NOTICE.test(html));
    }
    console.log(
      `  caught up: the notice was gone on both instances after ${((Date.now() - caughtUp) / 1000).toFixed(1)} s`,
    );
    check(noticeGone, 'caught up again: no notice within 15 s');
  } finally {
    await proxy.close().catch(() => undefined);
    for (const app of apps) await stopApp(app);
    await cluster.stop();
  }
}

/*
 * The notice as rendered, with its number: the page also carries the message catalogue for the
 * client components, where the unfilled template ("Data as of {seconds…") always appears.
 */
const DATA_AGE_NOTICE = /Data as of \d+ s ago/;

async function drillsOneToEight(
  apps: App[],
  embeddedDir: string,
  keepCluster: (cluster: Awaited<ReturnType<typeof externalCluster>>) => void,
) {
  const embeddedEnv = { DATA_DIR: embeddedDir, DATABASE_URL: '', AUTH_SECRET: '' };
  let app = await drillKillDuringSeeding(embeddedDir);
  apps.push(app);
  await drillEventLoop(app, embeddedDir);
  await drillBackupRestore(embeddedDir);
  app = await drillKillUnderLoad('embedded server', embeddedEnv, await embeddedUrl(embeddedDir), app);
  apps.push(app);
  await drillWatchdog(app, embeddedDir);
  await stopApp(app);
  check(
    !fs.existsSync(path.join(embeddedDir, 'postgres', 'postmaster.pid')),
    'SIGTERM stopped the embedded server too',
  );

  const cluster = await externalCluster();
  keepCluster(cluster);
  const externalEnv = { DATA_DIR: path.join(root, 'external-data'), DATABASE_URL: cluster.url, SEED_SCALE: '0.05' };
  app = await drillStartWithDatabaseDown(cluster, externalEnv);
  apps.push(app);
  app = await drillKillUnderLoad(`external PostgreSQL, ${cluster.bin}`, externalEnv, cluster.url, app);
  apps.push(app);
  await drillOutage(cluster, externalEnv);
  await stopApp(app);
  await drillFullDisk();
}

async function main() {
  const started = Date.now();
  console.log(
    `drills: in ${root}, app on ${BASE}; ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}`,
  );
  if (!fs.existsSync('.next/BUILD_ID')) {
    console.log('drills: building the app first');
    if (spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' }).status !== 0)
      process.exit(1);
  }
  const apps: App[] = [];
  const embeddedDir = path.join(root, 'embedded');
  let cluster: Awaited<ReturnType<typeof externalCluster>> | undefined;
  // `npm run drills -- 9`: only drill 9 (drills 1-8 build on one another and run together);
  // `npm run drills -- 2`: drill 1 (which seeds the embedded company) and drill 2.
  const only = process.argv.slice(2).map(Number).filter(Boolean);
  try {
    if (only.length === 0) await drillsOneToEight(apps, embeddedDir, (c) => (cluster = c));
    else if (only.includes(1) || only.includes(2)) {
      const app = await drillKillDuringSeeding(embeddedDir);
      apps.push(app);
      if (only.includes(2)) await drillEventLoop(app, embeddedDir);
      await stopApp(app);
    }
    if (only.length === 0 || only.includes(9)) await drillSeveralInstances();
  } catch (error) {
    failures.push(`drill aborted: ${error instanceof Error ? error.message : String(error)}`);
    console.error(error);
  } finally {
    for (const app of apps) if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
    if (fs.existsSync(path.join(embeddedDir, 'postgres', 'postmaster.pid'))) stopEmbedded(embeddedDir);
    try {
      cluster?.stop();
    } catch {
      // already stopped
    }
    fs.rmSync(root, { recursive: true, force: true });
  }
  console.log(
    `\ndrills: ${failures.length === 0 ? 'all passed' : `${failures.length} failed`} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  for (const failure of failures) console.log(`  - ${failure}`);
  process.exit(failures.length === 0 ? 0 : 1);
}

void main();
