import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { selectRows } from '@/db/client';
import {
  auditEvents,
  customers,
  defectCategories,
  defects,
  interactions,
  journeyStages,
  segments,
  touchpoints,
  type Touchpoint,
} from '@/db/schema';
import { restateOpportunitiesAction, updateTouchpointAction } from '@/app/(app)/admin/touchpoints/actions';
import { mergeCustomers } from '@/lib/customers/merge-customers';
import { recountOpenDefects, syncAutoDefects } from '@/lib/interactions/auto-defects';
import { getKpiSummary } from '@/lib/queries/metrics';
import { previewRestatement } from '@/lib/touchpoints/restate-opportunities';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { touchpointForm } from './admin-helpers';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { interactionInputSchema } from '@/lib/validation/interactions';

/*
 * The dashboard reads the daily rollups; the lists read the base tables. After every kind of
 * write the two must agree exactly: these tests recompute the rollups from the base tables and
 * compare, row by row, after each write path.
 */

/** The base tables' rows per rollup key, `period` being the day or the month of occurred_at. */
const recomputedInteractions = (period: string) => sql`
  select ${sql.raw(period.replace('X', 'i.occurred_at'))} as period, i.touchpoint_id, c.segment_id,
         count(*)::int as units, sum(i.opportunities)::int as opportunities, count(*) filter (where i.open_defect_count > 0)::int as defective_units,
         count(i.csat)::int as csat_responses, count(*) filter (where i.csat >= 4)::int as csat_satisfied,
         count(i.nps)::int as nps_responses, count(*) filter (where i.nps >= 9)::int as promoters,
         count(*) filter (where i.nps <= 6)::int as detractors, count(i.effort)::int as effort_responses,
         coalesce(sum(i.effort), 0)::int as effort_sum, count(i.experience - i.expectation)::int as gap_responses,
         coalesce(sum(i.experience - i.expectation), 0)::int as gap_sum
  from interactions i left join customers c on c.id = i.customer_id group by 1, 2, 3`;
/** A rollup's rows summed per key (folded and delta rows alike), keys whose sums are all zero left out. */
const storedInteractions = (table: string, period: string) => sql`
  select ${sql.raw(period)} as period, touchpoint_id, segment_id, sum(units)::int as units, sum(opportunities)::int as opportunities,
         sum(defective_units)::int as defective_units, sum(csat_responses)::int as csat_responses, sum(csat_satisfied)::int as csat_satisfied,
         sum(nps_responses)::int as nps_responses, sum(promoters)::int as promoters, sum(detractors)::int as detractors,
         sum(effort_responses)::int as effort_responses, sum(effort_sum)::int as effort_sum, sum(gap_responses)::int as gap_responses,
         sum(gap_sum)::int as gap_sum
  from ${sql.raw(table)} group by 1, 2, 3
  having sum(units) <> 0 or sum(defective_units) <> 0 or sum(csat_responses) <> 0 or sum(nps_responses) <> 0 or sum(effort_responses) <> 0 or sum(gap_responses) <> 0`;
const recomputedDefects = (period: string) => sql`
  select ${sql.raw(period.replace('X', 'd.occurred_at'))} as period, d.touchpoint_id, c.segment_id, d.category_id,
         count(*)::int as defects, sum(d.lost_revenue)::numeric(14, 2) as lost_revenue
  from defects d left join customers c on c.id = d.customer_id where d.status <> 'dismissed' group by 1, 2, 3, 4`;
const storedDefects = (table: string, period: string) =>
  sql`select ${sql.raw(period)} as period, touchpoint_id, segment_id, category_id, sum(defects)::int as defects, sum(lost_revenue)::numeric(14, 2) as lost_revenue
      from ${sql.raw(table)} group by 1, 2, 3, 4 having sum(defects) <> 0 or sum(lost_revenue) <> 0`;
const recomputedMetricDefects = (period: string) => sql`
  select ${sql.raw(period.replace('X', 'd.occurred_at'))} as period, d.touchpoint_id, c.segment_id, count(*)::int as defects, sum(d.lost_revenue)::numeric(14, 2) as lost_revenue
  from defects d left join customers c on c.id = d.customer_id where d.status <> 'dismissed' group by 1, 2, 3`;
const storedMetricDefects = (table: string, period: string) =>
  sql`select ${sql.raw(period)} as period, touchpoint_id, segment_id, sum(defects)::int as defects, sum(lost_revenue)::numeric(14, 2) as lost_revenue
      from ${sql.raw(table)} group by 1, 2, 3 having sum(defects) <> 0 or sum(lost_revenue) <> 0`;

/** The trend's rollup: per day and touchpoint, without the segment. */
const recomputedTrend = sql`
  select day, touchpoint_id, sum(units)::int as units, sum(opportunities)::int as opportunities,
         sum(defective_units)::int as defective_units, sum(defects)::int as defects
  from (
    select (i.occurred_at at time zone 'UTC')::date as day, i.touchpoint_id, 1 as units, i.opportunities,
           (i.open_defect_count > 0)::int as defective_units, 0 as defects from interactions i
    union all
    select (d.occurred_at at time zone 'UTC')::date, d.touchpoint_id, 0, 0, 0, 1 from defects d where d.status <> 'dismissed'
  ) x group by 1, 2`;
const storedTrend = sql`
  select day, touchpoint_id, sum(units)::int as units, sum(opportunities)::int as opportunities,
         sum(defective_units)::int as defective_units, sum(defects)::int as defects
  from trend_daily group by 1, 2 having sum(units) <> 0 or sum(defects) <> 0 or sum(opportunities) <> 0 or sum(defective_units) <> 0`;

/** The unfiltered trend's rollup: per day only. */
const recomputedTrendTotal = sql`
  select day, sum(units)::int as units, sum(opportunities)::int as opportunities,
         sum(defective_units)::int as defective_units, sum(defects)::int as defects
  from (${recomputedTrend}) t group by 1`;
const storedTrendTotal = sql`
  select day, sum(units)::int as units, sum(opportunities)::int as opportunities,
         sum(defective_units)::int as defective_units, sum(defects)::int as defects
  from trend_total_daily group by 1 having sum(units) <> 0 or sum(defects) <> 0 or sum(opportunities) <> 0 or sum(defective_units) <> 0`;
/** The unfiltered Pareto's rollups: per period and category only. */
const recomputedCategoryTotals = (period: string) => sql`
  select ${sql.raw(period.replace('X', 'd.occurred_at'))} as period, d.category_id,
         count(*)::int as defects, sum(d.lost_revenue)::numeric(14, 2) as lost_revenue
  from defects d where d.status <> 'dismissed' group by 1, 2`;
const storedCategoryTotals = (table: string, period: string) =>
  sql`select ${sql.raw(period)} as period, category_id, sum(defects)::int as defects, sum(lost_revenue)::numeric(14, 2) as lost_revenue
      from ${sql.raw(table)} group by 1, 2 having sum(defects) <> 0 or sum(lost_revenue) <> 0`;

/** The backlog cards' rollup: every defect (dismissed too) by UTC day recorded, status, due date and owned. */
const recomputedBacklog = sql`
  select (d.created_at at time zone 'UTC')::date as raised_on, d.status, d.due_on, d.owner_id is not null as assigned, count(*)::int as defects
  from defects d group by 1, 2, 3, 4`;
const storedBacklog = sql`
  select raised_on, status, due_on, assigned, sum(defects)::int as defects
  from defect_backlog_daily group by 1, 2, 3, 4 having sum(defects) <> 0`;

const DAY = "(X at time zone 'UTC')::date";
const MONTH = "date_trunc('month', X at time zone 'UTC')::date";

/**
 * Rows that differ between the rollups and a recomputation from the base tables: interactions
 * (a, b), the Pareto's rollup (c, d) and the defects in the metrics rollup (e, f), by day; then the
 * same by month (g … l); then the trend's rollup (m, n); then the unfiltered view's rollups: the
 * trend's totals (o, p) and the Pareto's by day (q, r) and by month (s, t); then the backlog
 * cards' rollup (u, v).
 */
async function drift() {
  const db = await getDb();
  const diff = (a: ReturnType<typeof sql>, b: ReturnType<typeof sql>) =>
    sql`select count(*)::int as n from ((${a}) except all (${b})) x`;
  const both = (a: ReturnType<typeof sql>, b: ReturnType<typeof sql>) => sql`(${diff(a, b)}), (${diff(b, a)})`;
  const [row] = await selectRows<{ n: number[] }>(
    db,
    sql`select array[
          ${both(recomputedInteractions(DAY), storedInteractions('metrics_daily', 'day'))},
          ${both(recomputedDefects(DAY), storedDefects('defect_category_daily', 'day'))},
          ${both(recomputedMetricDefects(DAY), storedMetricDefects('metrics_daily', 'day'))},
          ${both(recomputedInteractions(MONTH), storedInteractions('metrics_monthly', 'month'))},
          ${both(recomputedDefects(MONTH), storedDefects('defect_category_monthly', 'month'))},
          ${both(recomputedMetricDefects(MONTH), storedMetricDefects('metrics_monthly', 'month'))},
          ${both(recomputedTrend, storedTrend)},
          ${both(recomputedTrendTotal, storedTrendTotal)},
          ${both(recomputedCategoryTotals(DAY), storedCategoryTotals('category_total_daily', 'day'))},
          ${both(recomputedCategoryTotals(MONTH), storedCategoryTotals('category_total_monthly', 'month'))},
          ${both(recomputedBacklog, storedBacklog)}
        ] as n`,
  );
  return Object.fromEntries(row!.n.map((n, i) => [String.fromCharCode(97 + i), n]));
}

async function totalUnits() {
  const db = await getDb();
  const [row] = await selectRows<{ n: number }>(db, sql`select coalesce(sum(units), 0)::int as n from metrics_daily`);
  return row!.n;
}

const NONE = Object.fromEntries([...'abcdefghijklmnopqrstuv'].map((k) => [k, 0]));

let phone: Touchpoint;
let web: Touchpoint;
const ids = { homes: '', flats: '', ann: '', bob: '', other: '' };

beforeAll(async () => {
  const db = await getDb();
  const [stage] = await db.insert(journeyStages).values({ name: 'Service', position: 0 }).returning();
  [phone, web] = (await db
    .insert(touchpoints)
    .values([
      { name: 'Phone', stageId: stage!.id, channel: 'phone', opportunities: 2 },
      { name: 'Web', stageId: stage!.id, channel: 'web', ruleLowNps: true },
    ])
    .returning()) as [Touchpoint, Touchpoint];
  const [homes, flats] = await db
    .insert(segments)
    .values([{ name: 'Homes' }, { name: 'Flats' }])
    .returning();
  const [ann, bob] = await db
    .insert(customers)
    .values([{ name: 'Ann', segmentId: homes!.id }, { name: 'Bob' }])
    .returning();
  const [other] = await db.insert(defectCategories).values({ name: 'Other' }).returning();
  Object.assign(ids, { homes: homes!.id, flats: flats!.id, ann: ann!.id, bob: bob!.id, other: other!.id });
});

const input = (values: Record<string, unknown>) => interactionInputSchema.parse({ touchpointId: phone.id, ...values });

describe('the daily rollups stay equal to the base tables', () => {
  it('after a batch through recordInteractions, and a retry of it', async () => {
    const db = await getDb();
    const batch = [
      input({
        id: randomUUID(),
        customerId: ids.ann,
        occurredAt: '2026-01-05T23:30:00Z',
        outcome: 'sale_lost',
        saleValue: 120,
        csat: 2,
        nps: 9,
        effort: 5,
      }),
      input({
        id: randomUUID(),
        customerId: ids.bob,
        occurredAt: '2026-01-05T10:00:00Z',
        expectation: 4,
        experience: 2,
      }),
      input({ id: randomUUID(), touchpointId: web.id, occurredAt: '2026-01-06T00:00:00Z', nps: 3, csat: 5 }),
      input({
        id: randomUUID(),
        customerId: ids.ann,
        occurredAt: '2026-01-06T08:00:00Z',
        csat: 4,
        expectation: 3,
        experience: 5,
      }),
    ];
    await db.transaction((tx) => recordInteractions(tx, batch, { source: 'api', loggedById: null }));
    await db.transaction((tx) => recordInteractions(tx, batch, { source: 'api', loggedById: null }));
    expect(await totalUnits()).toBe(4);
    expect(await drift()).toEqual(NONE);
  });

  it('after an edit re-applies the rules (new scores, day, touchpoint and customer)', async () => {
    const db = await getDb();
    const [row] = await db.select().from(interactions).where(eq(interactions.customerId, ids.bob));
    await db.transaction(async (tx) => {
      const [edited] = await tx
        .update(interactions)
        .set({
          experience: 5,
          csat: 1,
          occurredAt: new Date('2026-01-07T12:00:00Z'),
          touchpointId: web.id,
          customerId: ids.ann,
        })
        .where(eq(interactions.id, row!.id))
        .returning();
      await syncAutoDefects(tx, edited!, web);
    });
    expect(await drift()).toEqual(NONE);
  });

  it('after a defect is dismissed and brought back, with the open-defect counts recounted', async () => {
    const db = await getDb();
    const [defect] = await db.select().from(defects).where(eq(defects.autoRule, 'lost_sale'));
    await db.transaction(async (tx) => {
      await tx.update(defects).set({ status: 'dismissed', touched: true }).where(eq(defects.id, defect!.id));
      await recountOpenDefects(tx, [defect!.interactionId!]);
    });
    expect(await drift()).toEqual(NONE);
    await db.transaction(async (tx) => {
      await tx
        .update(defects)
        .set({ status: 'investigating', lostRevenue: '80.00', categoryId: ids.other })
        .where(eq(defects.id, defect!.id));
      await recountOpenDefects(tx, [defect!.interactionId!]);
    });
    expect(await drift()).toEqual(NONE);
    // The backlog's keys: an owner and a due date given, then taken away again.
    const someone = await createUser({ role: 'staff' });
    await db.update(defects).set({ ownerId: someone!.id, dueOn: '2026-01-20' }).where(eq(defects.id, defect!.id));
    expect(await drift()).toEqual(NONE);
    await db.update(defects).set({ ownerId: null, dueOn: null, status: 'closed' }).where(eq(defects.id, defect!.id));
    expect(await drift()).toEqual(NONE);
  });

  it('after a customer changes segment, and a manual defect of a customer who is then deleted', async () => {
    const db = await getDb();
    await db.update(customers).set({ segmentId: ids.flats }).where(eq(customers.id, ids.ann));
    expect(await drift()).toEqual(NONE);

    const [carl] = await db.insert(customers).values({ name: 'Carl', segmentId: ids.homes }).returning();
    await db.insert(defects).values({
      touchpointId: phone.id,
      customerId: carl!.id,
      categoryId: ids.other,
      kind: 'complaint',
      occurredAt: new Date('2026-01-08T09:00:00Z'),
      lostRevenue: '40',
    });
    expect(await drift()).toEqual(NONE);
    await db.delete(customers).where(eq(customers.id, carl!.id));
    expect(await drift()).toEqual(NONE);
  });

  it('after interactions are deleted with their defects', async () => {
    const db = await getDb();
    const rows = await db
      .select({ id: interactions.id })
      .from(interactions)
      .where(eq(interactions.touchpointId, web.id));
    await db.delete(interactions).where(
      inArray(
        interactions.id,
        rows.map((r) => r.id),
      ),
    );
    expect(await drift()).toEqual(NONE);
    expect(await totalUnits()).toBe(4 - rows.length);
  });

  it('keeps history when a touchpoint’s opportunities change, and restates it only on request, audited', async () => {
    const db = await getDb();
    const admin = await createUser({ role: 'admin' });
    signInAs(admin.id);
    const [before] = await db.insert(journeyStages).values({ name: 'Restate', position: 9 }).returning();
    const [kiosk] = await db
      .insert(touchpoints)
      .values({ name: 'Kiosk', stageId: before!.id, channel: 'in_person', opportunities: 4, ruleLowCsat: false })
      .returning();
    // Two interactions at 4 opportunities, one with a lost sale: DPMO 1 / 8 = 125,000.
    await db.transaction((tx) =>
      recordInteractions(
        tx,
        [
          input({ touchpointId: kiosk!.id, occurredAt: '2026-01-10T09:00:00Z', outcome: 'sale_lost', saleValue: 5 }),
          input({ touchpointId: kiosk!.id, occurredAt: '2026-01-10T10:00:00Z' }),
        ],
        { source: 'import', loggedById: null, allowInactiveTouchpoints: true },
      ),
    );
    const scope = {
      from: '2026-01-10',
      to: '2026-01-10',
      granularity: 'day' as const,
      touchpoint: [kiosk!.id],
      stage: [],
      channel: [],
      segment: [],
    };
    const dpmo = async () => (await getKpiSummary(scope)).current.dpmo.value;
    expect(await dpmo()).toBeCloseTo(125_000, 6);

    // The admin raises the opportunities to 8: past DPMO does not move, new interactions use 8.
    const form = touchpointForm(before!.id, {
      touchpointId: kiosk!.id,
      name: 'Kiosk',
      channel: 'in_person',
      opportunities: '8',
      ruleLowNps: undefined,
    });
    expect(await updateTouchpointAction(form)).toMatchObject({ ok: true });
    expect(await dpmo()).toBeCloseTo(125_000, 6);
    expect(await drift()).toEqual(NONE);
    const [fresh] = await db.transaction((tx) =>
      recordInteractions(tx, [input({ touchpointId: kiosk!.id, occurredAt: '2026-01-11T09:00:00Z' })], {
        source: 'api',
        loggedById: null,
      }).then((r) => r.ids),
    );
    const [stored] = await db.select().from(interactions).where(eq(interactions.id, fresh!));
    expect(stored!.opportunities).toBe(8);

    // Restating history: previewed, refused when the preview is stale, then applied and audited.
    const preview = (await previewRestatement(kiosk!.id))!;
    expect(preview).toMatchObject({ opportunities: 8, interactions: 3, interactionsToChange: 2, defects: 1 });
    expect(preview.before.opportunities).toBe(16);
    expect(preview.after.opportunities).toBe(24);
    expect(await restateOpportunitiesAction({ touchpointId: kiosk!.id, opportunities: 5 })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(await dpmo()).toBeCloseTo(125_000, 6);
    expect(await restateOpportunitiesAction({ touchpointId: kiosk!.id, opportunities: 8 })).toMatchObject({
      ok: true,
      data: { changed: 2 },
    });
    expect(await dpmo()).toBeCloseTo(62_500, 6);
    expect(await drift()).toEqual(NONE);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, kiosk!.id), eq(auditEvents.action, 'touchpoint.history_restated')));
    expect(event).toMatchObject({
      actorId: admin.id,
      before: { opportunities: 16 },
      after: { opportunities: 24, interactionsChanged: 2 },
    });
    // Staff and managers may not restate.
    signInAs((await createUser({ role: 'manager' })).id);
    expect(await restateOpportunitiesAction({ touchpointId: kiosk!.id, opportunities: 8 })).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('after an edit moves a triaged defect with its interaction', async () => {
    const db = await getDb();
    await db.transaction(async (tx) => {
      await recordInteractions(
        tx,
        [input({ id: randomUUID(), customerId: ids.ann, occurredAt: '2026-01-12T08:00:00Z', csat: 1 })],
        {
          source: 'staff',
          loggedById: null,
        },
      );
    });
    const [target] = await db
      .select()
      .from(interactions)
      .where(sql`${interactions.occurredAt} = '2026-01-12T08:00:00Z'`);
    await db.update(defects).set({ touched: true, status: 'action' }).where(eq(defects.interactionId, target!.id));
    await db.transaction(async (tx) => {
      const [edited] = await tx
        .update(interactions)
        .set({ occurredAt: new Date('2026-01-13T08:00:00Z'), touchpointId: web.id, customerId: ids.bob })
        .where(eq(interactions.id, target!.id))
        .returning();
      await syncAutoDefects(tx, edited!, web);
    });
    const linked = await db.select().from(defects).where(eq(defects.interactionId, target!.id));
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((d) => d.touchpointId === web.id && d.customerId === ids.bob)).toBe(true);
    expect(await drift()).toEqual(NONE);
  });

  it('after a duplicate customer in another segment is merged, history and defects moved', async () => {
    const db = await getDb();
    const [dup] = await db.insert(customers).values({ name: 'Ann B', segmentId: ids.homes }).returning();
    await db.transaction((tx) =>
      recordInteractions(
        tx,
        [
          input({
            id: randomUUID(),
            customerId: dup!.id,
            occurredAt: '2026-01-09T09:00:00Z',
            outcome: 'sale_lost',
            saleValue: 70,
          }),
          input({ id: randomUUID(), customerId: dup!.id, occurredAt: '2026-01-10T09:00:00Z', csat: 5, nps: 10 }),
        ],
        { source: 'api', loggedById: null },
      ),
    );
    await db.insert(defects).values({
      touchpointId: phone.id,
      customerId: dup!.id,
      categoryId: ids.other,
      kind: 'complaint',
      occurredAt: new Date('2026-01-11T09:00:00Z'),
      lostRevenue: '15',
    });
    expect(await drift()).toEqual(NONE);
    const manager = await createUser({ role: 'manager' });
    const actor = { ...manager, name: 'M', role: 'manager' as const, mustChangePassword: false, language: null };
    const result = await mergeCustomers(actor, { keepId: ids.ann, duplicateId: dup!.id });
    expect(result).toMatchObject({ movedInteractions: 2, movedDefects: 2 });
    expect(await drift()).toEqual(NONE);
    const [{ n }] = (await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from (select 1 from metrics_daily where segment_id = ${ids.homes} group by day, touchpoint_id having sum(units) <> 0) k`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('notices a rollup that is off by one (so the checks above can fail)', async () => {
    const db = await getDb();
    const first = sql`(day, touchpoint_id) = (select day, touchpoint_id from metrics_daily where units > 0 order by day, touchpoint_id limit 1)`;
    await db.execute(sql`update metrics_daily set units = units + 1 where ${first}`);
    expect((await drift())!.a).toBe(1);
    await db.execute(sql`update metrics_daily set units = units - 1 where ${first}`);
    expect(await drift()).toEqual(NONE);
  });

  it('lets two writers on one touchpoint and day run side by side, and folds only committed deltas', async () => {
    const db = await getDb();
    const deltas = async () =>
      (await selectRows<{ n: number }>(db, sql`select count(*)::int as n from metrics_daily where delta`))[0]!.n;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let wrote = () => {};
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const first = db.transaction(async (tx) => {
      await recordInteractions(tx, [input({ occurredAt: '2026-02-10T10:00:00Z', csat: 5 })], {
        source: 'api',
        loggedById: null,
      });
      wrote();
      await held;
    });
    await written;
    // The second writer does not wait for the first: with an upsert it would queue on the row lock.
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local lock_timeout = '2s'`);
      await recordInteractions(tx, [input({ occurredAt: '2026-02-10T11:00:00Z', csat: 1 })], {
        source: 'api',
        loggedById: null,
      });
    });
    await db.execute(sql`select fold_metric_rollups()`);
    expect(await deltas()).toBe(0);
    release();
    await first;
    // The running writer's deltas were invisible to the fold: they stay, and count, until the next one.
    expect(await deltas()).toBeGreaterThan(0);
    expect(await drift()).toEqual(NONE);
    await db.execute(sql`select fold_metric_rollups()`);
    expect(await deltas()).toBe(0);
    expect(await drift()).toEqual(NONE);
    const [{ n }] = (await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from (select 1 from metrics_daily group by day, touchpoint_id, segment_id having count(*) > 1) k`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('rebuilds every rollup from the base tables to the same numbers, folded', async () => {
    const db = await getDb();
    await db.execute(sql`select rebuild_metric_rollups()`);
    expect(await drift()).toEqual(NONE);
    const [{ n }] = (await selectRows<{ n: number }>(
      db,
      sql`select (select count(*) from metrics_daily where delta) + (select count(*) from metrics_monthly where delta)
               + (select count(*) from defect_category_daily where delta) + (select count(*) from defect_category_monthly where delta)
               + (select count(*) from trend_daily where delta) + (select count(*) from trend_total_daily where delta)
               + (select count(*) from category_total_daily where delta) + (select count(*) from category_total_monthly where delta)
               + (select count(*) from defect_backlog_daily where delta) as n`,
    )) as [{ n: number }];
    expect(Number(n)).toBe(0);
  });

  it('and a rolled-back write leaves them untouched', async () => {
    const db = await getDb();
    const before = await totalUnits();
    await expect(
      db.transaction(async (tx) => {
        await recordInteractions(tx, [input({ csat: 1 })], { source: 'api', loggedById: null });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await totalUnits()).toBe(before);
    expect(await drift()).toEqual(NONE);
  });
});
