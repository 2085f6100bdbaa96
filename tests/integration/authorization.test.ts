import { englishMessage } from '@/lib/i18n/english';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiKeys, auditEvents, users } from '@/db/schema';
import { setUserActiveAction } from '@/app/(app)/admin/users/actions';
import { GET as getTouchpoints } from '@/app/api/v1/touchpoints/route';
import { generateApiKey } from '@/lib/auth/api-keys';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import type { CurrentUser } from '@/lib/auth/current-user';
import { API_KEY_CACHE_MS } from '@/lib/auth/request-auth';
import { LAST_ADMIN_MESSAGE } from '@/lib/users/set-user-active';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';

async function userRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}

async function auditCount() {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(auditEvents);
  return row?.n ?? 0;
}

describe('server actions check the role themselves', () => {
  beforeEach(() => signInAs(null));

  it('answers 401 to an anonymous caller and changes nothing', async () => {
    const target = await createUser({ role: 'staff' });
    const result = await setUserActiveAction({ userId: target.id, active: false });
    expect(result).toMatchObject({ ok: false, status: 401 });
    expect((await userRow(target.id)).active).toBe(true);
  });

  it('answers 403 to a staff user calling an admin-only action directly, and changes nothing', async () => {
    const staff = await createUser({ role: 'staff' });
    const target = await createUser({ role: 'staff' });
    const before = await auditCount();
    signInAs(staff.id);
    const result = await setUserActiveAction({ userId: target.id, active: false });
    expect(result).toMatchObject({ ok: false, status: 403 });
    expect((await userRow(target.id)).active).toBe(true);
    expect(await auditCount()).toBe(before);
  });

  it('answers 403 to a manager too', async () => {
    const manager = await createUser({ role: 'manager' });
    const target = await createUser({ role: 'staff' });
    signInAs(manager.id);
    expect(await setUserActiveAction({ userId: target.id, active: false })).toMatchObject({ ok: false, status: 403 });
    expect((await userRow(target.id)).active).toBe(true);
  });

  it('treats a deactivated user as signed out, whatever their token says', async () => {
    const admin = await createUser({ role: 'admin', active: false });
    const target = await createUser({ role: 'staff' });
    signInAs(admin.id);
    expect(await setUserActiveAction({ userId: target.id, active: false })).toMatchObject({ ok: false, status: 401 });
  });

  it('validates the input with its schema', async () => {
    const admin = await createUser({ role: 'admin' });
    signInAs(admin.id);
    const result = await setUserActiveAction({ userId: 'not-a-uuid', active: 'maybe' });
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (!result.ok) expect(result.fieldErrors?.userId).toBeDefined();
  });

  it('lets an admin deactivate a user, with an audit event', async () => {
    const admin = await createUser({ role: 'admin' });
    const target = await createUser({ role: 'staff' });
    signInAs(admin.id);
    expect(await setUserActiveAction({ userId: target.id, active: false })).toMatchObject({ ok: true });
    expect((await userRow(target.id)).active).toBe(false);
    const db = await getDb();
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, target.id));
    expect(event).toMatchObject({
      action: 'user.deactivated',
      actorId: admin.id,
      before: { active: true },
      after: { active: false },
    });
  });

  it('refuses to deactivate the last active admin', async () => {
    const db = await getDb();
    await db.update(users).set({ active: false }).where(eq(users.role, 'admin'));
    const admin = await createUser({ role: 'admin' });
    signInAs(admin.id);
    expect(await setUserActiveAction({ userId: admin.id, active: false })).toMatchObject({
      ok: false,
      status: 409,
      message: englishMessage(LAST_ADMIN_MESSAGE),
    });
    expect((await userRow(admin.id)).active).toBe(true);
  });
});

describe('API routes check the caller themselves', () => {
  const request = (headers: Record<string, string> = {}) =>
    new Request('http://localhost/api/v1/touchpoints', { headers });

  beforeEach(() => signInAs(null));

  it('answers 401 with problem details to an anonymous request', async () => {
    const response = await getTouchpoints(request());
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('answers 401 to an unknown key and 403 to a key without the scope', async () => {
    expect((await getTouchpoints(request({ authorization: 'Bearer oi_nope_nope' }))).status).toBe(401);
    const db = await getDb();
    const writer = generateApiKey();
    await db
      .insert(apiKeys)
      .values({ name: 'writer', prefix: writer.prefix, secretHash: writer.hash, scopes: ['interactions:write'] });
    expect((await getTouchpoints(request({ authorization: `Bearer ${writer.key}` }))).status).toBe(403);
  });

  it('answers a key with the scope; revoked in the database by another instance, refuses it within API_KEY_CACHE_MS', async () => {
    const db = await getDb();
    const reader = generateApiKey();
    const [key] = await db
      .insert(apiKeys)
      .values({ name: 'reader', prefix: reader.prefix, secretHash: reader.hash, scopes: ['metrics:read'] })
      .returning();
    const ok = await getTouchpoints(request({ authorization: `Bearer ${reader.key}` }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toHaveProperty('data');
    // Revoked by hand (or by another instance): this process trusted the key for at most API_KEY_CACHE_MS.
    await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, key!.id));
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      vi.setSystemTime(Date.now() + API_KEY_CACHE_MS);
      expect((await getTouchpoints(request({ authorization: `Bearer ${reader.key}` }))).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a key revoked through the app from the very next request', async () => {
    const db = await getDb();
    const admin = await createUser({ role: 'admin' });
    const reader = generateApiKey();
    const [key] = await db
      .insert(apiKeys)
      .values({ name: 'reader 2', prefix: reader.prefix, secretHash: reader.hash, scopes: ['metrics:read'] })
      .returning();
    expect((await getTouchpoints(request({ authorization: `Bearer ${reader.key}` }))).status).toBe(200);
    const actor: CurrentUser = {
      id: admin.id,
      email: admin.email,
      name: admin.name,
      role: admin.role,
      mustChangePassword: false,
      language: null,
    };
    await revokeApiKey(actor, key!.id);
    expect((await getTouchpoints(request({ authorization: `Bearer ${reader.key}` }))).status).toBe(401);
  });

  it('answers 403 to a user whose one-time password still has to be changed', async () => {
    const manager = await createUser({ role: 'manager' });
    const db = await getDb();
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, manager.id));
    signInAs(manager.id);
    const response = await getTouchpoints(request());
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ detail: expect.stringContaining('Choose a new password first') });
  });

  it('answers 403 to a signed-in staff user and 200 to a manager', async () => {
    const staff = await createUser({ role: 'staff' });
    signInAs(staff.id);
    expect((await getTouchpoints(request())).status).toBe(403);
    const manager = await createUser({ role: 'manager' });
    signInAs(manager.id);
    expect((await getTouchpoints(request())).status).toBe(200);
  });
});
