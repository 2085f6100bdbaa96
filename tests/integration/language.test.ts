import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditEvents, users } from '@/db/schema';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';

vi.mock('next/headers', () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

const { setLanguageAction } = await import('@/app/(app)/account/language/actions');

describe('a user picks their language', () => {
  it('writes users.language with an audit entry, and back to the company default', async () => {
    const user = await createUser({ role: 'staff' });
    signInAs(user.id);
    const db = await getDb();

    expect(await setLanguageAction({ language: 'de' })).toMatchObject({ ok: true });
    const [row] = await db.select({ language: users.language }).from(users).where(eq(users.id, user.id));
    expect(row!.language).toBe('de');
    const audits = await db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, user.id));
    expect(audits).toContainEqual({ action: 'user.language_changed', after: { language: 'de' } });

    expect(await setLanguageAction({ language: 'company' })).toMatchObject({ ok: true });
    const [back] = await db.select({ language: users.language }).from(users).where(eq(users.id, user.id));
    expect(back!.language).toBeNull();
  });

  it('refuses a language OutsideIn does not ship, writing nothing', async () => {
    const user = await createUser({ role: 'manager' });
    signInAs(user.id);
    const result = await setLanguageAction({ language: 'fr' });
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(result.ok ? undefined : result.fieldErrors?.language).toBeDefined();
    const db = await getDb();
    const [row] = await db.select({ language: users.language }).from(users).where(eq(users.id, user.id));
    expect(row!.language).toBeNull();
  });
});
