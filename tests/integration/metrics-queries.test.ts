import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { customers, defectCategories, defects, interactions, journeyStages, segments, touchpoints } from '@/db/schema';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { defectsHref, interactionsHref } from '@/lib/metrics/drill-down';
import { defectConditions, interactionConditions } from '@/lib/queries/filter-conditions';
import {
  getDashboardScan,
  getKpiSummary,
  getPareto,
  getSegmentMetrics,
  getTouchpointMetrics,
  getTrend,
  pChartOf,
} from '@/lib/queries/metrics';
import { defectFiltersSchema, interactionFiltersSchema, NO_SEGMENT, paramsToObject } from '@/lib/validation/filters';
import { metricsFiltersSchema, resolveMetricsFilters, type MetricsFilters } from '@/lib/validation/metrics';
import { interactionInputSchema } from '@/lib/validation/interactions';

/*
 * A small company whose every number is worked out by hand in the comments below.
 * Current period 2026-03-01 … 2026-03-10; previous period 2026-02-19 … 2026-02-28.
 */
const ids = { stage1: '', stage2: '', a: '', b: '', c: '', x: '', y: '', cx: '', cy: '' };

function filters(params: Record<string, string | string[]> = {}): MetricsFilters {
  const resolved = resolveMetricsFilters(
    metricsFiltersSchema.parse({ from: '2026-03-01', to: '2026-03-10', ...params }),
  );
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.fieldErrors));
  return resolved.filters;
}

beforeAll(async () => {
  const db = await getDb();
  const [s1, s2] = await db
    .insert(journeyStages)
    .values([
      { name: 'Discovery', position: 0 },
      { name: 'Purchase', position: 1 },
    ])
    .returning();
  const [a, b, c] = await db
    .insert(touchpoints)
    .values([
      { name: 'Phone line', stageId: s1!.id, channel: 'phone', opportunities: 1 },
      { name: 'Website', stageId: s1!.id, channel: 'web', opportunities: 3 },
      { name: 'Showroom', stageId: s2!.id, channel: 'in_person', opportunities: 2 },
    ])
    .returning();
  const [x, y] = await db
    .insert(segments)
    .values([{ name: 'Households' }, { name: 'Landlords' }])
    .returning();
  const [cx, cy] = await db
    .insert(customers)
    .values([
      { name: 'Ann', segmentId: x!.id },
      { name: 'Bob', segmentId: y!.id },
    ])
    .returning();
  Object.assign(ids, {
    stage1: s1!.id,
    stage2: s2!.id,
    a: a!.id,
    b: b!.id,
    c: c!.id,
    x: x!.id,
    y: y!.id,
    cx: cx!.id,
    cy: cy!.id,
  });

  const at = (iso: string) => new Date(iso);
  const two = randomUUID();
  const rows = [
    // 1: a lost sale of 100 → 1 lost_sale defect. CSAT 5, NPS 10.
    {
      touchpointId: ids.a,
      customerId: ids.cx,
      occurredAt: at('2026-03-01T10:00:00Z'),
      outcome: 'sale_lost',
      saleValue: 100,
      csat: 5,
      nps: 10,
    },
    // 2: no defect. CSAT 4, NPS 9, effort 6, gap 0.
    {
      id: two,
      touchpointId: ids.a,
      customerId: ids.cx,
      occurredAt: at('2026-03-02T09:00:00Z'),
      csat: 4,
      nps: 9,
      effort: 6,
      expectation: 4,
      experience: 4,
    },
    // 3: below expectation by 3 and CSAT 1 → 2 defects. NPS 3, effort 2, gap −3.
    {
      touchpointId: ids.b,
      customerId: ids.cy,
      occurredAt: at('2026-03-02T15:00:00Z'),
      csat: 1,
      nps: 3,
      effort: 2,
      expectation: 5,
      experience: 2,
    },
    // 4: anonymous, no defect. CSAT 3, NPS 7.
    { touchpointId: ids.b, occurredAt: at('2026-03-05T12:00:00Z'), csat: 3, nps: 7 },
    // 5: the last minute of the period, no defect. Effort 7, gap +2.
    {
      touchpointId: ids.c,
      customerId: ids.cy,
      occurredAt: at('2026-03-10T23:59:00Z'),
      effort: 7,
      expectation: 3,
      experience: 5,
    },
    // Outside the period: the first minute after it.
    {
      touchpointId: ids.c,
      customerId: ids.cx,
      occurredAt: at('2026-03-11T00:00:00Z'),
      outcome: 'sale_lost',
      saleValue: 999,
    },
    // Previous period: a lost sale of 50, and a clean interaction.
    {
      touchpointId: ids.a,
      customerId: ids.cx,
      occurredAt: at('2026-02-20T08:00:00Z'),
      outcome: 'sale_lost',
      saleValue: 50,
    },
    { touchpointId: ids.a, customerId: ids.cx, occurredAt: at('2026-02-28T23:00:00Z') },
  ].map((row) => interactionInputSchema.parse(row));
  await db.transaction((tx) => recordInteractions(tx, rows, { source: 'staff', loggedById: null }));

  const [other] = await db.insert(defectCategories).values({ name: 'Other' }).returning();
  await db.insert(defects).values([
    // A manual defect without an interaction, on the showroom, still open.
    {
      touchpointId: ids.c,
      categoryId: other!.id,
      kind: 'process',
      occurredAt: at('2026-03-04T11:00:00Z'),
      status: 'investigating',
    },
    // A dismissed defect on interaction 2: counted nowhere.
    {
      touchpointId: ids.a,
      interactionId: two,
      customerId: ids.cx,
      categoryId: other!.id,
      kind: 'complaint',
      occurredAt: at('2026-03-02T09:00:00Z'),
      status: 'dismissed',
      lostRevenue: '500',
    },
  ]);
});

describe('KPIs through the query layer', () => {
  it('gives the hand-computed numbers for the period and the one before', async () => {
    const { current, previous, change, previousPeriod } = await getKpiSummary(filters());
    expect(previousPeriod).toEqual({ from: '2026-02-19', to: '2026-02-28' });
    expect(current).toMatchObject({
      interactions: 5,
      opportunities: 10,
      defects: 4,
      defectiveInteractions: 2,
      costOfPoorQuality: 100,
    });
    expect(current.dpu.value).toBeCloseTo(0.8, 12);
    expect(current.dpmo.value).toBeCloseTo(400_000, 6);
    // Φ⁻¹(0.6) + 1.5
    expect(current.sigma.value).toBeCloseTo(1.753347, 5);
    expect(current.yield.value).toBeCloseTo(0.6, 12);
    expect(current.firstPassYield.value).toBeCloseTo(0.6, 12);
    expect(current).toMatchObject({ npsResponses: 4, csatResponses: 4, cesResponses: 3, expectationGapResponses: 3 });
    expect(current.nps.value).toBe(25);
    expect(current.csat.value).toBe(0.5);
    expect(current.ces.value).toBe(5);
    expect(current.expectationGap.value).toBeCloseTo(-1 / 3, 12);

    expect(previous).toMatchObject({
      interactions: 2,
      opportunities: 2,
      defects: 1,
      defectiveInteractions: 1,
      costOfPoorQuality: 50,
    });
    expect(previous.sigma.value).toBeCloseTo(1.5, 12);
    expect(previous.nps).toEqual({ value: null, reason: 'no data' });
    expect(change.interactions).toBe(1.5);
    expect(change.dpmo).toBeCloseTo(-100_000, 6);
    expect(change.nps).toBeNull();
  });

  it('says "no data" for a period without interactions, never 0', async () => {
    const { current } = await getKpiSummary(filters({ from: '2025-01-01', to: '2025-01-31' }));
    expect(current.interactions).toBe(0);
    expect(current.dpmo).toEqual({ value: null, reason: 'no data' });
    expect(current.sigma).toEqual({ value: null, reason: 'no data' });
    expect(JSON.stringify(current)).not.toMatch(/NaN|Infinity/);
  });

  it('says "no defects" for a slice without defects', async () => {
    const { current } = await getKpiSummary(filters({ from: '2026-03-05', to: '2026-03-10' }));
    expect(current).toMatchObject({ interactions: 2, defects: 0 });
    expect(current.sigma).toEqual({ value: null, reason: 'no defects' });
  });

  it('follows the touchpoint, stage, channel and segment filters', async () => {
    expect((await getKpiSummary(filters({ touchpoint: ids.b }))).current).toMatchObject({
      interactions: 2,
      defects: 2,
      opportunities: 6,
    });
    expect((await getKpiSummary(filters({ stage: ids.stage2 }))).current).toMatchObject({
      interactions: 1,
      defects: 1,
    });
    expect((await getKpiSummary(filters({ channel: 'phone' }))).current).toMatchObject({ interactions: 2, defects: 1 });
    expect((await getKpiSummary(filters({ segment: ids.x }))).current).toMatchObject({ interactions: 2, defects: 1 });
  });
});

describe('trend, p-chart, Pareto, touchpoints and segments', () => {
  it('counts per day with gaps for empty days', async () => {
    const trend = await getTrend(filters());
    expect(trend).toHaveLength(10);
    expect(trend.map((t) => [t.period, t.units, t.defectiveUnits, t.defects]).filter(([, u, , d]) => u || d)).toEqual([
      ['2026-03-01', 1, 1, 1],
      ['2026-03-02', 2, 1, 2],
      ['2026-03-04', 0, 0, 1],
      ['2026-03-05', 1, 0, 0],
      ['2026-03-10', 1, 0, 0],
    ]);
    const chart = pChartOf(trend);
    expect(chart.centre).toBeCloseTo(2 / 5, 12);
    expect(chart.points.find((p) => p.period === '2026-03-04')?.p).toBeNull();
  });

  it('groups by ISO week, clipping the first week to the period', async () => {
    const trend = await getTrend(filters({ granularity: 'week' }));
    expect(trend.map((t) => [t.period, t.from, t.to, t.units, t.defects])).toEqual([
      ['2026-02-23', '2026-03-01', '2026-03-01', 1, 1],
      ['2026-03-02', '2026-03-02', '2026-03-08', 3, 3],
      ['2026-03-09', '2026-03-09', '2026-03-10', 1, 0],
    ]);
  });

  it('ranks the defect categories', async () => {
    const bars = await getPareto(filters());
    // 75 % before Other is still short of 80 %, so it crosses the line and is one of the vital few.
    expect(bars.map((b) => [b.label, b.count, b.cumulativeShare, b.vitalFew, b.lostRevenue])).toEqual([
      ['Below expectations', 2, 0.5, true, 0],
      ['Lost sale', 1, 0.75, true, 100],
      ['Other', 1, 1, true, 0],
    ]);
  });

  it('gives each touchpoint its numbers in journey order', async () => {
    const rows = await getTouchpointMetrics(filters());
    expect(rows.map((r) => [r.stageName, r.name, r.kpis.interactions, r.kpis.defects])).toEqual([
      ['Discovery', 'Phone line', 2, 1],
      ['Discovery', 'Website', 2, 2],
      ['Purchase', 'Showroom', 1, 1],
    ]);
    expect(rows[1]!.kpis.dpmo.value).toBeCloseTo(1_000_000 / 3, 6);
    expect((await getTouchpointMetrics(filters({ stage: ids.stage2 }))).map((r) => r.name)).toEqual(['Showroom']);
  });

  it('compares the segments, with a row for interactions without one', async () => {
    const rows = await getSegmentMetrics(filters());
    expect(rows.map((r) => [r.name, r.kpis.interactions, r.kpis.defects])).toEqual([
      ['Households', 2, 1],
      ['Landlords', 2, 2],
      ['No segment', 1, 1],
    ]);
  });
});

describe('every number drills down to the same rows', () => {
  async function countInteractions(href: string) {
    const db = await getDb();
    const parsed = interactionFiltersSchema.parse(paramsToObject(new URL(href, 'http://x').searchParams));
    const [row] = await db.select({ n: count() }).from(interactions).where(interactionConditions(parsed));
    return row!.n;
  }
  async function countDefects(href: string) {
    const db = await getDb();
    const parsed = defectFiltersSchema.parse(paramsToObject(new URL(href, 'http://x').searchParams));
    const [row] = await db.select({ n: count() }).from(defects).where(defectConditions(parsed));
    return row!.n;
  }

  it.each([{}, { touchpoint: 'b' }, { stage: 'stage2' }, { segment: 'y' }, { channel: 'web' }])(
    'the KPI cards for %o',
    async (cut) => {
      const params = Object.fromEntries(
        Object.entries(cut).map(([k, v]) => [k, k === 'channel' ? v : ids[v as keyof typeof ids]]),
      );
      const f = filters(params);
      const { current } = await getKpiSummary(f);
      expect(await countInteractions(interactionsHref(f))).toBe(current.interactions);
      expect(await countInteractions(interactionsHref(f, { hasDefects: '1' }))).toBe(current.defectiveInteractions);
      expect(await countDefects(defectsHref(f))).toBe(current.defects);
    },
  );

  it('a Pareto bar, a trend point and a touchpoint cell', async () => {
    const f = filters();
    for (const bar of await getPareto(f))
      expect(await countDefects(defectsHref(f, { category: bar.key }))).toBe(bar.count);
    for (const point of await getTrend({ ...f, granularity: 'week' })) {
      expect(await countInteractions(interactionsHref({ ...f, from: point.from, to: point.to }))).toBe(point.units);
      expect(await countDefects(defectsHref({ ...f, from: point.from, to: point.to }))).toBe(point.defects);
    }
    for (const tp of await getTouchpointMetrics(f)) {
      expect(await countInteractions(interactionsHref({ ...f, touchpoint: [tp.id] }))).toBe(tp.kpis.interactions);
      expect(await countDefects(defectsHref({ ...f, touchpoint: [tp.id] }))).toBe(tp.kpis.defects);
    }
  });

  it.each([{}, { touchpoint: 'b' }, { stage: 'stage2' }, { segment: 'y' }, { channel: 'web' }])(
    'the score cards for %o count only the interactions with that score',
    async (cut) => {
      const params = Object.fromEntries(
        Object.entries(cut).map(([k, v]) => [k, k === 'channel' ? v : ids[v as keyof typeof ids]]),
      );
      const f = filters(params);
      const { current } = await getKpiSummary(f);
      expect(await countInteractions(interactionsHref(f, { scored: 'nps' }))).toBe(current.npsResponses);
      expect(await countInteractions(interactionsHref(f, { scored: 'csat' }))).toBe(current.csatResponses);
      expect(await countInteractions(interactionsHref(f, { scored: 'effort' }))).toBe(current.cesResponses);
      expect(await countInteractions(interactionsHref(f, { scored: 'gap' }))).toBe(current.expectationGapResponses);
    },
  );

  it('the score filters are the hand-counted ones, and combine', async () => {
    const f = filters();
    // NPS on 1–4, CSAT on 1–4, effort on 2, 3, 5, both expectation and experience on 2, 3, 5.
    expect(await countInteractions(interactionsHref(f, { scored: 'nps' }))).toBe(4);
    expect(await countInteractions(interactionsHref(f, { scored: 'gap' }))).toBe(3);
    expect(await countInteractions(interactionsHref(f, { scored: ['csat', 'effort'] }))).toBe(2);
    expect(interactionFiltersSchema.safeParse({ scored: 'stars' }).success).toBe(false);
  });

  it('every segment row, "No segment" included, drills down to its own rows', async () => {
    const db = await getDb();
    // A customer without a segment joins the anonymous interaction in the "No segment" row.
    const [nobody] = await db.insert(customers).values({ name: 'Cat' }).returning();
    await db.transaction((tx) =>
      recordInteractions(
        tx,
        [
          interactionInputSchema.parse({
            touchpointId: ids.c,
            customerId: nobody!.id,
            occurredAt: new Date('2026-03-09T10:00:00Z'),
            outcome: 'sale_lost',
            saleValue: 20,
          }),
        ],
        { source: 'staff', loggedById: null },
      ),
    );
    try {
      const f = filters();
      const rows = await getSegmentMetrics(f);
      expect(rows.find((r) => r.id === null)?.kpis).toMatchObject({ interactions: 2, defects: 2 });
      for (const row of rows) {
        const scope = { ...f, segment: [row.id ?? NO_SEGMENT] };
        expect(await countInteractions(interactionsHref(scope))).toBe(row.kpis.interactions);
        expect(await countDefects(defectsHref(scope))).toBe(row.kpis.defects);
      }
      // "none" together with a segment is the union of both rows.
      const households = rows.find((r) => r.id === ids.x)!;
      expect(await countInteractions(interactionsHref({ ...f, segment: [ids.x, NO_SEGMENT] }))).toBe(
        households.kpis.interactions + 2,
      );
    } finally {
      await db.delete(defects).where(eq(defects.customerId, nobody!.id));
      await db.delete(interactions).where(eq(interactions.customerId, nobody!.id));
      await db.delete(customers).where(eq(customers.id, nobody!.id));
    }
  });

  it('leaves the dismissed defect out of the list behind the number', async () => {
    const db = await getDb();
    const [row] = await db
      .select({ n: count() })
      .from(defects)
      .where(and(eq(defects.status, 'dismissed')));
    expect(row!.n).toBe(1);
    expect(await countDefects(defectsHref(filters()))).toBe(4);
  });
  // Whole months come from the monthly rollups, the days around them from the daily ones; delta
  // rows count whether folded or not. Periods that cut a month in half, hold one whole, or several.
  it.each([
    ['2026-02-15', '2026-03-10'],
    ['2026-03-01', '2026-03-31'],
    ['2026-01-15', '2026-03-20'],
    ['2026-02-01', '2026-03-05'],
    ['2026-02-20', '2026-03-31'],
    // Most of a month: read as the month less the days left out (before, after, or both sides).
    ['2026-03-03', '2026-03-28'],
    ['2026-02-02', '2026-03-30'],
    ['2026-03-02', '2026-04-15'],
  ])('a period from %s to %s, by month and by day, before and after a fold', async (from, to) => {
    const db = await getDb();
    const check = async () => {
      const cuts: Record<string, string>[] = [{}, { touchpoint: ids.b }, { segment: ids.x }, { stage: ids.stage2 }];
      for (const cut of cuts) {
        for (const granularity of ['month', 'day'] as const) {
          const f = filters({ from, to, granularity, ...cut });
          const { current, previous, previousPeriod } = await getKpiSummary(f);
          expect(await countInteractions(interactionsHref(f))).toBe(current.interactions);
          expect(await countDefects(defectsHref(f))).toBe(current.defects);
          const before = { ...f, ...previousPeriod };
          expect(await countInteractions(interactionsHref(before))).toBe(previous.interactions);
          expect(await countDefects(defectsHref(before))).toBe(previous.defects);
          // By day the trend reads days only; by month its points are the whole months and the cut ones.
          if (granularity === 'month')
            for (const point of await getTrend(f)) {
              const range = { ...f, from: point.from, to: point.to };
              expect(await countInteractions(interactionsHref(range))).toBe(point.units);
              expect(await countDefects(defectsHref(range))).toBe(point.defects);
            }
        }
        const f = filters({ from, to, ...cut });
        for (const bar of await getPareto(f))
          expect(await countDefects(defectsHref(f, { category: bar.key }))).toBe(bar.count);
        expect((await getPareto(f)).reduce((sum, bar) => sum + bar.count, 0)).toBe(await countDefects(defectsHref(f)));
        for (const tp of await getTouchpointMetrics(f))
          expect(await countInteractions(interactionsHref({ ...f, touchpoint: [tp.id] }))).toBe(tp.kpis.interactions);
        for (const row of await getSegmentMetrics(f))
          expect(await countDefects(defectsHref({ ...f, segment: [row.id ?? NO_SEGMENT] }))).toBe(row.kpis.defects);
      }
    };
    await check();
    await db.execute(sql`select fold_metric_rollups()`);
    await check();
  });
});

describe('the one-pass dashboard scan (GROUPING SETS)', () => {
  it.each<Record<string, string>>([
    {},
    { from: '2026-02-15', to: '2026-03-10', granularity: 'month' },
    { from: '2026-01-15', to: '2026-03-20', granularity: 'week' },
    { from: '2026-02-01', to: '2026-03-31', granularity: 'month' },
    { from: '2026-03-03', to: '2026-03-28', granularity: 'month' },
    { from: '2026-02-02', to: '2026-03-30', granularity: 'day' },
  ])('equals the questions asked one by one, for %o', async (period) => {
    const cuts: Record<string, string>[] = [
      {},
      { touchpoint: ids.b },
      { segment: ids.y },
      { stage: ids.stage2 },
      { channel: 'web' },
    ];
    for (const cut of cuts) {
      const f = filters({ ...period, ...cut });
      const today = new Date('2026-03-05T12:00:00Z');
      const scan = await getDashboardScan(f, undefined, today);
      expect(scan.kpis).toEqual(await getKpiSummary(f));
      expect(scan.trend).toEqual(await getTrend(f, undefined, today));
      expect(scan.touchpoints).toEqual(await getTouchpointMetrics(f));
      expect(scan.segments).toEqual(await getSegmentMetrics(f));
    }
  });
});
