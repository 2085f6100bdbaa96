import { env } from '@/lib/env';
import { printDemoAccounts } from './demo-accounts';
import { getDbHandle, pgliteDir } from './index';
import { isDatabaseEmpty, seedDemoData } from './seed-demo';

/** Opens and migrates the database; seeds the demo company on the first start of an empty one. */
export async function prepareDatabase(): Promise<void> {
  const started = Date.now();
  const { db, driver } = await getDbHandle();
  console.log(`database: ${driver === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${pgliteDir()}`}, migrations applied`);
  if (env.SKIP_AUTO_SEED === '1' || !(await isDatabaseEmpty(db))) return;
  console.log('database: empty, loading the demo company…');
  const summary = await seedDemoData(db, { scale: env.SEED_SCALE });
  console.log(
    `database: demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${summary.customers} customers, ${summary.interactions} interactions, ${summary.defects} defects`,
  );
  printDemoAccounts(console.log);
}
