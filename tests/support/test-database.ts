import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrator';

/** `embedded`: the run's embedded PostgreSQL server; `postgres`: the server of TEST_DATABASE_URL. */
export type TestDriver = 'embedded' | 'postgres';

/** The server a driver's test databases live on. */
export function testServerUrl(driver: TestDriver): string {
  if (driver === 'embedded') return inject('embeddedServerUrl');
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

/**
 * A fresh, migrated database for one test file, on the run's embedded PostgreSQL server or on the
 * server of TEST_DATABASE_URL, dropped again by `drop()`. `migrationsFolder` stops at an older
 * schema, for tests of a migration.
 */
export async function createTestDatabase(
  driver: TestDriver,
  migrationsFolder?: string,
): Promise<DatabaseHandle & { drop: () => Promise<void> }> {
  const serverUrl = testServerUrl(driver);
  const name = `outsidein_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await migrateDatabase(handle, migrationsFolder);
  return {
    ...handle,
    driver,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
