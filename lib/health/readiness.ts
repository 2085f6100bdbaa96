import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getDbHandle } from '@/db';
import { selectRows } from '@/db/client';
import { migrationsFolder } from '@/db/migrator';
import { rootCause } from '@/lib/db-errors';
import { env } from '@/lib/env';

/** The whole check answers within this, whatever the database does. */
export const READINESS_BUDGET_MS = 1_500;
/** Below this much free space in DATA_DIR the server reports itself not ready. */
export const MIN_FREE_BYTES = 100 * 1024 * 1024;

export interface Check {
  ok: boolean;
  detail: string;
}

export interface Readiness {
  ready: boolean;
  database: 'embedded' | 'postgres' | 'unknown';
  checks: { database: Check; migrations: Check; writable: Check; disk: Check };
}

function withinBudget<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The number of migrations this build ships, and the timestamp of the newest. */
function shippedMigrations(): { count: number; newest: number } {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return { count: journal.entries.length, newest: Math.max(...journal.entries.map((e) => e.when)) };
}

async function databaseChecks(): Promise<
  Pick<Readiness['checks'], 'database' | 'migrations' | 'writable'> & { driver: Readiness['database'] }
> {
  const { db, driver } = await getDbHandle();
  const [row] = await selectRows<{ applied: number; newest: string | null; recovery: boolean; read_only: string }>(
    db,
    sql`select (select count(*)::int from drizzle.__drizzle_migrations) as applied,
               (select max(created_at)::text from drizzle.__drizzle_migrations) as newest,
               pg_is_in_recovery() as recovery,
               current_setting('transaction_read_only') as read_only`,
  );
  const shipped = shippedMigrations();
  const migrationsCurrent = row!.applied >= shipped.count && Number(row!.newest) >= shipped.newest;
  // A committed transaction with a transaction id writes and flushes a WAL commit record.
  let writable: Check;
  if (row!.recovery || row!.read_only === 'on') {
    writable = { ok: false, detail: 'the database is read-only (a replica, or in recovery)' };
  } else {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select txid_current()`);
    });
    writable = { ok: true, detail: 'a transaction committed' };
  }
  return {
    driver,
    database: { ok: true, detail: 'answered' },
    migrations: migrationsCurrent
      ? { ok: true, detail: `${shipped.count} applied` }
      : { ok: false, detail: `${row!.applied} of ${shipped.count} applied` },
    writable,
  };
}

function diskCheck(): Check {
  try {
    // With DATABASE_URL and AUTH_SECRET set nothing else creates DATA_DIR; a missing folder is not a fault.
    fs.mkdirSync(env.dataDir, { recursive: true });
    fs.accessSync(env.dataDir, fs.constants.W_OK);
    const stats = fs.statfsSync(env.dataDir);
    const free = stats.bavail * stats.bsize;
    const mb = Math.floor(free / 1024 / 1024);
    return free >= MIN_FREE_BYTES
      ? { ok: true, detail: `${mb} MB free in DATA_DIR` }
      : { ok: false, detail: `only ${mb} MB free in DATA_DIR` };
  } catch (error) {
    return { ok: false, detail: `DATA_DIR is not writable: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Readiness for a load balancer: the database answers, its migrations are those this build ships,
 * it accepts a committed write, and DATA_DIR (the embedded cluster, the auth secret) is writable
 * with free space. Answers within READINESS_BUDGET_MS.
 */
export async function checkReadiness(): Promise<Readiness> {
  const disk = diskCheck();
  try {
    const { driver, ...checks } = await withinBudget(databaseChecks(), READINESS_BUDGET_MS);
    const all = { ...checks, disk };
    return { ready: Object.values(all).every((c) => c.ok), database: driver, checks: all };
  } catch (error) {
    const failed: Check = { ok: false, detail: 'not checked' };
    return {
      ready: false,
      database: 'unknown',
      checks: {
        database: { ok: false, detail: `unreachable: ${rootCause(error)}` },
        migrations: failed,
        writable: failed,
        disk,
      },
    };
  }
}
