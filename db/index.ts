import { env } from '@/lib/env';
import { openDatabase, type Database, type DatabaseHandle } from './client';
import { migrateDatabase } from './migrator';
import { ReadReplicas, type ReadReplicaOptions, type ReadTarget, type ReplicaStatus } from './read-replicas';

export type { Database, DbOrTx, Transaction } from './client';
export type { ReadTarget, ReplicaStatus } from './read-replicas';

// Next.js bundles instrumentation and routes separately, so the one open database lives on
// globalThis rather than in a module variable.
const globalForDb = globalThis as unknown as {
  __outsideinDb?: Promise<DatabaseHandle>;
  __outsideinWatchdog?: NodeJS.Timeout;
  // undefined: not opened yet; null: no replicas configured.
  __outsideinReplicas?: ReadReplicas | null;
};

/** The app's database, opened and migrated on first use. */
export async function getDb(): Promise<Database> {
  return (await getDbHandle()).db;
}

export function getDbHandle(): Promise<DatabaseHandle> {
  globalForDb.__outsideinDb ??= (async () => {
    const handle = await openDatabase({
      url: env.DATABASE_URL,
      dataDir: env.dataDir,
      stopServer: 'always',
      log: console.log,
    });
    // However the process ends (Next.js exits once in-flight requests are done after SIGTERM or
    // SIGINT), the embedded server it runs is shut down cleanly rather than left to crash recovery.
    if (handle.embedded) {
      const embedded = handle.embedded;
      process.once('exit', () => embedded.stop());
      // If the server dies under the app (killed, out of memory), start it again on its port.
      let reviving = false;
      const watchdog = setInterval(() => {
        if (reviving || globalForDb.__outsideinDb === undefined) return;
        reviving = true;
        embedded
          .revive()
          .catch((error: unknown) => console.error(`database: could not restart the embedded server: ${String(error)}`))
          .finally(() => (reviving = false));
      }, 3_000);
      watchdog.unref();
      globalForDb.__outsideinWatchdog = watchdog;
    }
    await migrateDatabase(handle);
    return handle;
  })().catch((error: unknown) => {
    globalForDb.__outsideinDb = undefined;
    throw error;
  });
  return globalForDb.__outsideinDb;
}

function readReplicas(): ReadReplicas | null {
  if (globalForDb.__outsideinReplicas === undefined) {
    const urls = env.DATABASE_READ_URL ?? [];
    globalForDb.__outsideinReplicas =
      urls.length === 0 ? null : new ReadReplicas({ urls, primary: getDb, maxLagSeconds: env.DATABASE_READ_MAX_LAG });
  }
  return globalForDb.__outsideinReplicas;
}

/**
 * Where a read-only view reads: a streaming replica of DATABASE_READ_URL that is up and within
 * DATABASE_READ_MAX_LAG of the primary, else the primary. Only views that may show data a few
 * seconds old use it; everything that writes, or shows what was just written, uses getDb().
 */
export async function getReadTarget(): Promise<ReadTarget> {
  const replicas = readReplicas();
  if (!replicas) return { db: await getDb(), source: 'primary', name: 'primary', lagSeconds: 0 };
  return replicas.target();
}

/** Runs a read on `target` (default: a fresh getReadTarget()), on the primary again if the replica fails it. */
export async function onReadTarget<T>(work: (db: Database) => Promise<T>, target?: ReadTarget): Promise<T> {
  const replicas = readReplicas();
  const chosen = target ?? (await getReadTarget());
  return replicas ? replicas.run(chosen, work) : work(chosen.db);
}

/** Each replica's state and lag, for /api/health; empty without DATABASE_READ_URL. */
export function replicaStatus(): ReplicaStatus[] {
  return readReplicas()?.status() ?? [];
}

/** Reads from these replicas of the test database (integration tests); none: back to the primary only. */
export async function useReadReplicasForTests(options?: Omit<ReadReplicaOptions, 'primary'>): Promise<void> {
  await globalForDb.__outsideinReplicas?.close();
  globalForDb.__outsideinReplicas = options ? new ReadReplicas({ ...options, primary: getDb }) : null;
}

/** Points every data-access function at another database (integration tests). */
export function useDatabaseForTests(handle: DatabaseHandle): void {
  globalForDb.__outsideinDb = Promise.resolve(handle);
}

export async function closeDb(): Promise<void> {
  clearInterval(globalForDb.__outsideinWatchdog);
  const replicas = globalForDb.__outsideinReplicas;
  globalForDb.__outsideinReplicas = undefined;
  await replicas?.close();
  const pending = globalForDb.__outsideinDb;
  globalForDb.__outsideinDb = undefined;
  if (pending) await (await pending).close();
}
