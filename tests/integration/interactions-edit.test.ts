import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { englishMessage } from '@/lib/i18n/english';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { selectRows } from '@/db/client';
import { auditEvents, defects, interactions } from '@/db/schema';
import { deleteInteractionAction, updateInteractionAction } from '@/app/(app)/interactions/actions';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { EDIT_REFUSED_MESSAGE } from '@/lib/interactions/update-interaction';
import { getInteraction, listDefectsOfInteraction, listInteractions } from '@/lib/queries/interactions';
import { interactionFiltersSchema } from '@/lib/validation/filters';
import { interactionInputSchema } from '@/lib/validation/interactions';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { createCatalog, createCustomerRow, tableCounts } from './staff-fixtures';

let catalog: Awaited<ReturnType<typeof createCatalog>>;
let staff: { id: string };
let otherStaff: { id: string };
let manager: { id: string };
let admin: { id: string };

beforeAll(async () => {
  catalog = await createCatalog();
  // One at a time: the user factory numbers its emails.
  staff = await createUser({ role: 'staff' });
  otherStaff = await createUser({ role: 'staff' });
  manager = await createUser({ role: 'manager' });
  admin = await createUser({ role: 'admin' });
});

beforeEach(() => signInAs(staff.id));

async function logAs(userId: string, values: Record<string, unknown> = {}) {
  const db = await getDb();
  const id = randomUUID();
  await db.transaction((tx) =>
    recordInteractions(tx, [interactionInputSchema.parse({ id, touchpointId: catalog.till.id, ...values })], {
      source: 'staff',
      loggedById: userId,
    }),
  );
  return id;
}

const edit = (id: string, values: Record<string, unknown> = {}) =>
  updateInteractionAction({ id, touchpointId: catalog.till.id, ...values });

async function autoRules(id: string) {
  return (await listDefectsOfInteraction(id)).map((d) => d.autoRule).sort();
}

describe('editing an interaction', () => {
  it('lets staff edit their own within 24 hours, re-running the rules and auditing the change', async () => {
    const id = await logAs(staff.id, { csat: 5 });
    const result = await edit(id, { csat: '1', outcome: 'sale_lost', saleValue: '40' });
    expect(result).toMatchObject({ ok: true, data: { added: 2, removed: 0 } });
    expect(await autoRules(id)).toEqual(['lost_sale', 'low_csat']);
    expect((await getInteraction(id))?.openDefectCount).toBe(2);
    const db = await getDb();
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'interaction.updated')));
    expect(event).toMatchObject({ actorId: staff.id, before: { csat: 5 }, after: { csat: 1, outcome: 'sale_lost' } });
  });

  it('removes auto defects nobody touched and keeps touched ones when the edit clears them', async () => {
    const id = await logAs(staff.id, { csat: 1, outcome: 'sale_lost', saleValue: 10 });
    const db = await getDb();
    await db
      .update(defects)
      .set({ touched: true })
      .where(and(eq(defects.interactionId, id), eq(defects.autoRule, 'low_csat')));
    expect(await edit(id, { csat: '5', outcome: 'sale_won', saleValue: '10' })).toMatchObject({
      ok: true,
      data: { removed: 1 },
    });
    expect(await autoRules(id)).toEqual(['low_csat']);
  });

  it('moves every linked defect, triaged, manual or dismissed, with the interaction, and the rollups follow', async () => {
    const db = await getDb();
    const other = await createCatalog();
    const [ann, bob] = [await createCustomerRow(), await createCustomerRow()];
    const id = await logAs(staff.id, { customerId: ann.id, csat: 1, outcome: 'sale_lost', saleValue: 30 });
    // Triage one auto defect, dismiss the other, and log a manual one against the interaction.
    await db
      .update(defects)
      .set({ touched: true, status: 'investigating' })
      .where(and(eq(defects.interactionId, id), eq(defects.autoRule, 'low_csat')));
    await db
      .update(defects)
      .set({ touched: true, status: 'dismissed', dismissReason: 'duplicate' })
      .where(and(eq(defects.interactionId, id), eq(defects.autoRule, 'lost_sale')));
    const [first] = await db.select().from(defects).where(eq(defects.interactionId, id)).limit(1);
    await db.insert(defects).values({
      touchpointId: catalog.till.id,
      interactionId: id,
      customerId: ann.id,
      categoryId: first!.categoryId,
      kind: 'complaint',
      occurredAt: first!.occurredAt,
    });
    signInAs(manager.id);
    const result = await edit(id, {
      touchpointId: other.till.id,
      customerId: bob.id,
      occurredAt: '2026-02-03T10:00',
      csat: '1',
      outcome: 'sale_lost',
      saleValue: '30',
    });
    expect(result).toMatchObject({ ok: true, data: { added: 0, removed: 0, moved: 3 } });
    const moved = await db.select().from(defects).where(eq(defects.interactionId, id));
    expect(moved).toHaveLength(3);
    const [row] = await db.select().from(interactions).where(eq(interactions.id, id));
    for (const defect of moved) {
      expect(defect).toMatchObject({ touchpointId: other.till.id, customerId: bob.id, occurredAt: row!.occurredAt });
    }
    // The rollups hold it all on the new day and touchpoint (metric-rollups.test.ts checks them whole).
    const [newDay] = await selectRows<{ units: number; defects: number; opportunities: number }>(
      db,
      sql`select sum(units)::int as units, sum(defects)::int as defects, sum(opportunities)::int as opportunities
          from metrics_daily where touchpoint_id = ${other.till.id} and day = '2026-02-03'`,
    );
    // Two counted defects (the dismissed one moves but does not count); the new touchpoint's opportunities.
    expect(newDay).toEqual({ units: 1, defects: 2, opportunities: other.till.opportunities });
  });

  it('refuses staff editing someone else’s interaction, whatever they send, and changes nothing', async () => {
    const id = await logAs(otherStaff.id, { csat: 5 });
    const before = await tableCounts();
    expect(await edit(id, { csat: '1' })).toMatchObject({
      ok: false,
      status: 403,
      message: englishMessage(EDIT_REFUSED_MESSAGE),
    });
    expect((await getInteraction(id))?.csat).toBe(5);
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses staff once 24 hours have passed since they logged it', async () => {
    const id = await logAs(staff.id, { csat: 5 });
    const db = await getDb();
    await db
      .update(interactions)
      .set({ createdAt: new Date(Date.now() - 24 * 3_600_000 - 1_000) })
      .where(eq(interactions.id, id));
    expect(await edit(id, { csat: '1' })).toMatchObject({ ok: false, status: 403 });
    await db
      .update(interactions)
      .set({ createdAt: new Date(Date.now() - 23 * 3_600_000) })
      .where(eq(interactions.id, id));
    expect(await edit(id, { csat: '1' })).toMatchObject({ ok: true });
  });

  it('lets managers and admins edit any interaction at any age', async () => {
    const id = await logAs(otherStaff.id);
    const db = await getDb();
    await db
      .update(interactions)
      .set({ createdAt: new Date('2020-01-01T00:00:00Z') })
      .where(eq(interactions.id, id));
    signInAs(manager.id);
    expect(await edit(id, { notes: 'by the manager' })).toMatchObject({ ok: true });
    signInAs(admin.id);
    expect(await edit(id, { notes: 'by the admin' })).toMatchObject({ ok: true });
    expect((await getInteraction(id))?.notes).toBe('by the admin');
  });

  it('validates the edit and refuses a move to an inactive touchpoint or an unknown customer', async () => {
    const id = await logAs(staff.id);
    expect(await edit(id, { nps: '12' })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { nps: ['Likelihood to recommend must be between 0 and 10.'] },
    });
    expect(await edit(id, { touchpointId: catalog.retired.id })).toMatchObject({ ok: false, status: 422 });
    expect(await edit(id, { customerId: randomUUID() })).toMatchObject({ ok: false, status: 422 });
    expect(await edit(randomUUID())).toMatchObject({ ok: false, status: 404 });
  });
});

describe('deleting an interaction', () => {
  it('refuses staff and managers, whatever they send', async () => {
    const id = await logAs(staff.id);
    expect(await deleteInteractionAction({ id })).toMatchObject({ ok: false, status: 403 });
    signInAs(manager.id);
    expect(await deleteInteractionAction({ id })).toMatchObject({ ok: false, status: 403 });
    expect(await getInteraction(id)).not.toBeNull();
  });

  it('lets an admin delete it with its defects, and audits the delete', async () => {
    const id = await logAs(staff.id, { outcome: 'sale_lost', saleValue: 5 });
    signInAs(admin.id);
    expect(await deleteInteractionAction({ id })).toMatchObject({ ok: true, data: { defectsDeleted: 1 } });
    expect(await getInteraction(id)).toBeNull();
    const db = await getDb();
    expect(await db.select().from(defects).where(eq(defects.interactionId, id))).toHaveLength(0);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'interaction.deleted')));
    expect(event).toMatchObject({ actorId: admin.id, before: { outcome: 'sale_lost', defects: 1 } });
    expect(await deleteInteractionAction({ id })).toMatchObject({ ok: false, status: 404 });
  });
});

describe('listInteractions', () => {
  it('filters by customer and by defects, sorts, and pages without overlap', async () => {
    const customer = await createCustomerRow();
    const ids = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        await logAs(staff.id, {
          customerId: customer.id,
          saleValue: i * 10,
          outcome: i === 0 ? 'sale_lost' : 'sale_won',
          occurredAt: new Date(Date.now() - i * 60_000),
        }),
      );
    const filters = interactionFiltersSchema.parse({ customer: customer.id });
    const all = await listInteractions({ filters, sort: 'occurred', dir: 'desc', page: 1 });
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => r.id)).toEqual(ids);
    const bySale = await listInteractions({ filters, sort: 'saleValue', dir: 'desc', page: 1 });
    expect(bySale.rows.map((r) => r.saleValue)).toEqual(['40.00', '30.00', '20.00', '10.00', '0.00']);
    const defective = await listInteractions({
      filters: interactionFiltersSchema.parse({ customer: customer.id, hasDefects: '1' }),
      sort: 'occurred',
      dir: 'desc',
      page: 1,
    });
    expect(defective.rows.map((r) => r.id)).toEqual([ids[0]]);
    const lost = await listInteractions({
      filters: interactionFiltersSchema.parse({
        customer: customer.id,
        outcome: ['sale_lost', 'sale_won'],
        loggedBy: staff.id,
      }),
      sort: 'occurred',
      dir: 'asc',
      page: 1,
    });
    expect(lost.total).toBe(5);
    expect(lost.rows[0]?.id).toBe(ids[4]);
    const beyond = await listInteractions({ filters, sort: 'occurred', dir: 'desc', page: 2 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(5);
  });
});
