import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { apiKeys } from '@/db/schema';

// `npm run api-key` in a child process, on an embedded database in a throwaway folder.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'outsidein-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[]) {
  return spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/api-key.ts', ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test' },
      timeout: 60_000,
    },
  );
}

describe('npm run api-key', () => {
  it('prints a new key once, and refuses bad arguments with the usage', () => {
    const created = run(['--name', 'Nightly BI', '--scopes', 'metrics:read,interactions:write']);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created API key "Nightly BI" with scopes interactions:write, metrics:read.');
    expect(created.stdout).toMatch(/^oi_[0-9a-f]{8}_\S+$/m);

    const bad = run(['--name', 'x', '--scopes', 'everything']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--scopes: Unknown scope.');
    expect(bad.stderr).toContain('usage: npm run api-key');
  }, 90_000);

  it('starts the embedded server for the command, and stops it again when no one else uses it', () => {
    const created = run(['--name', 'Alone', '--scopes', 'metrics:read']);
    expect(created.status, created.stderr).toBe(0);
    expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 90_000);

  it('connects to the embedded server the running app manages, and leaves it running', async () => {
    // This test process stands for the running app.
    const app = await openDatabase({ dataDir, stopServer: 'always' });
    try {
      const created = run(['--name', 'While running', '--scopes', 'metrics:read']);
      expect(created.status, created.stderr).toBe(0);
      expect(created.stdout).toMatch(/^oi_[0-9a-f]{8}_\S+$/m);
      const names = await app.db.select({ name: apiKeys.name }).from(apiKeys);
      expect(names.map((k) => k.name)).toContain('While running');
    } finally {
      await app.close();
    }
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 90_000);
});
