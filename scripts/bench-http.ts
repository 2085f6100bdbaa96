// `npm run bench:http`: the production build over HTTP, on a PostgreSQL database it creates, fills
// and drops. For each case it prints requests/s, latency p50/p95/p99 and the CPU each request cost:
// the app's Node process plus the PostgreSQL backends serving the bench database, read from /proc
// (Linux), with the machine's load average beside the figures. Not a test: figures for the README.
//   1. single POST /api/v1/interactions (one interaction)
//   2. batch POST /api/v1/interactions (1,000 interactions)
//   3. GET /api/v1/metrics (the dashboard's numbers for the last 30 days)
//   4. GET /dashboard (signed in as the demo manager, the whole streamed page)
//   5. the dashboard rendered one at a time: Node CPU per render and the page's serialized size
// `npm run bench:render` runs case 5 alone.
//
//   BENCH_DATABASE_URL   server to create the database on (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_HTTP_ROWS      interactions to fill (default 1,000,000)
//   BENCH_HTTP_SECONDS   seconds per case (default 10); BENCH_HTTP_CONNECTIONS (default 10)
//   BENCH_HTTP_PORT      the app's port (default 3290)
//   BENCH_RENDERS        renders timed in case 5, on a fresh and on a warm server (default 30 each)
//   BENCH_RENDER_WARMUP  renders before the warm server is timed (default 500)
//   BENCH_HTTP_KEEP_DATABASE=1   keep the database (its URL is printed) …
//   BENCH_HTTP_REUSE_DATABASE_URL  … and measure again on it without filling, e.g. before and after a change
// The build must exist (`flock /tmp/heavy.lock npx next build`); it is made when .next/BUILD_ID is missing.
//
// autocannon drives the load: it is maintained by the Node.js performance working group's authors,
// keeps many connections busy from one process without a worker per client, and reports every
// response's latency, from which the percentiles here are taken.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import postgres from 'postgres';
import autocannon from 'autocannon';
import { apiKeys } from '@/db/schema';
import { createThrowawayDatabase } from '@/db/throwaway-database';
import { generateApiKey } from '@/lib/auth/api-keys';
import { fillBenchDatabase } from './bench-data';
import { processCpuMs } from './process-cpu.mjs';
import { stopChild } from './stop-child.mjs';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = Number(process.env.BENCH_HTTP_ROWS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 10);
const PORT = Number(process.env.BENCH_HTTP_PORT ?? 3290);
const RENDERS = Number(process.env.BENCH_RENDERS ?? 30);
const WARMUP = Number(process.env.BENCH_RENDER_WARMUP ?? 500);
const BASE = `http://127.0.0.1:${PORT}`;
const RENDER_ONLY = process.argv.includes('--render');
const KEEP = process.env.BENCH_HTTP_KEEP_DATABASE === '1';
const REUSE = process.env.BENCH_HTTP_REUSE_DATABASE_URL;

const log = (line: string) => console.log(`bench:http: ${line}`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU milliseconds a process has used (user + system), from /proc; 0 once it is gone. */
const cpuMs = (pid: number): number => processCpuMs(pid) ?? 0;

/** The CPU used by the app's process and by the backends serving the bench database. */
async function cpuMeter(appPid: number, admin: postgres.Sql, database: string) {
  const backends = async () =>
    (
      await admin<
        { pid: number }[]
      >`select pid from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`
    ).map((r) => r.pid);
  const startApp = cpuMs(appPid);
  const startPids = await backends();
  const startDb = new Map(startPids.map((pid) => [pid, cpuMs(pid)]));
  return async () => {
    const app = cpuMs(appPid) - startApp;
    // Backends that ended meanwhile are lost to the count; the app's pool keeps them open.
    const pids = new Set([...startPids, ...(await backends())]);
    let db = 0;
    for (const pid of pids) db += Math.max(0, cpuMs(pid) - (startDb.get(pid) ?? 0));
    return { app, db };
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Case {
  name: string;
  method?: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: () => string;
  connections?: number;
  /** Interactions per request, for a rate of interactions. */
  perRequest?: number;
}

async function runCase(test: Case, meter: () => Promise<() => Promise<{ app: number; db: number }>>) {
  // Warm: the route compiled and its caches and pool filled before anything is counted.
  for (let i = 0; i < 3; i++)
    await fetch(`${BASE}${test.path}`, { method: test.method ?? 'GET', headers: test.headers, body: test.body?.() })
      .then((r) => r.arrayBuffer())
      .catch(() => undefined);
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const loadBefore = load();
  const stop = await meter();
  const started = Date.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${BASE}${test.path}`,
        method: test.method ?? 'GET',
        headers: test.headers,
        connections: test.connections ?? CONNECTIONS,
        duration: SECONDS,
        // A fresh body per request when the case needs one (ids must differ).
        requests: test.body ? [{ setupRequest: (request) => ({ ...request, body: test.body!() }) }] : undefined,
      },
      (error, answer) => (error ? reject(error) : resolve(answer)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  const elapsed = (Date.now() - started) / 1000;
  const cpu = await stop();
  const sorted = latencies.sort((a, b) => a - b);
  const ok = Object.entries(statuses)
    .filter(([status]) => Number(status) < 400)
    .reduce((sum, [, n]) => sum + n, 0);
  const perSecond = ok / elapsed;
  const rate = test.perRequest
    ? ` (${Math.round(perSecond * test.perRequest).toLocaleString('en-GB')} interactions/s)`
    : '';
  log(
    `${test.name}: ${perSecond.toFixed(1)} req/s${rate}; p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, ` +
      `p99 ${percentile(sorted, 99).toFixed(0)} ms; CPU per request ${((cpu.app + cpu.db) / Math.max(ok, 1)).toFixed(1)} ms ` +
      `(node ${(cpu.app / Math.max(ok, 1)).toFixed(1)} + PostgreSQL ${(cpu.db / Math.max(ok, 1)).toFixed(1)}); ` +
      `${ok} answered ${JSON.stringify(statuses)}${result.errors ? `, ${result.errors} errors` : ''}; load ${loadBefore} → ${load()}`,
  );
}

/** Signs in through Auth.js's endpoints as a form without JavaScript would; the session cookie. */
async function signIn(email: string, password: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const cookies = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${BASE}/dashboard` }),
  });
  const session = answer.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('authjs.session-token='));
  if (!session) throw new Error(`sign-in failed (${answer.status})`);
  return session;
}

/**
 * Case 5: renders one at a time, so each one's CPU is its own. Measured twice: right after the
 * server started (RENDERS renders after five warm-ups, while V8 still compiles the render paths),
 * and again after WARMUP renders in all, as a server that has been up a while renders.
 */
async function measureRenders(cookie: string, meter: () => Promise<() => Promise<{ app: number; db: number }>>) {
  const get = (headers: Record<string, string> = {}) =>
    fetch(`${BASE}/dashboard`, { headers: { cookie, ...headers } }).then(async (r) => {
      if (r.status !== 200) throw new Error(`GET /dashboard answered ${r.status}`);
      return r.text();
    });
  let done = 0;
  const timed = async (label: string) => {
    const loadBefore = load();
    const stop = await meter();
    const times: number[] = [];
    for (let i = 0; i < RENDERS; i++) {
      const started = performance.now();
      await get();
      times.push(performance.now() - started);
    }
    done += RENDERS;
    const cpu = await stop();
    const sorted = times.sort((a, b) => a - b);
    log(
      `dashboard render, one at a time (${RENDERS}, ${label}): Node CPU ${(cpu.app / RENDERS).toFixed(1)} ms per render, ` +
        `PostgreSQL ${(cpu.db / RENDERS).toFixed(1)} ms; wall p50 ${percentile(sorted, 50).toFixed(0)} ms; load ${loadBefore} → ${load()}`,
    );
  };
  for (; done < 5; done++) await get(); // compiled routes, caches, pools
  await timed('a fresh server');
  for (; done < WARMUP; done++) await get();
  await timed(`a warm server, after ${WARMUP} renders`);
  const html = await get();
  // The React Server Components payload a client navigation fetches: the page's serialized data.
  const flight = await get({ rsc: '1' });
  const inlineFlight = [...html.matchAll(/self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce(
    (sum, m) => sum + m[1]!.length,
    0,
  );
  log(
    `dashboard page: ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB of HTML, ${(inlineFlight / 1024).toFixed(0)} KB of it ` +
      `serialized component data; RSC payload of a client navigation ${(Buffer.byteLength(flight) / 1024).toFixed(0)} KB`,
  );
}

async function main() {
  log(
    `${os.cpus().length} CPUs, load average ${load()}; ${REUSE ? 'a kept database' : `${ROWS.toLocaleString('en-GB')} interactions`}`,
  );
  if (!fs.existsSync('.next/BUILD_ID')) {
    log('building the app first');
    if (spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' }).status !== 0)
      process.exit(1);
  }
  const handle = await createThrowawayDatabase({
    serverUrl: SERVER,
    prefix: 'outsidein_bench_http_',
    keep: KEEP,
    reuseUrl: REUSE,
  });
  // Reads the app's backends in pg_stat_activity, from outside the bench database.
  const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
  let app: ChildProcess | undefined;
  let dataDir: string | undefined;
  try {
    if (!REUSE) await fillBenchDatabase(handle, ROWS, log);
    const key = generateApiKey();
    await handle.db.insert(apiKeys).values({
      name: 'bench',
      prefix: key.prefix,
      secretHash: key.hash,
      scopes: ['interactions:write', 'metrics:read'],
    });
    const touchpointIds = (await handle.db.query.touchpoints.findMany({ columns: { id: true } })).map((t) => t.id);
    // Only the app's own backends stay connected to the database while it is measured.
    await handle.close();

    dataDir = fs.mkdtempSync(`${os.tmpdir()}/outsidein-bench-http-`);
    app = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(PORT), '--hostname', '127.0.0.1'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: handle.url,
        DATABASE_READ_URL: '',
        AUTH_SECRET: 'bench-only-secret-not-for-production',
        SKIP_AUTO_SEED: '1',
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; ; i++) {
      const ready = await fetch(`${BASE}/api/health`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ready) break;
      if (i > 600 || app.exitCode !== null) throw new Error('the app did not become ready');
      await sleep(200);
    }
    const meter = () => cpuMeter(app!.pid!, admin, handle.name);
    const cookie = await signIn('manager@outsidein.test', 'demo-manager-pass');
    const auth = { authorization: `Bearer ${key.key}` };
    const json = { ...auth, 'content-type': 'application/json' };
    const interaction = () => ({
      id: randomUUID(),
      touchpointId: touchpointIds[Math.floor(Math.random() * touchpointIds.length)]!,
      occurredAt: new Date(Date.now() - Math.random() * 30 * 86_400_000).toISOString(),
      csat: 1 + Math.floor(Math.random() * 5),
      nps: Math.floor(Math.random() * 11),
      expectation: 3,
      experience: 1 + Math.floor(Math.random() * 5),
      outcome: Math.random() < 0.2 ? 'unresolved' : 'resolved',
    });
    if (!RENDER_ONLY) {
      const cases: Case[] = [
        {
          name: 'single POST',
          method: 'POST',
          path: '/api/v1/interactions',
          headers: json,
          body: () => JSON.stringify(interaction()),
        },
        {
          name: 'batch POST (1,000)',
          method: 'POST',
          path: '/api/v1/interactions',
          headers: json,
          body: () => JSON.stringify(Array.from({ length: 1_000 }, interaction)),
          connections: 2,
          perRequest: 1_000,
        },
        { name: 'GET /api/v1/metrics', path: '/api/v1/metrics', headers: auth },
        { name: 'GET /dashboard', path: '/dashboard', headers: { cookie } },
      ];
      for (const test of cases) await runCase(test, meter);
    }
    await measureRenders(cookie, meter);
  } finally {
    if (app) await stopChild(app);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    await admin.end({ timeout: 5 });
    await handle.drop();
    if (KEEP || REUSE) log(`database kept: ${handle.url}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
