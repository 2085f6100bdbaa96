// `npm start`: builds the app when there is no build or the sources changed since the last one,
// then serves it. The server migrates the database and loads the demo data itself on first start
// (instrumentation.ts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const nextBin = 'node_modules/next/dist/bin/next';
const stampFile = '.next/outsidein-source-stamp';
const SOURCES = [
  'app',
  'components',
  'lib',
  'db',
  'messages',
  'instrumentation.ts',
  'instrumentation-client.ts',
  'proxy.ts',
  'next.config.mjs',
  'package-lock.json',
  'postcss.config.mjs',
  'tsconfig.json',
];

/** The newest modification time among the app's sources. */
function newestSourceTime() {
  let newest = 0;
  const visit = (entry) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) for (const child of readdirSync(entry)) visit(path.join(entry, child));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  SOURCES.forEach(visit);
  return Math.floor(newest);
}

const sourceTime = newestSourceTime();
const builtFor = existsSync(stampFile) ? Number(readFileSync(stampFile, 'utf8')) : -1;
if (!existsSync('.next/BUILD_ID') || builtFor !== sourceTime) {
  console.log('start: building the app for production (a minute or two)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(stampFile, String(sourceTime));
}

// scripts/serve.mjs rather than `next start`: it hands the app the socket's address, and shuts
// down gracefully.
const server = spawn(process.execPath, ['scripts/serve.mjs'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
// The server's status is ours: a failed start-up (exit 1) must reach the supervisor, and so must a
// death by signal (128 + its number, as a shell reports it).
server.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGTERM' ? 143 : signal === 'SIGINT' ? 130 : 1)));
