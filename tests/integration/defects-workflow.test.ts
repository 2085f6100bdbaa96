import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  defectCategories,
  defectEvents,
  defects,
  interactions,
  companySettings,
  journeyStages,
  touchpoints,
  type Touchpoint,
  type User,
} from '@/db/schema';
import {
  bulkAssignDefectsAction,
  bulkMoveDefectsAction,
  commentOnDefectAction,
  createManualDefectAction,
  updateDefectAction,
} from '@/app/(app)/defects/actions';
import { isAllowedMove } from '@/lib/defects/workflow';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { interactionInputSchema } from '@/lib/validation/interactions';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { DEFECT_STATUSES } from '@/lib/enums';

let till: Touchpoint;
let categoryId: string;
let manager: User;
let staff: User;
let otherStaff: User;

beforeAll(async () => {
  const db = await getDb();
  const [stage] = await db.insert(journeyStages).values({ name: 'Purchase', position: 0 }).returning();
  [till] = (await db
    .insert(touchpoints)
    .values({ name: 'Till', stageId: stage!.id, channel: 'in_person' })
    .returning()) as [Touchpoint];
  const [category] = await db.insert(defectCategories).values({ name: 'Long wait' }).returning();
  categoryId = category!.id;
  manager = await createUser({ role: 'manager' });
  staff = await createUser({ role: 'staff' });
  otherStaff = await createUser({ role: 'staff' });
});

beforeEach(() => signInAs(manager.id));

/** A lost sale on the till, with the auto defect it raises. */
async function lostSale(occurredAt = new Date('2026-03-10T12:00:00Z')) {
  const db = await getDb();
  const id = randomUUID();
  await db.transaction((tx) =>
    recordInteractions(
      tx,
      [interactionInputSchema.parse({ id, touchpointId: till.id, outcome: 'sale_lost', saleValue: '500', occurredAt })],
      { source: 'staff', loggedById: null },
    ),
  );
  const [defect] = await db.select().from(defects).where(eq(defects.interactionId, id));
  return defect!;
}

async function defectRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(defects).where(eq(defects.id, id));
  return row!;
}

async function eventsOf(id: string) {
  const db = await getDb();
  return db.select().from(defectEvents).where(eq(defectEvents.defectId, id)).orderBy(asc(defectEvents.createdAt));
}

async function openCount(interactionId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ n: interactions.openDefectCount })
    .from(interactions)
    .where(eq(interactions.id, interactionId));
  return row!.n;
}

describe('the workflow, as a manager', () => {
  it('allows exactly the moves of the transition table and refuses the rest, writing nothing', async () => {
    const db = await getDb();
    const defect = await lostSale();
    for (const from of DEFECT_STATUSES) {
      for (const to of DEFECT_STATUSES) {
        if (from === to) continue;
        await db
          .update(defects)
          .set({
            status: from,
            correctiveAction: 'Fixed the till queue',
            dismissReason: from === 'dismissed' ? 'Duplicate' : null,
          })
          .where(eq(defects.id, defect.id));
        const before = await defectRow(defect.id);
        const result = await updateDefectAction({
          id: defect.id,
          version: before.version,
          status: to,
          ...(to === 'dismissed' ? { dismissReason: 'A test call' } : {}),
        });
        const after = await defectRow(defect.id);
        if (isAllowedMove(from, to)) {
          expect(result, `${from} → ${to}`).toMatchObject({ ok: true });
          expect(after.status).toBe(to);
          expect(after.version).toBe(before.version + 1);
        } else {
          expect(result, `${from} → ${to}`).toMatchObject({
            ok: false,
            status: 422,
            fieldErrors: { status: [expect.stringMatching(/cannot move/)] },
          });
          expect(after).toEqual(before);
        }
      }
    }
  });

  it('refuses verified without a corrective action, and accepts it when the same edit records one', async () => {
    const db = await getDb();
    const defect = await lostSale();
    await db.update(defects).set({ status: 'action' }).where(eq(defects.id, defect.id));
    const refused = await updateDefectAction({ id: defect.id, version: 1, status: 'verified' });
    expect(refused).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { correctiveAction: ['Record the corrective action before marking the defect verified.'] },
    });
    expect((await defectRow(defect.id)).status).toBe('action');
    const saved = await updateDefectAction({
      id: defect.id,
      version: 1,
      status: 'verified',
      correctiveAction: 'Second till opens at lunchtime',
    });
    expect(saved).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await defectRow(defect.id)).toMatchObject({
      status: 'verified',
      correctiveAction: 'Second till opens at lunchtime',
      touched: true,
    });
  });

  it('dismisses with a reason and reopens, keeping the interaction count true and recording both', async () => {
    const defect = await lostSale();
    expect(await openCount(defect.interactionId!)).toBe(1);
    expect(await updateDefectAction({ id: defect.id, version: 1, status: 'dismissed' })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { dismissReason: expect.any(Array) },
    });
    expect(
      await updateDefectAction({
        id: defect.id,
        version: 1,
        status: 'dismissed',
        dismissReason: 'Customer came back next day',
      }),
    ).toMatchObject({ ok: true });
    expect(await openCount(defect.interactionId!)).toBe(0);
    expect(await updateDefectAction({ id: defect.id, version: 2, status: 'open' })).toMatchObject({ ok: true });
    expect(await openCount(defect.interactionId!)).toBe(1);
    const row = await defectRow(defect.id);
    expect(row).toMatchObject({ status: 'open', dismissReason: null, version: 3, touched: true });
    const events = await eventsOf(defect.id);
    expect(events.map((e) => e.type)).toEqual(['status', 'reopened']);
    expect(events[0]).toMatchObject({
      actorId: manager.id,
      changes: {
        status: { from: 'open', to: 'dismissed' },
        dismissReason: { from: null, to: 'Customer came back next day' },
      },
    });
    expect(events[1]!.changes).toMatchObject({ status: { from: 'dismissed', to: 'open' } });
  });

  it('assigns, sets severity, due date and category in one edit with one history event', async () => {
    const defect = await lostSale();
    const result = await updateDefectAction({
      id: defect.id,
      version: 1,
      ownerId: staff.id,
      severity: 'major',
      dueOn: '2026-03-20',
      categoryId,
      comment: 'Please call them back',
    });
    expect(result).toMatchObject({ ok: true });
    expect(await defectRow(defect.id)).toMatchObject({
      ownerId: staff.id,
      severity: 'major',
      dueOn: '2026-03-20',
      categoryId,
    });
    const [event] = await eventsOf(defect.id);
    expect(event).toMatchObject({
      type: 'updated',
      comment: 'Please call them back',
      changes: { ownerId: { from: null, to: staff.id }, severity: { from: 'minor', to: 'major' } },
    });
  });
});

describe('bad input is refused with a message by the field, and nothing is written', () => {
  it.each([
    [{ lostRevenue: '-5' }, 'lostRevenue', /cannot be negative/],
    [{ ownerId: randomUUID() }, 'ownerId', /active person/],
    [{ dueOn: '2026-03-09' }, 'dueOn', /before the defect occurred/],
    [{ dueOn: '2026-02-30' }, 'dueOn', /does not exist/],
    [{ categoryId: randomUUID() }, 'categoryId', /category/],
    [{ status: 'finished' }, 'status', /valid status/],
  ])('%o', async (values, field, message) => {
    const defect = await lostSale();
    const result = await updateDefectAction({ id: defect.id, version: 1, ...values });
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (!result.ok) expect(result.fieldErrors?.[field]?.[0]).toMatch(message);
    expect(await defectRow(defect.id)).toEqual(defect);
    expect(await eventsOf(defect.id)).toHaveLength(0);
  });

  it('refuses an inactive owner', async () => {
    const gone = await createUser({ role: 'staff', active: false });
    const defect = await lostSale();
    expect(await updateDefectAction({ id: defect.id, version: 1, ownerId: gone.id })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { ownerId: expect.any(Array) },
    });
  });
});

describe('concurrency', () => {
  it('lets exactly one of two concurrent edits from the same version win, and tells the other', async () => {
    const defect = await lostSale();
    const results = await Promise.all([
      updateDefectAction({ id: defect.id, version: 1, rootCause: 'Only one till open' }),
      updateDefectAction({ id: defect.id, version: 1, rootCause: 'Card reader down' }),
    ]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]).toMatchObject({ status: 409, message: expect.stringMatching(/nothing of yours was saved/) });
    const row = await defectRow(defect.id);
    expect(row.version).toBe(2);
    const winnerIndex = results.indexOf(winners[0]!);
    expect(row.rootCause).toBe(winnerIndex === 0 ? 'Only one till open' : 'Card reader down');
    expect(await eventsOf(defect.id)).toHaveLength(1);
  });

  it('refuses a stale edit with the current values beside the fields', async () => {
    const defect = await lostSale();
    expect(
      await updateDefectAction({ id: defect.id, version: 1, rootCause: 'Only one till open', ownerId: staff.id }),
    ).toMatchObject({ ok: true });
    const stale = await updateDefectAction({
      id: defect.id,
      version: 1,
      rootCause: 'Card reader down',
      status: 'investigating',
    });
    expect(stale).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringMatching(/It is now Open, owned by staff user \d+ \(version 2\)/),
      fieldErrors: {
        rootCause: ['Changed meanwhile; it is now “Only one till open”.'],
        status: ['Changed meanwhile; it is now Open.'],
      },
    });
    expect(await defectRow(defect.id)).toMatchObject({ rootCause: 'Only one till open', status: 'open', version: 2 });
  });
});

describe('staff', () => {
  async function assignedTo(user: User) {
    const db = await getDb();
    const defect = await lostSale();
    await db.update(defects).set({ ownerId: user.id }).where(eq(defects.id, defect.id));
    return defectRow(defect.id);
  }

  it('work a defect assigned to them through to verified', async () => {
    const defect = await assignedTo(staff);
    signInAs(staff.id);
    expect(
      await updateDefectAction({
        id: defect.id,
        version: 1,
        status: 'investigating',
        rootCause: 'Why? Queue.\nWhy? One till.',
      }),
    ).toMatchObject({ ok: true });
    expect(await updateDefectAction({ id: defect.id, version: 2, status: 'action' })).toMatchObject({ ok: true });
    expect(
      await updateDefectAction({
        id: defect.id,
        version: 3,
        status: 'verified',
        correctiveAction: 'Open a second till',
      }),
    ).toMatchObject({ ok: true });
    expect(await commentOnDefectAction({ id: defect.id, comment: 'Queue times halved' })).toMatchObject({ ok: true });
    expect(await defectRow(defect.id)).toMatchObject({ status: 'verified', version: 4 });
    expect((await eventsOf(defect.id)).map((e) => [e.type, e.actorId])).toEqual([
      ['status', staff.id],
      ['status', staff.id],
      ['status', staff.id],
      ['comment', staff.id],
    ]);
  });

  it('get 403 on a defect that is not theirs, whatever they send', async () => {
    const defect = await assignedTo(otherStaff);
    signInAs(staff.id);
    for (const values of [{ rootCause: 'x' }, { status: 'investigating' }, { ownerId: staff.id }, { version: 99 }]) {
      expect(await updateDefectAction({ id: defect.id, version: 1, ...values })).toMatchObject({
        ok: false,
        status: 403,
      });
    }
    expect(await commentOnDefectAction({ id: defect.id, comment: 'mine now' })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await defectRow(defect.id)).toEqual(defect);
    expect(await eventsOf(defect.id)).toHaveLength(0);
  });

  it('get 403 for a manager’s move or field on their own defect', async () => {
    const db = await getDb();
    const defect = await assignedTo(staff);
    await db.update(defects).set({ status: 'verified', correctiveAction: 'Done' }).where(eq(defects.id, defect.id));
    signInAs(staff.id);
    expect(await updateDefectAction({ id: defect.id, version: 1, status: 'closed' })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await updateDefectAction({ id: defect.id, version: 1, severity: 'critical' })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await updateDefectAction({ id: defect.id, version: 1, ownerId: otherStaff.id })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await updateDefectAction({ id: defect.id, version: 1, dueOn: '2026-04-01' })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await bulkAssignDefectsAction({ items: [`${defect.id}:1`], ownerId: staff.id })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await bulkMoveDefectsAction({ items: [`${defect.id}:1`], status: 'closed' })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(
      await createManualDefectAction({ touchpointId: till.id, categoryId, kind: 'complaint', title: 'Letter' }),
    ).toMatchObject({ ok: false, status: 403 });
    expect(await defectRow(defect.id)).toMatchObject({
      status: 'verified',
      severity: 'minor',
      ownerId: staff.id,
      version: 1,
    });
  });

  it('are refused when signed out', async () => {
    const defect = await lostSale();
    signInAs(null);
    expect(await updateDefectAction({ id: defect.id, version: 1, rootCause: 'x' })).toMatchObject({
      ok: false,
      status: 401,
    });
  });
});

describe('bulk actions', () => {
  it('assign every selected defect, with a history event each', async () => {
    const rows = [await lostSale(), await lostSale(), await lostSale()];
    const result = await bulkAssignDefectsAction({ items: rows.map((r) => `${r.id}:${r.version}`), ownerId: staff.id });
    expect(result).toMatchObject({ ok: true, data: { changed: 3 } });
    for (const row of rows) {
      expect(await defectRow(row.id)).toMatchObject({ ownerId: staff.id, version: 2, touched: true });
      expect(await eventsOf(row.id)).toMatchObject([
        { type: 'assigned', changes: { ownerId: { from: null, to: staff.id } } },
      ]);
    }
  });

  it('change nothing when one selected defect is stale', async () => {
    const [a, b] = [await lostSale(), await lostSale()];
    expect(await updateDefectAction({ id: b.id, version: 1, severity: 'critical' })).toMatchObject({ ok: true });
    const result = await bulkAssignDefectsAction({ items: [`${a.id}:1`, `${b.id}:1`], ownerId: staff.id });
    expect(result).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringMatching(/1 of the selected defects were changed/),
    });
    expect((await defectRow(a.id)).ownerId).toBeNull();
    expect((await defectRow(b.id)).ownerId).toBeNull();
  });

  it('move all or none, and keep interaction counts true on dismissal', async () => {
    const db = await getDb();
    const [a, b] = [await lostSale(), await lostSale()];
    await db.update(defects).set({ status: 'closed' }).where(eq(defects.id, b.id));
    const refused = await bulkMoveDefectsAction({ items: [`${a.id}:1`, `${b.id}:1`], status: 'investigating' });
    expect(refused).toMatchObject({
      ok: false,
      status: 422,
      message: expect.stringMatching(/Nothing was changed\. 1 × A defect cannot move from Closed to Investigating/),
    });
    expect((await defectRow(a.id)).status).toBe('open');

    expect(await bulkMoveDefectsAction({ items: [`${a.id}:1`], status: 'dismissed' })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { dismissReason: expect.any(Array) },
    });
    const dismissed = await bulkMoveDefectsAction({
      items: [`${a.id}:1`, `${b.id}:1`],
      status: 'dismissed',
      dismissReason: 'Test data',
    });
    expect(dismissed).toMatchObject({ ok: false, status: 422 });
    const ok = await bulkMoveDefectsAction({ items: [`${a.id}:1`], status: 'dismissed', dismissReason: 'Test data' });
    expect(ok).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(await openCount(a.interactionId!)).toBe(0);
    expect(await openCount(b.interactionId!)).toBe(1);
    expect(await eventsOf(a.id)).toMatchObject([
      {
        type: 'status',
        changes: { status: { from: 'open', to: 'dismissed' }, dismissReason: { from: null, to: 'Test data' } },
      },
    ]);
  });

  it('refuse an empty selection', async () => {
    expect(await bulkAssignDefectsAction({ ownerId: staff.id })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { items: ['Select at least one defect.'] },
    });
  });
});

describe('manual defects', () => {
  it('are recorded with their fields and a created event', async () => {
    const result = await createManualDefectAction({
      touchpointId: till.id,
      categoryId,
      kind: 'complaint',
      severity: 'major',
      lostRevenue: '120.50',
      occurredAt: '2026-03-01T09:00:00Z',
      ownerId: staff.id,
      dueOn: '2026-03-15',
      title: 'Complaint letter about the queue',
    });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(await defectRow(result.data.id)).toMatchObject({
      interactionId: null,
      autoRule: null,
      kind: 'complaint',
      lostRevenue: '120.50',
      ownerId: staff.id,
      status: 'open',
      createdById: manager.id,
    });
    expect(await eventsOf(result.data.id)).toMatchObject([{ type: 'created', actorId: manager.id }]);
  });

  it('refuse a negative lost revenue, a due date before the defect, and an unknown owner', async () => {
    const db = await getDb();
    const [before] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(defects);
    const base = {
      touchpointId: till.id,
      categoryId,
      kind: 'process',
      title: 'Door jammed',
      occurredAt: '2026-03-05T09:00:00Z',
    };
    const negative = await createManualDefectAction({ ...base, lostRevenue: '-1' });
    expect(negative).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { lostRevenue: ['Lost revenue cannot be negative.'] },
    });
    const early = await createManualDefectAction({ ...base, dueOn: '2026-03-04' });
    expect(early).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { dueOn: ['The follow-up cannot be due before the defect occurred (5 Mar 2026).'] },
    });
    const unknown = await createManualDefectAction({ ...base, ownerId: randomUUID() });
    expect(unknown).toMatchObject({ ok: false, status: 422, fieldErrors: { ownerId: expect.any(Array) } });
    const untitled = await createManualDefectAction({ ...base, title: '' });
    expect(untitled).toMatchObject({ ok: false, status: 422, fieldErrors: { title: expect.any(Array) } });
    const [after] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(defects);
    expect(after?.n).toBe(before?.n);
  });
  it('count the day it occurred in the company zone, and refuse a time the zone skips beside the field', async () => {
    const db = await getDb();
    await db.update(companySettings).set({ timeZone: 'Europe/Berlin' }).where(eq(companySettings.id, 1));
    try {
      // 23:30 UTC on 4 March is 00:30 on 5 March in Berlin: the defect occurred on the 5th.
      const base = {
        touchpointId: till.id,
        categoryId,
        kind: 'process',
        title: 'Late-night spill',
        occurredAt: '2026-03-04T23:30:00Z',
      };
      expect(await createManualDefectAction({ ...base, dueOn: '2026-03-04' })).toMatchObject({
        ok: false,
        fieldErrors: { dueOn: ['The follow-up cannot be due before the defect occurred (5 Mar 2026).'] },
      });
      expect(await createManualDefectAction({ ...base, dueOn: '2026-03-05' })).toMatchObject({ ok: true });
      // The form sends a wall-clock time the zone skips (02:30 on 29 March in Berlin) as typed.
      expect(
        await createManualDefectAction({ ...base, occurredAt: '2026-03-29T02:30 Europe/Berlin', dueOn: '' }),
      ).toMatchObject({
        ok: false,
        status: 422,
        fieldErrors: { occurredAt: [expect.stringMatching(/2026-03-29 02:30.*Europe\/Berlin/)] },
      });
    } finally {
      await db.update(companySettings).set({ timeZone: 'UTC' }).where(eq(companySettings.id, 1));
    }
  });
});
