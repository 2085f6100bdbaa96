import { afterAll, beforeAll, vi } from 'vitest';
import { useDatabaseForTests } from '@/db';
import { createTestDatabase, type TestDriver } from './test-database';
import { signedInUserId } from './session';

// The session comes from the test, not from a cookie: see signInAs() in ./session.
vi.mock('@/lib/auth/auth', () => ({
  auth: vi.fn(async () => {
    const id = signedInUserId();
    return id ? { user: { id }, expires: new Date(Date.now() + 3_600_000).toISOString() } : null;
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
