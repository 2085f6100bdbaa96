// `npm run bench:first-start`: the first start of an empty embedded database with the existing
// production build (run `next build` first; `npm start` of a fresh clone also builds, which this
// does not time): from starting the server on a new, empty DATA_DIR to a manager signed in on the
// dashboard with the demo company — creating the PostgreSQL cluster, migrations, the demo seed,
// readiness, then the sign-in through the real login page in Chromium. Prints each step with the
// load average. BENCH_PORT (3210) is the port it serves on.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { managerInChromium, waitForHealth } from './bench-browser.mjs';
import { stopChild } from './stop-child.mjs';

const port = Number(process.env.BENCH_PORT ?? 3210);
const base = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outsidein-first-start-'));
const load = () => os.loadavg()[0].toFixed(1);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

if (!fs.existsSync('.next/BUILD_ID')) {
  console.error('bench:first-start: no production build; run `npx next build` first.');
  process.exit(1);
}
console.log(
  `bench:first-start: ${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`,
);
const started = performance.now();
const server = spawn(process.execPath, ['scripts/serve.mjs'], {
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
server.stdout.on('data', (chunk) => {
  for (const line of chunk.toString().split('\n'))
    if (/^database:|seed|ready|Ready/i.test(line))
      console.log(`  ${seconds(performance.now() - started)}  ${line.trim()}`);
});
try {
  await waitForHealth(base);
  const ready = performance.now() - started;
  const { browser } = await managerInChromium(base);
  const signedIn = performance.now() - started;
  await browser.close();
  console.log(`ready (health answers): ${seconds(ready)}, load average ${load()}`);
  console.log(`manager signed in on the dashboard: ${seconds(signedIn)}, load average ${load()}`);
} finally {
  await stopChild(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
