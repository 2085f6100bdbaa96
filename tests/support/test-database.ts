import { inject } from 'vitest';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@/db/throwaway-database';

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
export async function createTestDatabase(driver: TestDriver, migrationsFolder?: string): Promise<ThrowawayDatabase> {
  const database = await createThrowawayDatabase({
    serverUrl: testServerUrl(driver),
    prefix: 'outsidein_test_',
    migrationsFolder,
  });
  return { ...database, driver };
}
