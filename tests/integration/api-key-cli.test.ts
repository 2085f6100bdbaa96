import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

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

  it('refuses politely while another process holds the embedded database', () => {
    // This test process is alive, so its pid in the lock file stands for a running server.
    writeFileSync(path.join(dataDir, 'pglite.lock'), String(process.pid));
    try {
      const refused = run(['--name', 'While running', '--scopes', 'metrics:read']);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`is in use by process ${process.pid}`);
      expect(refused.stdout).not.toMatch(/oi_/);
    } finally {
      rmSync(path.join(dataDir, 'pglite.lock'), { force: true });
    }
  }, 90_000);
});
