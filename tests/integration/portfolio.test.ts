import { beforeAll, describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { selectRows } from '@/db/client';
import {
  defectCategories,
  defects,
  journeyStages,
  lifecycleChanges,
  lifecycleSettings,
  segments,
  touchpoints,
} from '@/db/schema';
import { listCustomers } from '@/lib/queries/customers';
import { defectConditions } from '@/lib/queries/filter-conditions';
import { customerListParamsSchema } from '@/lib/validation/customers';
import { COUNTED_DEFECT_STATUSES, defectFiltersSchema } from '@/lib/validation/filters';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { getDefectionByMonth, getJourneyFunnel, getPortfolioCells, getRetentionCohorts } from '@/lib/queries/portfolio';
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
      occurredAt: new Date('2026-03-15T00:00:00Z'),
    },
    // No contact in the year before March: not in the base, so not counted.
    {
      customerId: c.c3,
      fromLifecycle: 'active',
      toLifecycle: 'churned',
      reason: 'test',
      occurredAt: new Date('2026-03-16T00:00:00Z'),
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

  it('counts the defection base over a rolling 365 days: a contact leaves it a year later', async () => {
    const months = await getDefectionByMonth({ from: '2025-12-01', to: '2027-05-31' });
    // c4 (15 Jan and 20 Mar 2026) is in from February 2026 to March 2027; c1 (10 Feb, 5 and 6 Mar
    // 2026) from March 2026 to March 2027; c2 (10 Mar 2026) from April 2026 to March 2027; in
    // April 2027 their last contacts are more than 365 days old.
    const base = Object.fromEntries(months.map((m) => [m.month, m.base]));
    expect(base).toMatchObject({
      '2025-12-01': 0,
      '2026-01-01': 0,
      '2026-02-01': 1,
      '2026-03-01': 2,
      '2026-04-01': 3,
      '2027-03-01': 3,
      '2027-04-01': 0,
      '2027-05-01': 0,
    });
    // The same as counting each month's year before it directly.
    const db = await getDb();
    const recount = await selectRows<{ month: string; base: number }>(
      db,
      sql`select to_char(m, 'YYYY-MM-DD') as month,
            (select count(distinct customer_id) from interactions
              where customer_id is not null and occurred_at >= m - interval '365 days' and occurred_at < m)::int as base
          from generate_series('2025-12-01'::date, '2027-05-01'::date, interval '1 month') m order by m`,
    );
    expect(months.map((m) => ({ month: m.month, base: m.base }))).toEqual(recount);
  });

  it('gives retention by the month of first contact', async () => {
    expect(await getRetentionCohorts({ from: '2026-01-01', to: '2026-03-31' }, 3)).toEqual([
      { cohort: '2026-01-01', customers: 1, retained: [1, 0, 1] },
      { cohort: '2026-02-01', customers: 1, retained: [1, 1, 0] },
      { cohort: '2026-03-01', customers: 1, retained: [1, 0, 0] },
    ]);
  });
});

describe('the journey funnel', () => {
  it('counts customers by the furthest stage they reached, the drop, and the defects met; its drill-downs list the same', async () => {
    const db = await getDb();
    const stages = await db
      .insert(journeyStages)
      .values([
        { name: 'Funnel 1', position: 201 },
        { name: 'Funnel 2', position: 202 },
        { name: 'Funnel 3', position: 203 },
      ])
      .returning();
    const tps = await db
      .insert(touchpoints)
      .values(stages.map((s) => ({ name: `${s.name} touchpoint`, stageId: s.id, channel: 'web' as const })))
      .returning();
    const [s1, s2, s3] = tps as [(typeof tps)[number], (typeof tps)[number], (typeof tps)[number]];
    const f1 = (await createCustomerRow()).id;
    const f2 = (await createCustomerRow()).id;
    const f3 = (await createCustomerRow({ segmentId: segmentA })).id;
    const f4 = (await createCustomerRow()).id;
    const rows = [
      { customerId: f1, touchpointId: s1.id, occurredAt: '2026-05-02T12:00:00Z' },
      { customerId: f1, touchpointId: s3.id, occurredAt: '2026-05-05T12:00:00Z' },
      { customerId: f2, touchpointId: s1.id, occurredAt: '2026-05-03T12:00:00Z' },
      { customerId: f3, touchpointId: s2.id, occurredAt: '2026-05-04T12:00:00Z' },
      { customerId: f4, touchpointId: s1.id, occurredAt: '2026-04-30T12:00:00Z' },
    ];
    await db.transaction((tx) =>
      recordInteractions(
        tx,
        rows.map((r) => interactionInputSchema.parse(r)),
        { source: 'import', loggedById: null },
      ),
    );
    const [category] = await db.insert(defectCategories).values({ name: 'Funnel test' }).returning();
    const defect = (touchpointId: string, customerId: string | null, status: 'open' | 'dismissed' = 'open') => ({
      touchpointId,
      customerId,
      categoryId: category!.id,
      kind: 'complaint' as const,
      occurredAt: new Date('2026-05-06T12:00:00Z'),
      status,
      dismissReason: status === 'dismissed' ? 'No.' : null,
    });
    await db.insert(defects).values([defect(s2.id, f3), defect(s1.id, null), defect(s3.id, f1, 'dismissed')]);

    const period = { from: '2026-05-01', to: '2026-05-31' };
    const funnel = (await getJourneyFunnel(period)).filter((s) => s.name.startsWith('Funnel'));
    expect(funnel.map(({ name, reached, stopped, defects: d }) => [name, reached, stopped, d])).toEqual([
      ['Funnel 1', 3, 1, 1],
      ['Funnel 2', 2, 1, 1],
      ['Funnel 3', 1, 1, 0],
    ]);
    const inA = (await getJourneyFunnel({ ...period, segment: segmentA })).filter((s) => s.name.startsWith('Funnel'));
    expect(inA.map(({ reached, stopped, defects: d }) => [reached, stopped, d])).toEqual([
      [1, 0, 0],
      [1, 1, 1],
      [0, 0, 0],
    ]);

    // The drill-downs: the customers list and the defects list with the same scope.
    const reached = await listCustomers(
      customerListParamsSchema.parse({ reached: stages[1]!.id, from: period.from, to: period.to }),
    );
    expect(reached.rows.map((r) => r.id).sort()).toEqual([f1, f3].sort());
    const stageDefects = await db
      .select({ n: count() })
      .from(defects)
      .where(
        defectConditions(
          defectFiltersSchema.parse({ ...period, stage: stages[0]!.id, status: COUNTED_DEFECT_STATUSES }),
        ),
      );
    expect(stageDefects[0]?.n).toBe(funnel[0]!.defects);
  });
});
