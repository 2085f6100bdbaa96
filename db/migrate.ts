// `npm run db:migrate`: applies the committed migrations to the configured database.
import { env } from '@/lib/env';
import { openDatabase } from './client';
import { migrateDatabase } from './migrator';

async function main() {
  const target = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${env.dataDir}`;
  console.log(`migrate: applying migrations to ${target}`);
  const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.dataDir });
  try {
    await migrateDatabase(handle);
    console.log('migrate: done');
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error('migrate: failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
