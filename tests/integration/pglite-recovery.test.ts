import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';

// PGlite runs with fsync off and unclean exits have broken data folders for others
// (pglite#327, #1107): prove that ours reopens after the server process is killed mid-write.
describe('embedded database after kill -9', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'outsidein-kill-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reopens with every committed row readable and accepts new writes', async () => {
    for (let round = 0; round < 3; round++) {
      const child = fork(path.join(import.meta.dirname, '../support/pglite-writer.mjs'), [folder], { stdio: 'ignore' });
      await new Promise<void>((resolve, reject) => {
        child.once('message', () => resolve());
        child.once('error', reject);
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }

    const db = await PGlite.create(folder);
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from t');
    expect(rows[0]!.n).toBeGreaterThan(0);
    await db.query('insert into t (payload) values ($1)', ['after recovery']);
    const check = await db.query<{ n: number }>("select count(*)::int as n from t where payload = 'after recovery'");
    expect(check.rows[0]!.n).toBe(1);
    await db.close();
  }, 60_000);
});
