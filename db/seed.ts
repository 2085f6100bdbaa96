// `npm run db:seed`: fills an empty database with the demo company.
// `npm run db:seed -- --reset` first removes every row (the demo data and anything else).
import { env } from '@/lib/env';
import { openDatabase } from './client';
import { migrateDatabase } from './migrator';
import { clearDatabase, isDatabaseEmpty, seedDemoData } from './seed-demo';
import { printDemoAccounts } from './demo-accounts';

async function main() {
  const reset = process.argv.includes('--reset');
  const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.dataDir });
  try {
    await migrateDatabase(handle);
    if (!(await isDatabaseEmpty(handle.db)) && !reset) {
      console.log(
        'seed: the database already has data; nothing done. Use `npm run db:seed -- --reset` to replace it with the demo data.',
      );
      return;
    }
    const started = Date.now();
    // Emptying and refilling commit together: a failed or interrupted reset changes nothing.
    const summary = await handle.db.transaction(async (tx) => {
      if (reset) {
        console.log('seed: --reset: removing every row');
        await clearDatabase(tx);
      }
      return seedDemoData(tx, { scale: env.SEED_SCALE, log: console.log });
    });
    console.log(`seed: done in ${((Date.now() - started) / 1000).toFixed(1)} s`, summary);
    printDemoAccounts(console.log);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error('seed: failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
