import { eq, inArray, sql } from 'drizzle-orm';
import { env } from '@/lib/env';
import type { Database } from './client';
import { printDemoAccounts } from './demo-accounts';
import { getDbHandle } from './index';
import { appSecrets, users } from './schema';
import { DEMO_USERS } from './seed-catalog';
import { isDatabaseEmpty, seedDemoDataIfEmpty } from './seed-demo';

/** Opens and migrates the database; seeds the demo company on the first start of an empty one. */
export async function prepareDatabase(): Promise<void> {
  const started = Date.now();
  const { db, driver } = await getDbHandle();
  console.log(
    `database: ${driver === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${env.dataDir}`}, migrations applied`,
  );
  if (env.SKIP_AUTO_SEED !== '1' && (await isDatabaseEmpty(db))) {
    console.log('database: empty, loading the demo company…');
    const summary = await seedDemoDataIfEmpty(db, { scale: env.SEED_SCALE });
    if (summary) {
      console.log(
        `database: demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
          `${summary.customers} customers, ${summary.interactions} interactions, ${summary.defects} defects`,
      );
    }
  }
  if (await demoAccountsActive(db)) printDemoAccounts(console.log);
}

/** Stores `candidate` as the secret `name` unless the database holds one already; answers the one it holds. */
export async function agreeOnSecret(name: string, candidate: string): Promise<string> {
  const { db } = await getDbHandle();
  await db.insert(appSecrets).values({ name, value: candidate }).onConflictDoNothing();
  const [row] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name));
  if (!row) throw new Error(`the secret ${name} could not be stored`);
  return row.value;
}

async function demoAccountsActive(db: Database): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .where(
      inArray(
        sql`lower(${users.email})`,
        DEMO_USERS.map((u) => u.email),
      ),
    );
  return (row?.n ?? 0) > 0;
}
