import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema';

// One schema, two drivers: the rest of the app sees only `Database` and never knows which.
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Transaction;

export type Driver = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  /** The PostgreSQL URL, for work that needs a connection of its own (migrations). */
  url?: string;
  close: () => Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL URL; when absent the embedded database is used. */
  url?: string;
  /** Folder for the embedded database; `memory://` for a throwaway in-memory one. */
  dataDir?: string;
}

export async function openDatabase({ url, dataDir }: OpenOptions): Promise<DatabaseHandle> {
  if (url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(url, { max: 10, onnotice: () => {} });
    const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Database;
    return { db, driver: 'postgres', url, close: () => client.end({ timeout: 5 }) };
  }

  const folder = dataDir ?? '.data/pglite';
  const inMemory = folder.startsWith('memory://');
  const releaseLock = inMemory ? () => {} : lockDataFolder(folder);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const client = await PGlite.create(inMemory ? folder : path.resolve(/*turbopackIgnore: true*/ folder));
    const { drizzle } = await import('drizzle-orm/pglite');
    const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Database;
    return {
      db,
      driver: 'pglite',
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite takes no lock of its own, and two processes opening one folder corrupt it. A lock file
 * holding our pid refuses a second opener while the first is alive; a stale one is taken over.
 */
function lockDataFolder(folder: string): () => void {
  fs.mkdirSync(folder, { recursive: true });
  const lockPath = path.join(path.dirname(path.resolve(folder)), `${path.basename(folder)}.lock`);
  const existing = readLockPid(lockPath);
  if (existing !== null && existing !== process.pid && isAlive(existing)) {
    throw new Error(
      `The embedded database in ${path.resolve(folder)} is in use by process ${existing} ` +
        '(probably the running OutsideIn server). Stop that process first, or use a PostgreSQL server through DATABASE_URL.',
    );
  }
  fs.writeFileSync(lockPath, String(process.pid));
  const release = () => {
    if (readLockPid(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
  };
  process.once('exit', release);
  return release;
}

function readLockPid(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Rows of a raw query, whichever driver ran it (postgres.js returns an array, PGlite `{ rows }`). */
export async function selectRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
