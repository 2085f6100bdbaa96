import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditEvents, customers, defects, interactions } from '@/db/schema';
import { createCustomerAction, mergeCustomersAction } from '@/app/(app)/customers/actions';
import { GET as duplicatesRoute } from '@/app/(app)/customers/duplicates/route';
import { logInteractionAction } from '@/app/(app)/log/actions';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { interactionInputSchema } from '@/lib/validation/interactions';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { createCatalog, createCustomerRow, tableCounts } from './staff-fixtures';

let catalog: Awaited<ReturnType<typeof createCatalog>>;
let staffId: string;
let managerId: string;

beforeAll(async () => {
  catalog = await createCatalog();
  staffId = (await createUser({ role: 'staff' })).id;
  managerId = (await createUser({ role: 'manager' })).id;
});

beforeEach(() => signInAs(staffId));

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

describe('creating a customer who already exists', () => {
  it('refuses a new customer on the log screen whose name matches, naming the match, and writes nothing', async () => {
    await createCustomerRow({ name: 'Aisha Brown', email: 'aisha@example.test' });
    const before = await tableCounts();
    const result = await logInteractionAction(
      form({
        id: randomUUID(),
        customerMode: 'new',
        newCustomerId: randomUUID(),
        newCustomerName: '  aisha brown ',
        touchpointId: catalog.till.id,
      }),
    );
    expect(result).toMatchObject({ ok: false, status: 409 });
    if (!result.ok) expect(result.fieldErrors?.newCustomerName?.[0]).toContain('Aisha Brown (aisha@example.test)');
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a matching email or phone on the customer form, and creates once confirmed', async () => {
    await createCustomerRow({ name: 'Ben Ode', email: 'Ben@Example.test', phone: '+44 20 7946 0011' });
    const byEmail = await createCustomerAction({ name: 'Benjamin Ode', email: 'ben@example.test' });
    expect(byEmail).toMatchObject({ ok: false, status: 409 });
    if (!byEmail.ok) expect(byEmail.fieldErrors?.name?.[0]).toContain('same email');
    const byPhone = await createCustomerAction({ name: 'B. Ode', phone: '+44 (20) 7946-0011' });
    expect(byPhone).toMatchObject({ ok: false, status: 409 });
    const confirmed = await createCustomerAction({
      name: 'Benjamin Ode',
      email: 'ben@example.test',
      confirmDuplicate: 'on',
    });
    expect(confirmed.ok).toBe(true);
  });

  it('answers the forms’ look-up with the matches and what they share', async () => {
    await createCustomerRow({ name: 'Cara Diaz', email: 'cara@example.test', phone: '07700 900123' });
    const response = await duplicatesRoute(
      new Request('http://localhost/customers/duplicates?name=Someone&phone=07700-900-123'),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { name: string; matchedOn: string[] }[] };
    expect(body.data).toEqual([expect.objectContaining({ name: 'Cara Diaz', matchedOn: ['phone'] })]);
  });
});

describe('mergeCustomersAction', () => {
  it('is for managers: staff are refused', async () => {
    const [a, b] = [await createCustomerRow(), await createCustomerRow()];
    const result = await mergeCustomersAction({ keepId: a.id, duplicateId: b.id });
    expect(result).toMatchObject({ ok: false, status: 403 });
  });

  it('moves the history, fills the gaps, keeps the earlier start, deletes the duplicate and audits it', async () => {
    signInAs(managerId);
    const keep = await createCustomerRow({ name: 'Dan Eve', email: 'dan@example.test', phone: null });
    const duplicate = await createCustomerRow({
      name: 'Dan Eve',
      email: null,
      phone: '07700 900999',
      externalRef: 'CRM-DAN',
      createdAt: new Date('2025-03-01T00:00:00Z'),
    });
    const db = await getDb();
    const interactionId = randomUUID();
    await db.transaction((tx) =>
      recordInteractions(
        tx,
        [
          interactionInputSchema.parse({
            id: interactionId,
            customerId: duplicate.id,
            touchpointId: catalog.till.id,
            outcome: 'sale_lost',
            saleValue: 50,
          }),
        ],
        { source: 'staff', loggedById: staffId },
      ),
    );
    const result = await mergeCustomersAction({ keepId: keep.id, duplicateId: duplicate.id });
    expect(result).toMatchObject({ ok: true, data: { movedInteractions: 1, movedDefects: 1 } });

    const [moved] = await db.select().from(interactions).where(eq(interactions.id, interactionId));
    expect(moved!.customerId).toBe(keep.id);
    const [defect] = await db.select().from(defects).where(eq(defects.interactionId, interactionId));
    expect(defect!.customerId).toBe(keep.id);
    const [kept] = await db.select().from(customers).where(eq(customers.id, keep.id));
    expect(kept).toMatchObject({ email: 'dan@example.test', phone: '07700 900999', externalRef: 'CRM-DAN' });
    expect(kept!.createdAt.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(await db.select().from(customers).where(eq(customers.id, duplicate.id))).toEqual([]);
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'customer.merge'), eq(auditEvents.entityId, keep.id)));
    expect(audit).toMatchObject({ actorId: managerId, after: expect.objectContaining({ movedInteractions: 1 }) });
  });

  it('refuses merging a customer into itself, and a duplicate that is gone, writing nothing', async () => {
    signInAs(managerId);
    const keep = await createCustomerRow();
    const self = await mergeCustomersAction({ keepId: keep.id, duplicateId: keep.id });
    expect(self).toMatchObject({ ok: false, status: 422 });
    const before = await tableCounts();
    const gone = await mergeCustomersAction({ keepId: keep.id, duplicateId: randomUUID() });
    expect(gone).toMatchObject({ ok: false, status: 404 });
    expect(await tableCounts()).toEqual(before);
  });
});
