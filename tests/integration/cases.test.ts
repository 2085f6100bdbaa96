import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { selectRows } from '@/db/client';
import {
  caseEvents,
  caseSignals,
  cases,
  defects,
  journeyStages,
  touchpoints,
  type Touchpoint,
  type User,
} from '@/db/schema';
import {
  evaluateCaseAction,
  linkDefectsToCaseAction,
  openCaseAction,
  updateCaseAction,
} from '@/app/(app)/cases/actions';
import { updateDefectAction } from '@/app/(app)/defects/actions';
import { evaluateMonitoredCharts } from '@/lib/cases/evaluate-charts';
import { evaluateMonitoringCases, getCaseProof, proofRanges } from '@/lib/cases/proof';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { interactionInputSchema } from '@/lib/validation/interactions';
import { addDays } from '@/lib/dates';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';

// 2026-03-31 06:00 UTC: the last closed day is 2026-03-30; the daily window starts 2026-03-03.
const NOW = new Date('2026-03-31T06:00:00Z');
const FIRST_DAY = '2026-03-03';

let checkout: Touchpoint;
let support: Touchpoint;
let delivery: Touchpoint;
let manager: User;
let owner: User;
let otherStaff: User;

/** `n` interactions on a touchpoint on one day, `lost` of them lost sales (each raises a defect). */
async function day(touchpoint: Touchpoint, date: string, n: number, lost: number) {
  const db = await getDb();
  const inputs = Array.from({ length: n }, (_, i) =>
    interactionInputSchema.parse({
      id: randomUUID(),
      touchpointId: touchpoint.id,
      outcome: i < lost ? 'sale_lost' : 'sale_won',
      saleValue: '100',
      occurredAt: new Date(`${date}T${String(8 + (i % 10)).padStart(2, '0')}:00:00Z`),
    }),
  );
  await db.transaction((tx) => recordInteractions(tx, inputs, { source: 'import', loggedById: null }));
}

async function days(
  touchpoint: Touchpoint,
  from: string,
  to: string,
  n: number,
  lost: (date: string, i: number) => number,
) {
  let i = 0;
  for (let date = from; date <= to; date = addDays(date, 1), i += 1) await day(touchpoint, date, n, lost(date, i));
}

beforeAll(async () => {
  const db = await getDb();
  manager = await createUser({ role: 'manager' });
  owner = await createUser({ role: 'staff' });
  otherStaff = await createUser({ role: 'staff' });
  const [purchase, service] = await db
    .insert(journeyStages)
    .values([
      { name: 'Purchase', position: 0 },
      { name: 'Service', position: 1 },
    ])
    .returning();
  [checkout, support, delivery] = (await db
    .insert(touchpoints)
    .values([
      { name: 'Checkout', stageId: purchase!.id, channel: 'web', ownerId: owner.id },
      { name: 'Support line', stageId: service!.id, channel: 'phone' },
      { name: 'Delivery', stageId: service!.id, channel: 'other' },
    ])
    .returning()) as [Touchpoint, Touchpoint, Touchpoint];

  // Enough a day for n·p̄ ≥ 5, so every chart runs on daily subgroups.
  // Checkout: 60 a day at 10 % for four weeks, with a special cause on 2026-03-28 (24 of 60).
  await days(checkout, FIRST_DAY, '2026-03-30', 60, (date) => (date === '2026-03-28' ? 24 : 6));
  // Support line: 80 a day at 20 % before its fix on 2026-02-15, then about 8 %, for the proof.
  await days(support, '2026-02-03', '2026-02-14', 80, (_, i) => (i % 2 ? 17 : 15));
  await days(support, '2026-02-15', '2026-03-30', 80, (_, i) => (i % 3 === 0 ? 7 : 6));
  // Delivery: 60 a day at 10 % before and after its "fix" on 2026-03-01: nothing changed.
  await days(delivery, '2026-02-17', '2026-03-30', 60, (_, i) => (i % 2 ? 7 : 5));
}, 300_000);

beforeEach(() => signInAs(manager.id));

async function casesOn(key: string) {
  const db = await getDb();
  return db.select().from(cases).where(eq(cases.chartKey, key)).orderBy(asc(cases.createdAt));
}

describe('monitored charts', () => {
  it('opens exactly one case for a special cause, owned by the touchpoint owner, with its defects', async () => {
    const db = await getDb();
    const summary = await evaluateMonitoredCharts({ db, now: NOW });
    expect(summary.opened).toBe(1);
    const all = await db.select().from(cases);
    expect(all).toHaveLength(1);
    const [opened] = all;
    expect(opened).toMatchObject({
      chartKey: `touchpoint:${checkout.id}`,
      origin: 'signal',
      status: 'open',
      ownerId: owner.id,
      subgroup: 'day',
    });
    expect(opened!.signal).toMatchObject({ period: '2026-03-28', rule: 'beyond-3-sigma', n: 60, d: 24, p: 0.4 });
    expect(opened!.signal!.ucl!).toBeLessThan(0.4);
    // The 24 lost sales of that day are linked, and nothing else.
    const [linked] = await db.select({ n: count() }).from(defects).where(eq(defects.caseId, opened!.id));
    expect(linked!.n).toBe(24);
    // The Purchase stage and the company signalled on the same day: recorded on the same case.
    const signals = await db.select().from(caseSignals).where(eq(caseSignals.caseId, opened!.id));
    expect(signals.map((s) => s.chartKey).sort()).toEqual(
      ['company', `stage:${checkout.stageId}`, `touchpoint:${checkout.id}`].sort(),
    );
  });

  it('records nothing twice when evaluated again', async () => {
    const db = await getDb();
    const summary = await evaluateMonitoredCharts({ db, now: NOW });
    expect(summary).toMatchObject({ signals: 0, opened: 0, added: 0 });
    expect(await db.select().from(cases)).toHaveLength(1);
  });

  it('adds a second signal to the open case instead of opening another', async () => {
    const db = await getDb();
    await day(checkout, '2026-03-31', 60, 27);
    const summary = await evaluateMonitoredCharts({ db, now: new Date('2026-04-01T06:00:00Z') });
    expect(summary.opened).toBe(0);
    expect(summary.added).toBeGreaterThanOrEqual(1);
    const open = await casesOn(`touchpoint:${checkout.id}`);
    expect(open).toHaveLength(1);
    const [linked] = await db.select({ n: count() }).from(defects).where(eq(defects.caseId, open[0]!.id));
    expect(linked!.n).toBe(24 + 27);
    const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, open[0]!.id));
    expect(events.map((e) => e.type)).toContain('signal');
  });
});

describe('the workflow, roles and conflicts', () => {
  it('lets the owner investigate, refuses another staff member, and refuses a stale edit with 409', async () => {
    const [row] = await casesOn(`touchpoint:${checkout.id}`);
    signInAs(otherStaff.id);
    const refused = await updateCaseAction({ id: row!.id, version: row!.version, status: 'investigating' });
    expect(refused).toMatchObject({ ok: false, status: 403 });

    signInAs(owner.id);
    const moved = await updateCaseAction({
      id: row!.id,
      version: row!.version,
      status: 'investigating',
      rootCause: 'Payment page timed out',
    });
    expect(moved).toMatchObject({ ok: true });
    // Staff may not set manager fields.
    const title = await updateCaseAction({ id: row!.id, version: row!.version + 1, title: 'Mine now' });
    expect(title).toMatchObject({ ok: false, status: 403 });

    signInAs(manager.id);
    const stale = await updateCaseAction({ id: row!.id, version: row!.version, rootCause: 'Something else' });
    expect(stale).toMatchObject({ ok: false, status: 409 });
    if (!stale.ok) expect(stale.fieldErrors?.rootCause?.[0]).toContain('Payment page timed out');
  });

  it('needs a root cause before action, an effective date before monitoring, and a reason to close unproved', async () => {
    const db = await getDb();
    const [opened] = (await db
      .insert(cases)
      .values({ title: 'Manual', chartKey: 'manual-test', scope: 'company', origin: 'manual' })
      .returning()) as [typeof cases.$inferSelect];
    const noCause = await updateCaseAction({ id: opened.id, version: 1, status: 'investigating' });
    expect(noCause.ok).toBe(true);
    const action = await updateCaseAction({ id: opened.id, version: 2, status: 'action' });
    expect(action).toMatchObject({ ok: false, status: 422 });
    if (!action.ok) expect(action.fieldErrors?.rootCause).toBeDefined();
    const monitoring = await updateCaseAction({
      id: opened.id,
      version: 2,
      status: 'action',
      rootCause: 'Cause',
    });
    expect(monitoring.ok).toBe(true);
    const noDate = await updateCaseAction({
      id: opened.id,
      version: 3,
      status: 'monitoring',
      correctiveAction: 'Fix',
    });
    expect(noDate).toMatchObject({ ok: false, status: 422 });
    if (!noDate.ok) expect(noDate.fieldErrors?.effectiveOn).toBeDefined();
    const proved = await updateCaseAction({ id: opened.id, version: 3, status: 'proved' as never });
    expect(proved).toMatchObject({ ok: false, status: 422 });
    const close = await updateCaseAction({ id: opened.id, version: 3, status: 'closed' });
    expect(close).toMatchObject({ ok: false, status: 422 });
    if (!close.ok) expect(close.fieldErrors?.closeReason).toBeDefined();
    const closed = await updateCaseAction({
      id: opened.id,
      version: 3,
      status: 'closed',
      closeReason: 'Duplicate of another case',
    });
    expect(closed.ok).toBe(true);
    const [row] = await db.select().from(cases).where(eq(cases.id, opened.id));
    expect(row).toMatchObject({ status: 'closed', closeReason: 'Duplicate of another case', version: 4 });
    expect(row!.closedAt).not.toBeNull();
    const history = await db.select().from(caseEvents).where(eq(caseEvents.caseId, opened.id));
    expect(history).toHaveLength(3);
  });

  it('lets only managers open cases and link defects', async () => {
    signInAs(owner.id);
    expect(await openCaseAction({ scope: 'touchpoint', touchpointId: delivery.id })).toMatchObject({
      ok: false,
      status: 403,
    });
    const [row] = await casesOn(`touchpoint:${checkout.id}`);
    expect(await linkDefectsToCaseAction({ id: row!.id, items: [`${randomUUID()}:1`] })).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});

describe('proof of the fix', () => {
  it('proves a fix whose rate truly fell, and closes its verified defects', async () => {
    const db = await getDb();
    const opened = await openCaseAction({ scope: 'touchpoint', touchpointId: support.id, period: '2026-02-10' });
    expect(opened).toMatchObject({ ok: true, data: { existing: false } });
    if (!opened.ok) return;
    const [linkedDefect] = await db.select().from(defects).where(eq(defects.caseId, opened.data.id)).limit(1);
    expect(linkedDefect).toBeDefined();
    // Work the linked defect to verified: it cannot be closed until the case is proved.
    for (const [status, version] of [
      ['investigating', 1],
      ['action', 2],
    ] as const)
      expect((await updateDefectAction({ id: linkedDefect!.id, version, status })).ok).toBe(true);
    expect(
      (await updateDefectAction({ id: linkedDefect!.id, version: 3, status: 'verified', correctiveAction: 'Script' }))
        .ok,
    ).toBe(true);
    const early = await updateDefectAction({ id: linkedDefect!.id, version: 4, status: 'closed' });
    expect(early).toMatchObject({ ok: false, status: 422 });

    let version = 1;
    for (const patch of [
      { status: 'investigating', rootCause: 'Calls queued behind a broken menu' },
      { status: 'action' },
      { status: 'monitoring', correctiveAction: 'Rebuilt the phone menu', effectiveOn: '2026-02-15' },
    ] as const) {
      const result = await updateCaseAction({ id: opened.data.id, version, ...patch });
      expect(result).toMatchObject({ ok: true });
      version += 1;
    }
    const summary = await evaluateMonitoringCases({ db, now: NOW });
    expect(summary.proved).toBe(1);
    const [row] = await db.select().from(cases).where(eq(cases.id, opened.data.id));
    expect(row!.status).toBe('proved');
    expect(row!.verdict!.text).toMatch(/^The defect rate fell from 20\.0 % to 7\.9 %; p < 0\.001; proved\.$/);
    const proof = await getCaseProof(db, row!, NOW);
    expect(proof!.staged.before.centre).toBeCloseTo(0.2, 6);
    expect(proof!.staged.after.centre!).toBeLessThan(0.09);
    expect(proof!.test!.test).toBe('two-proportion-z');
    expect(proof!.before.costOfPoorQuality).toBeGreaterThan(proof!.after.costOfPoorQuality / 2);
    const [closed] = await db.select().from(defects).where(eq(defects.id, linkedDefect!.id));
    expect(closed!.status).toBe('closed');
    // Closing a proved case needs no reason.
    expect(await updateCaseAction({ id: row!.id, version: row!.version, status: 'closed' })).toMatchObject({
      ok: true,
    });
  });

  it('finds a fix not effective when the rate did not fall', async () => {
    const db = await getDb();
    const opened = await openCaseAction({ scope: 'touchpoint', touchpointId: delivery.id });
    if (!opened.ok) throw new Error(opened.message);
    let version = 1;
    for (const patch of [
      { status: 'investigating', rootCause: 'Couriers late' },
      { status: 'action' },
      { status: 'monitoring', correctiveAction: 'New courier', effectiveOn: '2026-03-01' },
    ] as const) {
      expect((await updateCaseAction({ id: opened.data.id, version, ...patch })).ok).toBe(true);
      version += 1;
    }
    const result = await evaluateCaseAction({ id: opened.data.id });
    expect(result).toMatchObject({ ok: true, data: { outcome: 'not_effective', moved: true } });
    const [row] = await db.select().from(cases).where(eq(cases.id, opened.data.id));
    expect(row!.status).toBe('not_effective');
    expect(row!.verdict!.text).toMatch(/; not effective\.$/);
  });

  it('opens a case from a selection of defects on their common touchpoint, or adds them to its open case', async () => {
    const db = await getDb();
    const picked = await db
      .select({ id: defects.id, version: defects.version })
      .from(defects)
      .where(and(eq(defects.touchpointId, delivery.id), isNotNull(defects.id)))
      .limit(3);
    const result = await openCaseAction({ items: picked.map((d) => `${d.id}:${d.version}`) });
    // Delivery already has an active (not effective) case: the defects join it.
    expect(result).toMatchObject({ ok: true, data: { existing: true, linked: 3 } });
  });

  it("states each stage's figures as a recount of the base tables gives them, unchanged by a later opportunities change", async () => {
    const db = await getDb();
    const row = {
      scope: 'touchpoint' as const,
      stageId: support.stageId,
      touchpointId: support.id,
      categoryId: null,
      subgroup: 'day' as const,
      effectiveOn: '2026-02-15',
      closedAt: null,
    };
    const ranges = proofRanges(row.effectiveOn, row.subgroup, '2026-03-31');
    /** Interactions, their stored opportunities, counted defects and lost revenue, from the base tables. */
    const recount = async (from: string, to: string) => {
      const [r] = await selectRows<{ units: number; opportunities: number; defects: number; lost: number }>(
        db,
        sql`select (select count(*)::float8 from interactions where touchpoint_id = ${support.id}
                      and occurred_at >= ${from}::date and occurred_at < ${to}::date + 1) as units,
                   (select coalesce(sum(opportunities), 0)::float8 from interactions where touchpoint_id = ${support.id}
                      and occurred_at >= ${from}::date and occurred_at < ${to}::date + 1) as opportunities,
                   count(*)::float8 as defects, coalesce(sum(lost_revenue), 0)::float8 as lost
            from defects where touchpoint_id = ${support.id} and status <> 'dismissed'
              and occurred_at >= ${from}::date and occurred_at < ${to}::date + 1`,
      );
      return r!;
    };
    const proof = (await getCaseProof(db, row, NOW))!;
    for (const stage of ['before', 'after'] as const) {
      const figures = proof[stage];
      const base = await recount(ranges[stage].from, ranges[stage].to);
      expect(figures.interactions).toBe(base.units);
      expect(figures.defects).toBe(base.defects);
      // Lost sales of £100 each: the cost of poor quality is theirs, before T as after it.
      expect(base.lost).toBeGreaterThan(0);
      expect(figures.costOfPoorQuality).toBeCloseTo(base.lost, 2);
      expect(figures.dpmo.value).toBeCloseTo((base.defects / base.opportunities) * 1e6, 6);
    }
    // Opportunities are fixed when an interaction is stored: a later change of the touchpoint's
    // value leaves the proof's DPMO and sigma as they were.
    await db.update(touchpoints).set({ opportunities: 9 }).where(eq(touchpoints.id, support.id));
    try {
      const again = (await getCaseProof(db, row, NOW))!;
      expect(again.before.dpmo).toEqual(proof.before.dpmo);
      expect(again.after.sigma).toEqual(proof.after.sigma);
    } finally {
      await db.update(touchpoints).set({ opportunities: support.opportunities }).where(eq(touchpoints.id, support.id));
    }
  });
});
