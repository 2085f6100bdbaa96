import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { englishMessage } from '@/lib/i18n/english';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { customers, defects, segments } from '@/db/schema';
import { createCustomerAction, updateCustomerAction } from '@/app/(app)/customers/actions';
import { DUPLICATE_REF_MESSAGE } from '@/lib/customers/save-customer';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { getCustomerNumbers, getCustomerTimeline, listCustomers } from '@/lib/queries/customers';
import { customerListParamsSchema } from '@/lib/validation/customers';
import { interactionInputSchema } from '@/lib/validation/interactions';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { createCatalog, createCustomerRow, tableCounts } from './staff-fixtures';

let catalog: Awaited<ReturnType<typeof createCatalog>>;
let staffId: string;
let segmentId: string;

beforeAll(async () => {
  catalog = await createCatalog();
  staffId = (await createUser({ role: 'staff' })).id;
  const db = await getDb();
  segmentId = (await db.insert(segments).values({ name: 'Homeowners' }).returning())[0]!.id;
});

beforeEach(() => signInAs(staffId));

describe('createCustomerAction and updateCustomerAction', () => {
  it('lets staff create a customer with a segment, owner and reference', async () => {
    const result = await createCustomerAction({
      name: '  Grace Hopper ',
      email: 'grace@example.test',
      segmentId,
      ownerId: staffId,
      externalRef: 'CRM-1',
      lifecycle: 'active',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const db = await getDb();
    const [row] = await db.select().from(customers).where(eq(customers.id, result.data.id));
    expect(row).toMatchObject({
      name: 'Grace Hopper',
      email: 'grace@example.test',
      segmentId,
      ownerId: staffId,
      externalRef: 'CRM-1',
      lifecycle: 'active',
    });
  });

  it('refuses a malformed email, a blank name, an unknown segment and a duplicate reference, writing nothing', async () => {
    await createCustomerRow({ externalRef: 'CRM-TAKEN' });
    const before = await tableCounts();
    const bad = await createCustomerAction({ name: '', email: 'nope' });
    expect(bad).toMatchObject({ ok: false, status: 422 });
    if (!bad.ok) {
      expect(bad.fieldErrors?.name).toBeDefined();
      expect(bad.fieldErrors?.email).toEqual(['Enter an email address like name@example.com.']);
    }
    expect(await createCustomerAction({ name: 'X', segmentId: randomUUID() })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { segmentId: ['That segment does not exist.'] },
    });
    expect(await createCustomerAction({ name: 'X', externalRef: 'CRM-TAKEN' })).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: { externalRef: [englishMessage(DUPLICATE_REF_MESSAGE)] },
    });
    expect(await createCustomerAction({ name: 'X', lifecycle: 'immortal' })).toMatchObject({ ok: false, status: 422 });
    expect(await tableCounts()).toEqual(before);
  });

  it('updates a customer, keeping its own reference and refusing another’s', async () => {
    const mine = await createCustomerRow({ externalRef: 'CRM-MINE' });
    await createCustomerRow({ externalRef: 'CRM-THEIRS' });
    expect(
      await updateCustomerAction({ id: mine.id, name: 'Renamed', externalRef: 'CRM-MINE', lifecycle: 'at_risk' }),
    ).toMatchObject({ ok: true });
    expect(await updateCustomerAction({ id: mine.id, name: 'Renamed', externalRef: 'CRM-THEIRS' })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(await updateCustomerAction({ id: randomUUID(), name: 'Ghost' })).toMatchObject({ ok: false, status: 404 });
    const db = await getDb();
    const [row] = await db.select().from(customers).where(eq(customers.id, mine.id));
    expect(row).toMatchObject({ name: 'Renamed', externalRef: 'CRM-MINE', lifecycle: 'at_risk' });
  });

  it('answers 401 when signed out', async () => {
    signInAs(null);
    expect(await createCustomerAction({ name: 'Nobody' })).toMatchObject({ ok: false, status: 401 });
  });
});

describe('customer queries', () => {
  it('searches and filters the list by segment, lifecycle and owner', async () => {
    const match = await createCustomerRow({
      name: 'Xavier Filterable',
      segmentId,
      lifecycle: 'churned',
      ownerId: staffId,
    });
    await createCustomerRow({ name: 'Xavier Other', lifecycle: 'churned' });
    const list = await listCustomers(
      customerListParamsSchema.parse({ q: 'xavier', segment: segmentId, lifecycle: 'churned', owner: staffId }),
    );
    expect(list.rows.map((r) => r.id)).toEqual([match.id]);
    expect((await listCustomers(customerListParamsSchema.parse({ q: 'xav' }))).total).toBe(2);
    expect(
      (await listCustomers(customerListParamsSchema.parse({ q: 'xav', sort: 'name', dir: 'desc' }))).rows[0]?.name,
    ).toBe('Xavier Other');
  });

  it('counts the customer’s own numbers in SQL and shows the timeline newest first', async () => {
    const customer = await createCustomerRow();
    const db = await getDb();
    const base = { touchpointId: catalog.till.id, customerId: customer.id };
    const inputs = [
      { ...base, occurredAt: new Date('2026-01-01T10:00:00Z'), nps: 10, csat: 5, expectation: 3, experience: 4 },
      { ...base, occurredAt: new Date('2026-01-02T10:00:00Z'), nps: 3, csat: 2, expectation: 4, experience: 2 },
      { ...base, occurredAt: new Date('2026-01-03T10:00:00Z'), outcome: 'sale_lost', saleValue: 250 },
    ].map((v) => interactionInputSchema.parse(v));
    await db.transaction((tx) => recordInteractions(tx, inputs, { source: 'staff', loggedById: staffId }));
    // A dismissed defect neither counts as open nor as lost revenue.
    await db.update(defects).set({ status: 'dismissed' }).where(eq(defects.autoRule, 'below_expectation'));

    const numbers = await getCustomerNumbers(customer.id);
    expect(numbers).toMatchObject({
      interactions: 3,
      npsResponses: 2,
      nps: 0,
      csatResponses: 2,
      csat: 0.5,
      gapResponses: 2,
      openDefects: 2,
      lostRevenue: 250,
    });
    expect(numbers.expectationGap).toBeCloseTo(-0.5);

    const timeline = await getCustomerTimeline({ customerId: customer.id });
    expect(timeline.entries[0]).toMatchObject({ type: 'defect', kind: 'lost_sale' });
    expect(timeline.entries[1]).toMatchObject({ type: 'interaction', outcome: 'sale_lost' });
    expect(timeline.entries.at(-1)).toMatchObject({ type: 'interaction', nps: 10 });
    expect(timeline.entries).toHaveLength(3 + 3);

    const page = await getCustomerTimeline({ customerId: customer.id, limit: 2 });
    expect(page.hasMore).toBe(true);
    const rest = await getCustomerTimeline({ customerId: customer.id, before: page.nextBefore!, limit: 10 });
    expect(page.entries.length + rest.entries.length).toBe(6);
  });

  it('shows no numbers as "no data", never as zero', async () => {
    const customer = await createCustomerRow();
    expect(await getCustomerNumbers(customer.id)).toMatchObject({
      interactions: 0,
      nps: null,
      csat: null,
      expectationGap: null,
      lostRevenue: 0,
    });
  });
});
