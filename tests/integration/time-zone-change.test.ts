import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { selectRows } from '@/db/client';
import {
  auditEvents,
  companySettings,
  customers,
  defectCategories,
  defects,
  interactions,
  jobs,
  journeyStages,
  segments,
  touchpoints,
} from '@/db/schema';
import { DomainError } from '@/lib/errors';
import {
  isTimeZoneRebuildQueued,
  REBUILD_TIME_ZONE,
  rebuildRollupsInTimeZone,
  requestTimeZoneChange,
} from '@/lib/settings/time-zone';
import { requestTimeZoneChangeAction } from '@/app/(app)/admin/settings/actions';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { expectRollupsToMatch, stored } from '../support/zone-rollups';

/*
 * Changing the company's time zone rebuilds every rollup in shadows and swaps them in
 * (lib/settings/time-zone.ts). Until the swap the dashboard reads the old zone's rollups; after
 * it, the new zone's, exactly, including every write made while the rebuild ran.
 */

let touchpointId = '';
let customerId = '';
let otherSegment = '';
let admin = { id: '', email: '' };
let defect: (at: string) => typeof defects.$inferInsert = () => {
  throw new Error('set in beforeAll');
};

const row = (at: string, unhappy = false) => ({
  touchpointId,
  customerId,
  occurredAt: new Date(at),
  ...(unhappy ? { nps: 3, commentPhrases: ['long queue'] } : {}),
});

async function settings() {
  const db = await getDb();
  const [current] = await db.select().from(companySettings).where(eq(companySettings.id, 1));
  return current!;
}

beforeAll(async () => {
  const db = await getDb();
  const [stage] = await db.insert(journeyStages).values({ name: 'Change', position: 0 }).returning();
  const [tp] = await db
    .insert(touchpoints)
    .values({ name: 'Counter', stageId: stage!.id, channel: 'in_person', opportunities: 1 })
    .returning();
  const [a, b] = await db
    .insert(segments)
    .values([{ name: 'North' }, { name: 'South' }])
    .returning();
  const [customer] = await db.insert(customers).values({ name: 'Yan', segmentId: a!.id }).returning();
  touchpointId = tp!.id;
  customerId = customer!.id;
  otherSegment = b!.id;
  const user = await createUser({ role: 'admin' });
  admin = { id: user.id, email: user.email };
  await db.execute(sql`update company_settings set time_zone = 'UTC', pending_time_zone = null where id = 1`);
  // Around Berlin's 25-hour day and either side of UTC midnight.
  await db
    .insert(interactions)
    .values([
      row('2026-10-24T21:30:00Z', true),
      row('2026-10-24T22:30:00Z'),
      row('2026-10-25T00:30:00Z', true),
      row('2026-10-25T01:30:00Z'),
      row('2026-10-25T23:30:00Z', true),
      row('2026-01-05T23:30:00Z'),
    ]);
  const [category] = await db.insert(defectCategories).values({ name: 'Queue' }).returning();
  defect = (at: string) => ({
    touchpointId,
    categoryId: category!.id,
    kind: 'complaint' as const,
    occurredAt: new Date(at),
    createdAt: new Date(at),
  });
  await db.insert(defects).values([defect('2026-10-24T23:30:00Z'), defect('2026-10-25T22:30:00Z')]);
});

describe('requestTimeZoneChange', () => {
  it('refuses a zone that does not exist, beside the field', async () => {
    const db = await getDb();
    for (const zone of ['Mars/Olympus_Mons', 'europe/berlin', '']) {
      const refusal = await db.transaction((tx) => requestTimeZoneChange(tx, zone, admin)).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(DomainError);
      expect((refusal as DomainError).fieldErrors?.timeZone).toEqual(['validation:timeZoneUnknown']);
    }
    expect((await settings()).pendingTimeZone).toBeNull();
  });

  it('records the pending zone, queues the rebuild and audits, once', async () => {
    const db = await getDb();
    expect(await db.transaction((tx) => requestTimeZoneChange(tx, 'Europe/Berlin', admin))).toEqual({ queued: true });
    const current = await settings();
    expect(current).toMatchObject({
      timeZone: 'UTC',
      pendingTimeZone: 'Europe/Berlin',
      rebuildDone: 0,
      rebuildError: null,
    });
    expect(current.rebuildTotal).toBeGreaterThan(10);
    const queued = await db.select().from(jobs).where(eq(jobs.kind, REBUILD_TIME_ZONE));
    expect(queued.map((j) => j.payload)).toEqual([{ zone: 'Europe/Berlin' }]);
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'company_settings.time_zone_requested'));
    expect(audit).toMatchObject({
      actorId: admin.id,
      before: { timeZone: 'UTC' },
      after: { timeZone: 'Europe/Berlin' },
    });
    // A second change waits for the first.
    const refusal = await db
      .transaction((tx) => requestTimeZoneChange(tx, 'America/New_York', admin))
      .catch((e: unknown) => e);
    expect(refusal).toMatchObject({ kind: 'conflict', message: 'validation:timeZoneChangeRunning' });
  });
});

describe('the time zone action', () => {
  it('answers an unknown zone beside the field, in the reader’s words, and a running change with a conflict', async () => {
    signInAs(admin.id);
    const unknown = await requestTimeZoneChangeAction({ timeZone: 'Atlantis/Capital' });
    expect(unknown).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { timeZone: ['Choose a time zone from the list.'] },
    });
    const running = await requestTimeZoneChangeAction({ timeZone: 'Asia/Tokyo' });
    expect(running).toMatchObject({ ok: false, status: 409 });
    signInAs(null);
  });
});

describe('the rebuild', () => {
  it('keeps the old rollups in use until the swap, loses no write made meanwhile, and ends exact', async () => {
    const db = await getDb();
    const utcDays = await stored('metrics_daily', 'day');
    let release: () => void = () => {};
    let straddling: Promise<void> = Promise.resolve();
    const seen: number[] = [];
    await rebuildRollupsInTimeZone(db, 'Europe/Berlin', async (done) => {
      seen.push((await settings()).rebuildDone);
      // Still the old zone's rollups and settings, with this step's writes counted in them.
      expect((await settings()).timeZone).toBe('UTC');
      if (done === 1) {
        expect(await stored('metrics_daily', 'day')).toEqual(utcDays);
        await db.insert(interactions).values([row('2026-10-25T22:30:00Z', true), row('2026-03-28T23:30:00Z')]);
        await db.insert(defects).values(defect('2026-03-28T23:30:00Z'));
        // A write whose transaction spans several rebuild steps, committed before the swap.
        let go: () => void = () => {};
        const wait = new Promise<void>((resolve) => (go = resolve));
        release = go;
        straddling = db.transaction(async (tx) => {
          await tx.insert(interactions).values(row('2026-03-29T22:30:00Z', true));
          await wait;
        });
      }
      if (done === 3) {
        await db.execute(
          sql`update interactions set occurred_at = occurred_at + interval '1 hour' where occurred_at = '2026-10-24T21:30:00Z'`,
        );
        await db.update(customers).set({ segmentId: otherSegment }).where(eq(customers.id, customerId));
      }
      if (done === 6) {
        await db.delete(interactions).where(eq(interactions.occurredAt, new Date('2026-01-05T23:30:00Z')));
        release();
        await straddling;
      }
      if (done === 8) await db.execute(sql`select fold_metric_rollups(), fold_voice_rollups()`);
    });
    const after = await settings();
    expect(after).toMatchObject({
      timeZone: 'Europe/Berlin',
      pendingTimeZone: null,
      rebuildTimeZone: null,
      rebuildError: null,
      rebuildDone: after.rebuildTotal,
    });
    expect(seen).toEqual(seen.map((_, i) => i + 1));
    expect(seen.length).toBe(after.rebuildTotal - 1);
    await expectRollupsToMatch('Europe/Berlin');
    // By hand: Berlin's 25 October runs 2026-10-24T22:00Z to 2026-10-25T23:00Z: 22:30Z, 00:30Z,
    // 01:30Z, 21:30Z moved to 22:30Z during the rebuild, and 22:30Z written during it.
    expect((await stored('metrics_daily', 'day'))['2026-10-25']).toBe(5);
    const shadows = await selectRows<{ name: string }>(
      db,
      sql`select tablename as name from pg_tables where tablename like '%\\_next'`,
    );
    expect(shadows).toEqual([]);
    // Writes after the swap count in the new zone only.
    await db.insert(interactions).values(row('2026-07-01T22:30:00Z', true));
    expect((await stored('metrics_daily', 'day'))['2026-07-02']).toBe(1);
    await expectRollupsToMatch('Europe/Berlin');
  });

  it('keeps the old zone and records the error when it fails', async () => {
    const db = await getDb();
    await db.transaction((tx) => requestTimeZoneChange(tx, 'America/New_York', admin));
    const failing = rebuildRollupsInTimeZone(db, 'America/New_York', async (done) => {
      if (done === 2) throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(await settings()).toMatchObject({
      timeZone: 'Europe/Berlin',
      pendingTimeZone: 'America/New_York',
      rebuildTimeZone: null,
      rebuildError: 'disk full',
    });
    await expectRollupsToMatch('Europe/Berlin');
    // The retry builds it.
    await rebuildRollupsInTimeZone(db, 'America/New_York');
    expect((await settings()).timeZone).toBe('America/New_York');
    await expectRollupsToMatch('America/New_York');
  });

  it('replaces a failed change’s queued retry with a new request, so one rebuild runs at a time', async () => {
    const db = await getDb();
    const queuedJobs = () =>
      db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, REBUILD_TIME_ZONE), eq(jobs.status, 'pending')));
    const fail = () =>
      expect(
        rebuildRollupsInTimeZone(db, 'Asia/Tokyo', async () => {
          throw new Error('disk full');
        }),
      ).rejects.toThrow('disk full');
    await db.transaction((tx) => requestTimeZoneChange(tx, 'Asia/Tokyo', admin));
    await fail();
    // The failed job waits for its retry: the settings page says it is tried again.
    expect(await isTimeZoneRebuildQueued()).toBe(true);
    // "Try again" asks for the same zone: its rebuild replaces the queued retry, not joins it.
    expect(await db.transaction((tx) => requestTimeZoneChange(tx, 'Asia/Tokyo', admin))).toEqual({ queued: true });
    expect(await queuedJobs()).toHaveLength(1);
    await fail();
    // Withdrawing (asking for the zone in use) leaves nothing queued and no change pending.
    expect(await db.transaction((tx) => requestTimeZoneChange(tx, 'America/New_York', admin))).toEqual({
      queued: false,
    });
    expect(await queuedJobs()).toEqual([]);
    expect(await isTimeZoneRebuildQueued()).toBe(false);
    expect(await settings()).toMatchObject({ timeZone: 'America/New_York', pendingTimeZone: null, rebuildError: null });
    await expectRollupsToMatch('America/New_York');
  });
});
