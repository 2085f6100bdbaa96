import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { customers, defects, interactions } from '@/db/schema';
import { logInteractionAction } from '@/app/(app)/log/actions';
import { GET as searchCustomersRoute } from '@/app/(app)/customers/search/route';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { createCatalog, createCustomerRow, tableCounts } from './staff-fixtures';

let catalog: Awaited<ReturnType<typeof createCatalog>>;
let staffId: string;

beforeAll(async () => {
  catalog = await createCatalog();
  staffId = (await createUser({ role: 'staff' })).id;
});

beforeEach(() => signInAs(staffId));

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

describe('logInteractionAction', () => {
  it('logs an interaction for an existing customer and says no defect was raised', async () => {
    const customer = await createCustomerRow();
    const id = randomUUID();
    const result = await logInteractionAction(
      form({ id, customerMode: 'existing', customerId: customer.id, touchpointId: catalog.till.id, csat: '5' }),
    );
    expect(result).toMatchObject({
      ok: true,
      data: { id, created: true, defects: [], customer: { id: customer.id, created: false } },
    });
    const db = await getDb();
    const [row] = await db.select().from(interactions).where(eq(interactions.id, id));
    expect(row).toMatchObject({ customerId: customer.id, loggedById: staffId, source: 'staff', csat: 5 });
  });

  it('creates the customer on the spot and raises the lost-sale defect in the same save', async () => {
    const id = randomUUID();
    const customerId = randomUUID();
    const result = await logInteractionAction(
      form({
        id,
        customerMode: 'new',
        newCustomerId: customerId,
        newCustomerName: 'Ada Lovelace',
        newCustomerEmail: 'ada@example.test',
        touchpointId: catalog.till.id,
        outcome: 'sale_lost',
        saleValue: '1200',
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.customer).toMatchObject({ id: customerId, name: 'Ada Lovelace', created: true });
    expect(result.data.defects).toMatchObject([
      { categoryName: 'Lost sale', kind: 'lost_sale', lostRevenue: '1200.00' },
    ]);
    const db = await getDb();
    const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
    expect(customer?.email).toBe('ada@example.test');
    const [interaction] = await db.select().from(interactions).where(eq(interactions.id, id));
    expect(interaction?.openDefectCount).toBe(1);
  });

  it('stores one interaction, one customer and one defect when the same form is sent twice', async () => {
    const values = {
      id: randomUUID(),
      customerMode: 'new',
      newCustomerId: randomUUID(),
      newCustomerName: 'Twice Sent',
      touchpointId: catalog.till.id,
      outcome: 'sale_lost',
      saleValue: '10',
    };
    const before = await tableCounts();
    const [first, second] = await Promise.all([logInteractionAction(form(values)), logInteractionAction(form(values))]);
    const third = await logInteractionAction(form(values));
    expect(first.ok && second.ok && third.ok).toBe(true);
    if (third.ok) expect(third.data.created).toBe(false);
    const after = await tableCounts();
    expect(after.interactions - before.interactions).toBe(1);
    expect(after.customers - before.customers).toBe(1);
    expect(after.defects - before.defects).toBe(1);
  });

  it.each([
    [{ csat: '6' }, 'csat'],
    [{ nps: '11' }, 'nps'],
    [{ saleValue: '-3' }, 'saleValue'],
    [{ saleValue: 'lots' }, 'saleValue'],
    [{ occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, 'occurredAt'],
    [{ touchpointId: '' }, 'touchpointId'],
  ])('refuses %o with an error on %s, keeps the typed values and writes nothing', async (bad, field) => {
    const customer = await createCustomerRow();
    const before = await tableCounts();
    const result = await logInteractionAction(
      form({
        id: randomUUID(),
        customerMode: 'existing',
        customerId: customer.id,
        touchpointId: catalog.till.id,
        notes: 'typed',
        ...bad,
      }),
    );
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (!result.ok) {
      expect(result.fieldErrors?.[field]?.length).toBeGreaterThan(0);
      expect(result.values?.notes).toBe('typed');
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses an inactive touchpoint, an unknown customer, a missing customer and a bad new customer', async () => {
    const before = await tableCounts();
    const base = { id: randomUUID(), touchpointId: catalog.till.id };
    const inactive = await logInteractionAction(
      form({ ...base, customerMode: 'none', touchpointId: catalog.retired.id }),
    );
    expect(inactive).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { touchpointId: ['That touchpoint is no longer in use.'] },
    });
    const unknown = await logInteractionAction(form({ ...base, customerMode: 'existing', customerId: randomUUID() }));
    expect(unknown).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { customerId: ['That customer does not exist.'] },
    });
    const missing = await logInteractionAction(form({ ...base, customerMode: 'existing' }));
    expect(missing).toMatchObject({ ok: false, status: 422 });
    if (!missing.ok) expect(missing.fieldErrors?.customerId).toBeDefined();
    const badEmail = await logInteractionAction(
      form({
        ...base,
        customerMode: 'new',
        newCustomerId: randomUUID(),
        newCustomerName: 'X',
        newCustomerEmail: 'not-an-email',
      }),
    );
    expect(badEmail).toMatchObject({ ok: false, status: 422 });
    if (!badEmail.ok) expect(badEmail.fieldErrors?.newCustomerEmail).toBeDefined();
    expect(await tableCounts()).toEqual(before);
  });

  it('logs an anonymous interaction when asked to', async () => {
    const id = randomUUID();
    const result = await logInteractionAction(
      form({ id, customerMode: 'none', touchpointId: catalog.till.id, expectation: '5', experience: '3' }),
    );
    expect(result).toMatchObject({ ok: true, data: { customer: null, defects: [{ kind: 'below_expectation' }] } });
    const db = await getDb();
    expect(await db.select().from(defects).where(eq(defects.interactionId, id))).toHaveLength(1);
  });

  it('does not confirm someone else’s interaction when their id is sent', async () => {
    const id = randomUUID();
    expect((await logInteractionAction(form({ id, customerMode: 'none', touchpointId: catalog.till.id }))).ok).toBe(
      true,
    );
    signInAs((await createUser({ role: 'staff' })).id);
    expect(await logInteractionAction(form({ id, customerMode: 'none', touchpointId: catalog.till.id }))).toMatchObject(
      { ok: false, status: 409 },
    );
  });

  it('answers 401 when signed out', async () => {
    signInAs(null);
    expect(
      await logInteractionAction(form({ id: randomUUID(), customerMode: 'none', touchpointId: catalog.till.id })),
    ).toMatchObject({ ok: false, status: 401 });
  });
});

describe('customer search as you type', () => {
  const search = (q: string) =>
    searchCustomersRoute(new Request(`http://localhost/customers/search?q=${encodeURIComponent(q)}`));

  it('finds customers by the start of their name, email, company or external reference', async () => {
    const customer = await createCustomerRow({
      name: 'Zebedee Quartz',
      email: 'zq@quartz.test',
      company: 'Quillon Ltd',
      externalRef: 'ZQ-777',
    });
    for (const q of ['zebedee', 'ZQ@', 'quill', 'zq-7', 'ZQ-777']) {
      const response = await search(q);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: { id: string }[] };
      expect(
        body.data.map((c) => c.id),
        q,
      ).toContain(customer.id);
    }
    const none = (await (await search('%')).json()) as { data: unknown[] };
    expect(none.data).toEqual([]);
  });

  it('answers 401 to an anonymous caller', async () => {
    signInAs(null);
    expect((await search('a')).status).toBe(401);
  });
});
