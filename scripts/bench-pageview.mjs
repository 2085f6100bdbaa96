// `npm run bench:pageview`: what one page view costs the server, as a browser makes it. Starts the
// production build (run `npx next build` first) on a new embedded database with the demo company
// (SEED_SCALE, 0.15 unless set), signs a manager in through the login page in Chromium, then opens
// each page BENCH_VIEWS times (5) after two warm-up views and prints, per view, the requests that
// reached the app (documents and router fetches, so prefetches count; scripts and styles, cached by
// the browser, do not) and the app's Node.js CPU from /proc (the database's processes are not
// counted). BENCH_PORT (3211) is the port it serves on.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { managerInChromium, waitForHealth } from './bench-browser.mjs';
import { stopChild } from './stop-child.mjs';
import { processCpuMs } from './process-cpu.mjs';

const PAGES = ['/dashboard', '/interactions', '/defects', '/customers', '/my-work', '/cases'];
const port = Number(process.env.BENCH_PORT ?? 3211);
const views = Number(process.env.BENCH_VIEWS ?? 5);
const base = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outsidein-pageview-'));

if (!fs.existsSync('.next/BUILD_ID')) {
  console.error('bench:pageview: no production build; run `npx next build` first.');
  process.exit(1);
}
if (!fs.existsSync('/proc/self/stat')) {
  console.error('bench:pageview: reads CPU time from /proc, so it runs on Linux only.');
  process.exit(1);
}

/** The server's CPU milliseconds so far (it must be running). */
function cpuMs(pid) {
  const ms = processCpuMs(pid);
  if (ms === undefined) throw new Error(`cannot read the CPU time of process ${pid}`);
  return ms;
}

const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port), '--hostname', '127.0.0.1'], {
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    SEED_SCALE: process.env.SEED_SCALE ?? '0.15',
    AUTH_SECRET: randomBytes(32).toString('hex'),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
let browser;
try {
  await waitForHealth(base);
  let page;
  ({ browser, page } = await managerInChromium(base));

  let requests = 0;
  page.on('request', (request) => {
    if (['document', 'fetch'].includes(request.resourceType())) requests += 1;
  });
  const open = async (pagePath) => {
    await page.goto(pagePath);
    await page.waitForLoadState('networkidle');
  };
  console.log(
    `bench:pageview: ${os.cpus().length} CPUs, ${views} views per page, load average ${os.loadavg()[0].toFixed(1)}`,
  );
  console.log('page            requests/view   Node CPU/view   wall/view');
  for (const pagePath of PAGES) {
    for (let i = 0; i < 2; i++) await open(pagePath);
    requests = 0;
    const cpuBefore = cpuMs(server.pid);
    const wallBefore = performance.now();
    for (let i = 0; i < views; i++) await open(pagePath);
    const cpu = (cpuMs(server.pid) - cpuBefore) / views;
    const wall = (performance.now() - wallBefore) / views;
    console.log(
      `${pagePath.padEnd(15)} ${(requests / views).toFixed(1).padStart(13)} ${`${cpu.toFixed(0)} ms`.padStart(15)} ${`${wall.toFixed(0)} ms`.padStart(11)}`,
    );
  }
  console.log(`load average ${os.loadavg()[0].toFixed(1)}`);
} finally {
  await browser?.close();
  await stopChild(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
