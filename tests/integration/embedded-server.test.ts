import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, selectRows, type DatabaseHandle } from '@/db/client';
import { clusterDir } from '@/db/embedded-server';

// The embedded server's life cycle, each case on a cluster of its own in a throwaway folder.
const folders: string[] = [];
const handles: DatabaseHandle[] = [];

function tempDataDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'outsidein-embedded-'));
  folders.push(dir);
  return dir;
}

async function open(dataDir: string) {
  const handle = await openDatabase({ dataDir, stopServer: 'always' });
  handles.push(handle);
  return handle;
}

afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.close().catch(() => {});
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const serverLog = (dataDir: string) => {
  const logDir = path.join(clusterDir(dataDir), 'log');
  const current = readFileSync(path.join(clusterDir(dataDir), 'current_logfiles'), 'utf8')
    .split(' ')[1]!
    .trim();
  return readFileSync(path.join(path.dirname(logDir), current), 'utf8');
};

describe('embedded PostgreSQL server', () => {
  it('creates the cluster on first start, with fsync on, and shuts it down cleanly', async () => {
    const dataDir = tempDataDir();
    const first = await open(dataDir);
    expect(first.driver).toBe('embedded');
    expect(first.embedded?.startedHere).toBe(true);
    const [settings] = await selectRows<{ fsync: string; listen: string }>(
      first.db,
      sql`select current_setting('fsync') as fsync, current_setting('listen_addresses') as listen`,
    );
    expect(settings).toEqual({ fsync: 'on', listen: '127.0.0.1' });
    await first.close();
    expect(existsSync(path.join(clusterDir(dataDir), 'postmaster.pid'))).toBe(false);

    const second = await open(dataDir);
    expect(second.embedded?.startedHere).toBe(true);
    // A clean shutdown: the next start needs no crash recovery.
    expect(serverLog(dataDir)).toMatch(/database system was shut down at/);
    expect(serverLog(dataDir)).not.toMatch(/was interrupted|automatic recovery/);
  }, 60_000);

  it('revives a server killed under the app (the watchdog’s step), on the same port, with every committed row', async () => {
    const dataDir = tempDataDir();
    const handle = await open(dataDir);
    await handle.db.execute(sql`create table kept (n int)`);
    await handle.db.execute(sql`insert into kept values (1), (2), (3)`);
    expect(await handle.embedded!.revive()).toBe(false);
    const pidFile = path.join(clusterDir(dataDir), 'postmaster.pid');
    const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
    process.kill(Number(pid), 'SIGKILL');
    // The pool's connections break (the PID may linger as a zombie nobody reaps in a container).
    await expect
      .poll(
        async () =>
          await handle.db.execute(sql`select 1`).then(
            () => 'answers',
            () => 'refused',
          ),
        {
          timeout: 10_000,
        },
      )
      .toBe('refused');
    expect(await handle.embedded!.revive()).toBe(true);
    const [newPid, , , newPort] = readFileSync(pidFile, 'utf8').split('\n');
    expect(newPid).not.toBe(pid);
    expect(newPort).toBe(port);
    // The pool reconnects by itself to the same address.
    await expect
      .poll(
        async () =>
          (await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from kept`).catch(() => []))[0]?.n,
        {
          timeout: 20_000,
        },
      )
      .toBe(3);
  }, 90_000);

  it('after a kill -9 of the app, the next start reuses the orphaned server with every committed row', async () => {
    const dataDir = tempDataDir();
    const writer = spawn(process.execPath, ['--import', 'tsx', 'tests/support/embedded-writer.ts', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acknowledged = 0;
    await new Promise<void>((resolve, reject) => {
      writer.stdout.on('data', (chunk: Buffer) => {
        const ids = chunk.toString().trim().split('\n').map(Number);
        acknowledged = Math.max(acknowledged, ...ids);
        if (acknowledged >= 200) resolve();
      });
      writer.on('exit', () => reject(new Error('the writer stopped early')));
    });
    writer.kill('SIGKILL');
    await new Promise((resolve) => writer.once('exit', resolve));

    const reopened = await open(dataDir);
    expect(reopened.embedded?.startedHere).toBe(false);
    const [row] = await selectRows<{ n: number; max: number }>(
      reopened.db,
      sql`select count(*)::int as n, max(id) as max from acknowledged`,
    );
    expect(row!.max).toBeGreaterThanOrEqual(acknowledged);
    expect(row!.n).toBe(row!.max);
  }, 90_000);

  it('starts despite a stale postmaster.pid whose PID now belongs to another process', async () => {
    const dataDir = tempDataDir();
    await (await open(dataDir)).close();
    handles.length = 0;
    const pidFile = path.join(clusterDir(dataDir), 'postmaster.pid');
    // This test's own PID stands for a recycled one: alive, but not PostgreSQL.
    writeFileSync(pidFile, `${process.pid}\n${clusterDir(dataDir)}\n0\n5999\n\n127.0.0.1\n0 0\nready\n`);
    const handle = await open(dataDir);
    const [row] = await selectRows<{ ok: number }>(handle.db, sql`select 1 as ok`);
    expect(row!.ok).toBe(1);
  }, 60_000);

  it('lets two processes start on one empty folder at once: one cluster, one server', async () => {
    const dataDir = tempDataDir();
    const [a, b] = await Promise.all([open(dataDir), open(dataDir)]);
    expect(new URL(a.url).port).toBe(new URL(b.url).port);
    expect([a.embedded?.startedHere, b.embedded?.startedHere].filter(Boolean)).toHaveLength(1);
    await a.db.execute(sql`create table shared (x int)`);
    await b.db.execute(sql`insert into shared values (1)`);
    const rows = await selectRows<{ x: number }>(a.db, sql`select x from shared`);
    expect(rows).toEqual([{ x: 1 }]);
  }, 60_000);
});
