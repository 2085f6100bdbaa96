import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './client';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

// Any number of app instances may start at once against one PostgreSQL server: an advisory lock
// on a dedicated connection lets one of them migrate while the others wait.
const MIGRATION_LOCK = 7_345_001;

/** Applies the migrations of `folder` (the app's own by default: tests may stop at an older one). */
export async function migrateDatabase({ url }: Pick<DatabaseHandle, 'url'>, folder = migrationsFolder): Promise<void> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const single = drizzle({ client });
    await single.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    await migrate(single, { migrationsFolder: folder });
    await single.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  } finally {
    await client.end({ timeout: 5 });
  }
}
