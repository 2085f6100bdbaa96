import { env } from '@/lib/env';
import { openDatabase, type Database, type DatabaseHandle } from './client';
import { migrateDatabase } from './migrator';

export type { Database, DbOrTx, Transaction } from './client';

// Next.js bundles instrumentation and routes separately, so the one open database lives on
// globalThis rather than in a module variable.
const globalForDb = globalThis as unknown as { __outsideinDb?: Promise<DatabaseHandle> };

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
    if (handle.embedded) process.once('exit', () => handle.embedded?.stop());
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
  const pending = globalForDb.__outsideinDb;
  globalForDb.__outsideinDb = undefined;
  if (pending) await (await pending).close();
}
