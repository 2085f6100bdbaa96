// `npm run test:e2e`: builds the app for production, then runs the Playwright tests against it on
// a fresh embedded database in a temporary folder (never the user's .data/), removed afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium } from './find-chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(
    'e2e: no Chromium found. Install one of:\n' +
      '  Debian/Ubuntu:  sudo apt-get install -y chromium\n' +
      '  any system:     npx playwright install chromium\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
  process.exit(1);
}

const run = (args, env = process.env) => {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!process.argv.includes('--no-build')) {
  // The build must not open the database (every page renders per request): it is pointed at a
  // folder that must still not exist afterwards, so a page that reads it while being prerendered
  // fails the tests instead of leaving an embedded server running after the build.
  const buildDataDir = path.join(os.tmpdir(), `outsidein-build-${process.pid}`);
  run(['node_modules/next/dist/bin/next', 'build'], { ...process.env, DATA_DIR: buildDataDir, DATABASE_URL: '' });
  if (existsSync(buildDataDir)) {
    console.error(
      `e2e: \`next build\` opened the embedded database in ${buildDataDir}; no page may read it at build time.`,
    );
    process.exit(1);
  }
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'outsidein-e2e-'));
const passThrough = process.argv.slice(2).filter((arg) => arg !== '--no-build');
let status = 1;
try {
  const env = { ...process.env, E2E_DATA_DIR: dataDir, CHROMIUM_PATH: chromium };
  const result = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', ...passThrough], {
    stdio: 'inherit',
    env,
  });
  status = result.status ?? 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);
