import { afterAll, beforeAll, vi } from 'vitest';
import { useDatabaseForTests } from '@/db';
import { createTestDatabase, type TestDriver } from './test-database';
import { pinnedSessionVersion, signedInUserId } from './session';

/** A fresh session carries the user's current session version, as one issued at sign-in would. */
async function currentSessionVersion(id: string): Promise<number> {
  const { getDb } = await import('@/db');
  const { users } = await import('@/db/schema');
  const { eq } = await import('drizzle-orm');
  const db = await getDb();
  const [row] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id));
  return row?.v ?? 0;
}

// The session comes from the test, not from a cookie: see signInAs() in ./session.
vi.mock('@/lib/auth/auth', () => ({
  auth: vi.fn(async () => {
    const id = signedInUserId();
    if (!id) return null;
    const sessionVersion = pinnedSessionVersion() ?? (await currentSessionVersion(id));
    return { user: { id }, sessionVersion, expires: new Date(Date.now() + 3_600_000).toISOString() };
  }),
  signIn: vi.fn(),
  signOut: vi.fn(),
  handlers: {},
}));

// Outside a Next.js request there is no cache to revalidate.
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const database = await createTestDatabase((process.env.TEST_DRIVER ?? 'embedded') as TestDriver);
  useDatabaseForTests(database);
  drop = database.drop;
});

afterAll(async () => {
  await drop?.();
});
