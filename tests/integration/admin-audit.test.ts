import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditEvents, companySettings, segments } from '@/db/schema';
import { eq } from 'drizzle-orm';
import {
  AUDIT_PAGE_SIZE,
  idsInAuditRows,
  listAuditEvents,
  listAuditFacets,
  listNamesForIds,
} from '@/lib/queries/audit';
import { createUser } from '../support/factories';
import { createCustomerRow } from './staff-fixtures';
import { auditFiltersSchema } from '@/lib/validation/audit';

const filters = (params: Record<string, string>) => auditFiltersSchema.parse(params);

describe('the audit log query', () => {
  it('filters by action, record type, actor and UTC days, and pages newest first', async () => {
    const db = await getDb();
    const at = (iso: string) => new Date(iso);
    await db.insert(auditEvents).values([
      {
        action: 'touchpoint.created',
        entityType: 'touchpoint',
        actorLabel: 'alex@example.test',
        createdAt: at('2026-03-01T10:00:00Z'),
      },
      {
        action: 'touchpoint.updated',
        entityType: 'touchpoint',
        actorLabel: 'alex@example.test',
        createdAt: at('2026-03-02T23:59:00Z'),
      },
      {
        action: 'user.role_changed',
        entityType: 'user',
        actorLabel: 'bea@example.test',
        createdAt: at('2026-03-03T00:00:00Z'),
      },
      {
        action: 'auth.login_failed',
        entityType: 'user',
        actorLabel: 'who_%@example.test',
        createdAt: at('2026-03-04T08:00:00Z'),
      },
    ]);
    expect((await listAuditEvents(filters({ action: 'touchpoint.updated' }))).total).toBe(1);
    expect((await listAuditEvents(filters({ entity: 'user' }))).total).toBe(2);
    expect((await listAuditEvents(filters({ actor: 'ALEX' }))).total).toBe(2);
    // LIKE wildcards in the search are taken literally.
    expect((await listAuditEvents(filters({ actor: '_%' }))).total).toBe(1);
    const march2 = await listAuditEvents(filters({ from: '2026-03-02', to: '2026-03-02' }));
    expect(march2.rows.map((r) => r.action)).toEqual(['touchpoint.updated']);
    const all = await listAuditEvents(filters({ from: '2026-03-01', to: '2026-03-04' }));
    expect(all.rows.map((r) => r.action)).toEqual([
      'auth.login_failed',
      'user.role_changed',
      'touchpoint.updated',
      'touchpoint.created',
    ]);
    expect((await listAuditFacets()).entities).toEqual(['touchpoint', 'user']);
  });

  it('cuts the from and to days in the company zone', async () => {
    const db = await getDb();
    await db.insert(auditEvents).values([
      { action: 'zone.before', entityType: 'zone', actorLabel: 'z', createdAt: new Date('2026-06-02T03:59:00Z') },
      { action: 'zone.first', entityType: 'zone', actorLabel: 'z', createdAt: new Date('2026-06-02T04:00:00Z') },
      { action: 'zone.last', entityType: 'zone', actorLabel: 'z', createdAt: new Date('2026-06-03T03:59:00Z') },
      { action: 'zone.after', entityType: 'zone', actorLabel: 'z', createdAt: new Date('2026-06-03T04:00:00Z') },
    ]);
    // 2 June in New York (UTC−4 in summer) runs from 04:00 UTC to 04:00 UTC on the 3rd.
    await db.update(companySettings).set({ timeZone: 'America/New_York' }).where(eq(companySettings.id, 1));
    try {
      const day = await listAuditEvents(filters({ entity: 'zone', from: '2026-06-02', to: '2026-06-02' }));
      expect(day.rows.map((r) => r.action)).toEqual(['zone.last', 'zone.first']);
    } finally {
      await db.update(companySettings).set({ timeZone: 'UTC' }).where(eq(companySettings.id, 1));
    }
  });

  it('pages 50 at a time', async () => {
    const db = await getDb();
    await db.insert(auditEvents).values(
      Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => ({
        action: 'stage.moved',
        entityType: 'journey_stage',
        createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)),
      })),
    );
    const first = await listAuditEvents(filters({ action: 'stage.moved' }));
    const second = await listAuditEvents(filters({ action: 'stage.moved', page: '2' }));
    expect(first.total).toBe(AUDIT_PAGE_SIZE + 5);
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(second.rows).toHaveLength(5);
    expect(second.rows.at(-1)?.createdAt.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('rejects a malformed date rather than guessing', () => {
    expect(auditFiltersSchema.safeParse({ from: '2026-02-31x' }).success).toBe(false);
    expect(auditFiltersSchema.parse({}).page).toBe(1);
  });
});

describe('names in the audit log', () => {
  it('names the actor and the records whose ids an event mentions, and leaves unknown ids as they are', async () => {
    const db = await getDb();
    const actor = await createUser({ role: 'admin' });
    const customer = await createCustomerRow({ name: 'Aisha Brown' });
    const [segment] = await db.insert(segments).values({ name: 'Landlords audit' }).returning();
    const unknown = '00000000-0000-4000-8000-000000000001';
    await db.insert(auditEvents).values({
      action: 'customer.merge',
      entityType: 'customer',
      entityId: customer.id,
      actorId: actor.id,
      actorLabel: actor.email,
      before: { segmentId: segment!.id, other: unknown },
      after: { movedInteractions: 2 },
    });
    const { rows } = await listAuditEvents(filters({ action: 'customer.merge' }));
    expect(rows[0]).toMatchObject({ actorName: actor.name, actorLabel: actor.email });
    const names = await listNamesForIds(idsInAuditRows(rows));
    expect(names.get(customer.id)).toBe('Aisha Brown');
    expect(names.get(segment!.id)).toBe('Landlords audit');
    expect(names.has(unknown)).toBe(false);
  });
});
