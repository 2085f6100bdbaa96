import { env } from '@/lib/env';
import { openDatabase, type Database, type DatabaseHandle } from './client';
import { migrateDatabase } from './migrator';

export type { Database, DbOrTx, Transaction } from './client';

// Next.js bundles instrumentation and routes separately, so the one open database lives on
// globalThis rather than in a module variable.
const globalForDb = globalThis as unknown as {
  __outsideinDb?: Promise<DatabaseHandle>;
  __outsideinWatchdog?: NodeJS.Timeout;
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

/** Points every data-access function at another database (integration tests). */
export function useDatabaseForTests(handle: DatabaseHandle): void {
  globalForDb.__outsideinDb = Promise.resolve(handle);
}

export async function closeDb(): Promise<void> {
  clearInterval(globalForDb.__outsideinWatchdog);
  const pending = globalForDb.__outsideinDb;
  globalForDb.__outsideinDb = undefined;
  if (pending) await (await pending).close();
}
