import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// A guard: the app under test must run on a throwaway embedded database in the temp folder.
const dataDir = process.env.E2E_DATA_DIR;
if (!dataDir || !path.resolve(dataDir).startsWith(os.tmpdir())) {
  throw new Error(
    'Run the browser tests with `npm run test:e2e`: it gives them a throwaway database in the temp folder.',
  );
}

// E2E_PORT lets several checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const chromium = process.env.CHROMIUM_PATH;
const launchOptions = {
  ...(chromium && chromium !== 'playwright-managed' ? { executablePath: chromium } : {}),
  // As root Chromium needs --no-sandbox; the other flags keep it from calling out to a closed network.
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // Journeys sign in several users in turn; on a 2-core CI machine under a parallel build they need the room.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { baseURL, trace: 'retain-on-failure', launchOptions },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/, use: { ...devices['Desktop Chrome'], launchOptions } },
    {
      name: 'chromium',
      testIgnore: [/.*\.setup\.ts/, /journey-settings\.spec\.ts/],
      dependencies: ['setup'],
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    // The company settings change every page for every user (currency, locale, language): their
    // journey runs alone, after every other spec has finished.
    {
      name: 'company-settings',
      testMatch: /journey-settings\.spec\.ts/,
      dependencies: ['chromium'],
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  webServer: {
    command: `node scripts/serve.mjs --port ${PORT} --hostname 127.0.0.1`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SEED_SCALE: '0.15',
      AUTH_SECRET: 'e2e-only-secret-not-for-production-use',
      NODE_ENV: 'production',
    },
  },
});
