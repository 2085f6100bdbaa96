// A throwaway primary PostgreSQL cluster with one streaming replica (`pg_basebackup -R`), on free
// loopback ports, for the read-replica tests (tests/integration/replica-reads.test.ts) and the
// two-instance drill (scripts/drills.ts). It uses Debian's binaries in /usr/lib/postgresql/<v>/bin
// when present, else the embedded ones; as root the servers run as the OS user postgres. It never
// touches a server it did not create, and stop() removes everything it made.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { embeddedBinDir } from '@/db/embedded-server';

export interface ReplicaCluster {
  /** The database `database` on the primary. */
  primaryUrl: string;
  /** The same database on each replica. */
  replicaUrls: string[];
  bin: string;
  /** Stops replaying WAL on replica `i` (it keeps receiving it), so it falls behind the primary. */
  pauseReplay: (i?: number) => Promise<void>;
  resumeReplay: (i?: number) => Promise<void>;
  stopReplica: (i?: number) => Promise<void>;
  startReplica: (i?: number) => Promise<void>;
  /** Waits until every running replica has replayed everything the primary has written so far. */
  waitForReplay: (timeoutMs?: number) => Promise<void>;
  /** Stops both servers and removes their folders. */
  stop: () => Promise<void>;
}

const idOf = (flag: '-u' | '-g') => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);

function postgresBinDir(): string {
  const debian = fs.existsSync('/usr/lib/postgresql')
    ? fs
        .readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
        .find((dir) => fs.existsSync(path.join(dir, 'pg_basebackup')))
    : undefined;
  return debian ?? embeddedBinDir();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Creates and starts a primary with `replicas` streaming replicas, and `database` on all of them. */
export async function startReplicaCluster({ database = 'outsidein', replicas = 1 } = {}): Promise<ReplicaCluster> {
  const bin = postgresBinDir();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outsidein-replicas-'));
  // As root, PostgreSQL runs as the OS user postgres, which must be able to reach the clusters inside.
  fs.chmodSync(root, 0o711);
  const asPostgres = process.getuid?.() === 0 ? { uid: idOf('-u'), gid: idOf('-g') } : {};
  const primaryDir = path.join(root, 'primary');
  const replicaDirs = Array.from({ length: replicas }, (_, i) => path.join(root, `replica-${i + 1}`));
  for (const dir of [primaryDir, ...replicaDirs]) {
    fs.mkdirSync(dir, { mode: 0o700 });
    if (asPostgres.uid !== undefined) fs.chownSync(dir, asPostgres.uid, asPostgres.gid!);
  }
  // Asynchronous, so a test worker's event loop keeps turning while a server starts.
  const run = (tool: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(path.join(bin, tool), args, {
        ...asPostgres,
        env: { ...process.env, LC_ALL: 'C' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`${tool} ${args[0]} failed (${code}): ${output}`)),
      );
    });
  const primaryPort = await freePort();
  const replicaPorts: number[] = [];
  while (replicaPorts.length < replicas) replicaPorts.push(await freePort());
  // Throwaway clusters: durability traded for speed.
  const options = (port: number, dir: string) =>
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c hot_standby_feedback=on`;
  const start = (dir: string, port: number) =>
    run('pg_ctl', [
      'start',
      '-D',
      dir,
      '-w',
      '-s',
      '-t',
      '60',
      '-l',
      path.join(dir, 'server.log'),
      '-o',
      options(port, dir),
    ]);
  const stopServer = (dir: string) =>
    fs.existsSync(path.join(dir, 'postmaster.pid'))
      ? run('pg_ctl', ['stop', '-D', dir, '-m', 'immediate', '-w', '-s']).catch(() => undefined)
      : Promise.resolve();
  const stop = async () => {
    for (const dir of replicaDirs) await stopServer(dir);
    await stopServer(primaryDir);
    fs.rmSync(root, { recursive: true, force: true });
  };

  try {
    await run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '-N']);
    await start(primaryDir, primaryPort);
    const admin = postgres(`postgres://postgres@127.0.0.1:${primaryPort}/postgres`, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${database}`);
    await admin.end({ timeout: 5 });
    for (const [i, dir] of replicaDirs.entries()) {
      // initdb's pg_hba.conf lets 127.0.0.1 replicate with --auth=trust.
      await run('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(primaryPort),
        '-U',
        'postgres',
        '-D',
        dir,
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
      ]);
      await start(dir, replicaPorts[i]!);
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/${database}`;
  const replicaUrls = replicaPorts.map((port) => `postgres://postgres@127.0.0.1:${port}/${database}`);
  const running = replicaDirs.map(() => true);
  const onServer = async <T>(url: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> => {
    const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      return await work(sql);
    } finally {
      await sql.end({ timeout: 5 });
    }
  };
  return {
    primaryUrl,
    replicaUrls,
    bin,
    pauseReplay: (i = 0) => onServer(replicaUrls[i]!, (sql) => sql`select pg_wal_replay_pause()`).then(() => undefined),
    resumeReplay: (i = 0) =>
      onServer(replicaUrls[i]!, (sql) => sql`select pg_wal_replay_resume()`).then(() => undefined),
    stopReplica: async (i = 0) => {
      running[i] = false;
      await stopServer(replicaDirs[i]!);
    },
    startReplica: async (i = 0) => {
      await start(replicaDirs[i]!, replicaPorts[i]!);
      running[i] = true;
    },
    waitForReplay: async (timeoutMs = 20_000) => {
      const [{ lsn }] = await onServer(
        primaryUrl,
        (sql) => sql<[{ lsn: string }]>`select pg_current_wal_lsn()::text as lsn`,
      );
      const started = Date.now();
      for (const [i, url] of replicaUrls.entries()) {
        if (!running[i]) continue;
        await onServer(url, async (sql) => {
          for (;;) {
            const [row] = await sql<[{ caught_up: boolean }]>`
              select pg_wal_lsn_diff(pg_last_wal_replay_lsn(), ${lsn}::pg_lsn) >= 0 as caught_up`;
            if (row.caught_up) return;
            if (Date.now() - started > timeoutMs) throw new Error(`replica ${i + 1} did not replay ${lsn} in time`);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        });
      }
    },
    stop,
  };
}
