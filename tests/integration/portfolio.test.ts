import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { defectCategories, defects, lifecycleChanges, lifecycleSettings, segments } from '@/db/schema';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { getDefectionByMonth, getPortfolioCells, getRetentionCohorts } from '@/lib/queries/portfolio';
import { interactionInputSchema } from '@/lib/validation/interactions';
import { createCatalog, createCustomerRow } from './staff-fixtures';

// Four customers, worked out by hand below. The lifecycle rules are switched off, so every
// customer stays where the fixture puts it.
let segmentA: string;
const c: Record<'c1' | 'c2' | 'c3' | 'c4', string> = { c1: '', c2: '', c3: '', c4: '' };

beforeAll(async () => {
  const db = await getDb();
  await db.update(lifecycleSettings).set({
    activeOnSale: false,
    atRiskOnDetractor: false,
    atRiskOnSevereDefect: false,
    advocateAfterPromoters: null,
    atRiskAfterDays: null,
    churnedAfterDays: null,
  });
  const catalog = await createCatalog();
  const [segment] = await db.insert(segments).values({ name: 'Segment A' }).returning();
  segmentA = segment!.id;
  c.c1 = (await createCustomerRow({ segmentId: segmentA, lifecycle: 'active' })).id;
  c.c2 = (await createCustomerRow({ segmentId: segmentA, lifecycle: 'active' })).id;
  c.c3 = (await createCustomerRow({ segmentId: segmentA, lifecycle: 'churned' })).id;
  c.c4 = (await createCustomerRow({ lifecycle: 'prospect' })).id;
  const rows = [
    { customerId: c.c1, occurredAt: '2026-02-10T12:00:00Z', outcome: 'sale_won', saleValue: '999' },
    { customerId: c.c1, occurredAt: '2026-03-05T12:00:00Z', outcome: 'sale_won', saleValue: '100', nps: '10' },
    { customerId: c.c1, occurredAt: '2026-03-06T12:00:00Z', nps: '3' },
    { customerId: c.c2, occurredAt: '2026-03-10T12:00:00Z', nps: '9' },
    { customerId: c.c4, occurredAt: '2026-01-15T12:00:00Z', nps: '5' },
    { customerId: c.c4, occurredAt: '2026-03-20T12:00:00Z' },
  ];
  await db.transaction((tx) =>
    recordInteractions(
      tx,
      rows.map((r) => interactionInputSchema.parse({ touchpointId: catalog.till.id, ...r })),
      { source: 'import', loggedById: null },
    ),
  );
  const [category] = await db.insert(defectCategories).values({ name: 'Portfolio test' }).returning();
  await db.insert(defects).values([
    {
      touchpointId: catalog.till.id,
      customerId: c.c1,
      categoryId: category!.id,
      kind: 'complaint',
      lostRevenue: '50.00',
      occurredAt: new Date('2026-03-07T12:00:00Z'),
    },
    {
      touchpointId: catalog.till.id,
      customerId: c.c1,
      categoryId: category!.id,
      kind: 'complaint',
      lostRevenue: '70.00',
      occurredAt: new Date('2026-03-08T12:00:00Z'),
      status: 'dismissed',
      dismissReason: 'Not ours.',
    },
  ]);
  await db.insert(lifecycleChanges).values([
    {
      customerId: c.c4,
      fromLifecycle: 'active',
      toLifecycle: 'churned',
      reason: 'test',
      createdAt: new Date('2026-03-15T00:00:00Z'),
    },
    // No contact in the year before March: not in the base, so not counted.
    {
      customerId: c.c3,
      fromLifecycle: 'active',
      toLifecycle: 'churned',
      reason: 'test',
      createdAt: new Date('2026-03-16T00:00:00Z'),
    },
  ]);
});

describe('the portfolio', () => {
  it("puts each customer in its segment × lifecycle cell with the period's revenue, lost revenue and NPS", async () => {
    const cells = await getPortfolioCells({ from: '2026-03-01', to: '2026-03-31' });
    expect(cells).toEqual([
      {
        segmentId: segmentA,
        segmentName: 'Segment A',
        lifecycle: 'active',
        customers: 2,
        revenueWon: 100,
        lostRevenue: 50,
        // Answers 10, 3 and 9: two promoters, one detractor of three.
        nps: ((2 - 1) / 3) * 100,
        npsResponses: 3,
      },
      {
        segmentId: segmentA,
        segmentName: 'Segment A',
        lifecycle: 'churned',
        customers: 1,
        revenueWon: 0,
        lostRevenue: 0,
        nps: null,
        npsResponses: 0,
      },
      {
        segmentId: null,
        segmentName: 'No segment',
        lifecycle: 'prospect',
        customers: 1,
        revenueWon: 0,
        lostRevenue: 0,
        nps: null,
        npsResponses: 0,
      },
    ]);
  });

  it('gives the defection rate per month: churned in the month over those with contact in the year before', async () => {
    expect(await getDefectionByMonth({ from: '2026-02-01', to: '2026-03-31' })).toEqual([
      // Before February: only c4 (January) had contact; nobody churned in February.
      { month: '2026-02-01', base: 1, churned: 0, rate: 0 },
      // Before March: c4 and c1; c4 churned on 15 March (c3 too, but had no contact).
      { month: '2026-03-01', base: 2, churned: 1, rate: 0.5 },
    ]);
  });

  it('gives retention by the month of first contact', async () => {
    expect(await getRetentionCohorts({ from: '2026-01-01', to: '2026-03-31' }, 3)).toEqual([
      { cohort: '2026-01-01', customers: 1, retained: [1, 0, 1] },
      { cohort: '2026-02-01', customers: 1, retained: [1, 1, 0] },
      { cohort: '2026-03-01', customers: 1, retained: [1, 0, 0] },
    ]);
  });
});
