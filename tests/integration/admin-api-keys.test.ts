import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiKeys } from '@/db/schema';
import { createApiKeyAction, revokeApiKeyAction } from '@/app/(app)/admin/api-keys/actions';
import { GET as getTouchpoints } from '@/app/api/v1/touchpoints/route';
import { hashApiKey } from '@/lib/auth/api-keys';
import { listApiKeys } from '@/lib/queries/admin';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { auditCount, auditFor } from './admin-helpers';

const call = (key: string) =>
  getTouchpoints(new Request('http://localhost/api/v1/touchpoints', { headers: { authorization: `Bearer ${key}` } }));

describe('API key administration', () => {
  beforeEach(() => signInAs(null));

  it('refuses creating and revoking keys to managers and staff, changing nothing', async () => {
    signInAs((await createUser({ role: 'admin' })).id);
    const created = await createApiKeyAction({ name: 'BI tool', scopes: ['metrics:read'] });
    if (!created.ok) throw new Error(created.message);
    const db = await getDb();
    const before = await auditCount();
    const keysBefore = (await db.select().from(apiKeys)).length;
    for (const role of ['manager', 'staff'] as const) {
      signInAs((await createUser({ role })).id);
      expect(await createApiKeyAction({ name: 'Sneaky', scopes: ['interactions:write'] })).toMatchObject({
        ok: false,
        status: 403,
      });
      const [key] = await db.select().from(apiKeys).where(eq(apiKeys.name, 'BI tool'));
      expect(await revokeApiKeyAction({ keyId: key!.id })).toMatchObject({ ok: false, status: 403 });
    }
    expect((await db.select().from(apiKeys)).length).toBe(keysBefore);
    expect((await call(created.data.key)).status).toBe(200);
    expect(await auditCount()).toBe(before);
  });

  it('shows the key once, stores only its hash, lists its last use, and refuses it at once after revoking', async () => {
    const admin = await createUser({ role: 'admin' });
    signInAs(admin.id);
    const created = await createApiKeyAction({ name: 'Warehouse BI', scopes: ['metrics:read', 'metrics:read'] });
    expect(created).toMatchObject({ ok: true });
    if (!created.ok) return;
    const db = await getDb();
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.name, 'Warehouse BI'));
    expect(row).toMatchObject({
      scopes: ['metrics:read'],
      secretHash: hashApiKey(created.data.key),
      createdById: admin.id,
      lastUsedAt: null,
    });
    expect(JSON.stringify(row)).not.toContain(created.data.key);

    expect((await call(created.data.key)).status).toBe(200);
    const listed = (await listApiKeys()).find((key) => key.id === row!.id);
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
    expect(listed).not.toHaveProperty('secretHash');

    expect(await revokeApiKeyAction({ keyId: row!.id })).toMatchObject({ ok: true });
    expect((await call(created.data.key)).status).toBe(401);

    const events = await auditFor(row!.id);
    expect(events.map((e) => e.action)).toEqual(['api_key.created', 'api_key.revoked']);
    expect(events[0]).toMatchObject({ actorId: admin.id, after: { name: 'Warehouse BI', scopes: ['metrics:read'] } });
    expect(JSON.stringify(events)).not.toContain(created.data.key);
  });

  it('says what is wrong with the name and scopes', async () => {
    signInAs((await createUser({ role: 'admin' })).id);
    const noScope = await createApiKeyAction({ name: 'x' });
    expect(noScope).toMatchObject({ ok: false, status: 422, fieldErrors: { scopes: ['Choose at least one scope.'] } });
    const form = new FormData();
    form.set('name', '');
    form.append('scopes', 'metrics:read');
    form.append('scopes', 'admin:all');
    const bad = await createApiKeyAction(form);
    expect(bad).toMatchObject({ ok: false, status: 422 });
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['name', 'scopes']);
  });
});
