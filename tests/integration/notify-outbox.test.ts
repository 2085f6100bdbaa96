import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { jobRunnerLeases, jobs, mailMessages, notifications, outboxEvents, type User } from '@/db/schema';
import { updateDefectAction } from '@/app/(app)/defects/actions';
import { emitEvent, enqueueJob } from '@/lib/jobs/enqueue';
import { defineJob } from '@/lib/jobs/registry';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { createDefectFixture, defectVersion, testRunner } from './notify-fixtures';

let manager: User;
let staff: User;

beforeAll(async () => {
  manager = await createUser({ role: 'manager' });
  staff = await createUser({ role: 'staff' });
});

beforeEach(async () => {
  signInAs(manager.id);
  const db = await getDb();
  await db.delete(jobRunnerLeases);
});

const eventsOfType = async (type: string) => {
  const db = await getDb();
  return db.select().from(outboxEvents).where(eq(outboxEvents.type, type));
};

describe('the outbox', () => {
  it('holds the event exactly when the change commits', async () => {
    const { defect } = await createDefectFixture();
    const result = await updateDefectAction({ id: defect.id, version: 1, ownerId: staff.id });
    expect(result.ok).toBe(true);
    const assigned = (await eventsOfType('defect.assigned')).filter((e) => e.payload.defectId === defect.id);
    expect(assigned).toHaveLength(1);
    expect(assigned[0]!.payload).toMatchObject({ ownerId: staff.id, previousOwnerId: null, actorId: manager.id });

    // A stale edit is refused: nothing is written, and no event either.
    const stale = await updateDefectAction({ id: defect.id, version: 1, ownerId: manager.id, status: 'investigating' });
    expect(stale.ok).toBe(false);
    expect((await eventsOfType('defect.assigned')).filter((e) => e.payload.defectId === defect.id)).toHaveLength(1);
    expect((await eventsOfType('defect.status_changed')).filter((e) => e.payload.defectId === defect.id)).toHaveLength(
      0,
    );
  });

  it('loses the event with a transaction that rolls back', async () => {
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await emitEvent(tx, 'case.opened', { title: 'rolled back', recipientIds: [] });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    const rows = await db
      .select()
      .from(outboxEvents)
      .where(sql`${outboxEvents.payload}->>'title' = 'rolled back'`);
    expect(rows).toHaveLength(0);
    // Nor is its dispatch job: every dispatch job points at stored events only (one event, or
    // every event of an interaction batch).
    const orphans = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(jobs)
      .where(
        sql`${jobs.kind} = 'dispatch-event' and exists (
          select 1 from jsonb_array_elements_text(coalesce(${jobs.payload}->'eventIds', jsonb_build_array(${jobs.payload}->'eventId'))) as pointed(id)
          where not exists (select 1 from outbox_events e where e.id::text = pointed.id))`,
      );
    expect(orphans[0]!.n).toBe(0);
  });

  it('tells the new owner in the app and, without SMTP, keeps the mail for admins', async () => {
    const { defect } = await createDefectFixture();
    await updateDefectAction({ id: defect.id, version: await defectVersion(defect.id), ownerId: staff.id });
    await testRunner().drain();
    const db = await getDb();
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, staff.id), eq(notifications.href, `/defects/${defect.id}`)));
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toContain('Assigned to you');
    const mail = await db
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.userId, staff.id), eq(mailMessages.kind, 'defect.assigned')));
    expect(mail.length).toBeGreaterThanOrEqual(1);
    expect(mail.every((m) => m.status === 'kept')).toBe(true);
    // The manager who assigned it is not told about their own act.
    const managerTold = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, manager.id), eq(notifications.href, `/defects/${defect.id}`)));
    expect(managerTold).toHaveLength(0);
  });

  it('raises interaction.created and defect.created for a logged lost sale, in its transaction', async () => {
    const { till } = await createDefectFixture();
    const { recordInteractions } = await import('@/lib/interactions/record-interactions');
    const { interactionInputSchema } = await import('@/lib/validation/interactions');
    const db = await getDb();
    const id = crypto.randomUUID();
    await db.transaction((tx) =>
      recordInteractions(
        tx,
        [interactionInputSchema.parse({ id, touchpointId: till.id, outcome: 'sale_lost', saleValue: '80' })],
        { source: 'staff', loggedById: staff.id },
      ),
    );
    const created = (await eventsOfType('interaction.created')).filter((e) => e.payload.interactionId === id);
    expect(created).toHaveLength(1);
    const raised = (await eventsOfType('defect.created')).filter((e) => e.payload.interactionId === id);
    expect(raised).toHaveLength(1);
    expect(raised[0]!.payload.kind).toBe('lost_sale');
  });
});

describe('the job runner', () => {
  it('retries a failing job with exponential backoff, then succeeds', async () => {
    let calls = 0;
    defineJob({
      kind: 'test-flaky',
      async run() {
        calls += 1;
        if (calls < 3) throw new Error(`failure ${calls}`);
      },
    });
    const db = await getDb();
    const id = await db.transaction((tx) => enqueueJob(tx, 'test-flaky', {}));
    const runner = testRunner();
    const waitAfter = async () => {
      const [row] = await db
        .select({
          status: jobs.status,
          attempts: jobs.attempts,
          lastError: jobs.lastError,
          wait: sql<number>`extract(epoch from ${jobs.runAt} - now())`.mapWith(Number),
        })
        .from(jobs)
        .where(eq(jobs.id, id));
      return row!;
    };

    await runner.tick();
    let row = await waitAfter();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'failure 1' });
    expect(row.wait).toBeGreaterThan(3);
    expect(row.wait).toBeLessThanOrEqual(5);
    // Not yet due: a tick leaves it alone.
    await runner.tick();
    expect((await waitAfter()).attempts).toBe(1);

    await db
      .update(jobs)
      .set({ runAt: sql`now()` })
      .where(eq(jobs.id, id));
    await runner.tick();
    row = await waitAfter();
    expect(row).toMatchObject({ status: 'pending', attempts: 2, lastError: 'failure 2' });
    expect(row.wait).toBeGreaterThan(18);
    expect(row.wait).toBeLessThanOrEqual(20);

    await db
      .update(jobs)
      .set({ runAt: sql`now()` })
      .where(eq(jobs.id, id));
    await runner.tick();
    row = await waitAfter();
    expect(row).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(calls).toBe(3);
  });

  it('moves a job that keeps failing to the dead-letter state and calls its onDead', async () => {
    const dead: string[] = [];
    defineJob({
      kind: 'test-broken',
      async run() {
        throw new Error('always broken');
      },
      async onDead(payload, error) {
        dead.push(`${String(payload.n)}: ${error}`);
      },
    });
    const db = await getDb();
    const id = await db.transaction((tx) => enqueueJob(tx, 'test-broken', { n: 7 }, { maxAttempts: 2 }));
    const runner = testRunner();
    await runner.tick();
    await db
      .update(jobs)
      .set({ runAt: sql`now()` })
      .where(eq(jobs.id, id));
    await runner.tick();
    const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ status: 'dead', attempts: 2, lastError: 'always broken' });
    expect(dead).toEqual(['7: always broken']);
  });

  it('runs jobs in one instance only: a second runner waits until the lease is free', async () => {
    let ran = 0;
    defineJob({
      kind: 'test-count',
      async run() {
        ran += 1;
      },
    });
    const db = await getDb();
    const first = testRunner('first');
    const second = testRunner('second');
    await first.tick();
    await db.transaction((tx) => enqueueJob(tx, 'test-count', {}));
    expect(await second.tick()).toBe(0);
    expect(ran).toBe(0);
    await first.stop();
    expect(await second.tick()).toBe(1);
    expect(ran).toBe(1);
    const [lease] = await db.select().from(jobRunnerLeases);
    expect(lease!.holder).toBe('second');
  });

  it('takes over the lease of a runner that died, and runs again the job it held', async () => {
    let ran = 0;
    defineJob({
      kind: 'test-orphan',
      async run() {
        ran += 1;
      },
    });
    const db = await getDb();
    const id = await db.transaction((tx) => enqueueJob(tx, 'test-orphan', {}));
    // A runner that crashed mid-job: its lease and the job's lock have both run out.
    await db
      .insert(jobRunnerLeases)
      .values({ name: 'main', holder: 'dead-runner', expiresAt: sql`now() - interval '1 second'` });
    await db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(jobs.id, id));
    expect(await testRunner('survivor').tick()).toBeGreaterThanOrEqual(1);
    const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ status: 'done', attempts: 2 });
    expect(ran).toBe(1);
  });

  it('queues a scheduled job once when it comes due', async () => {
    const { registerSchedule } = await import('@/lib/jobs/registry');
    const { scheduledJobs } = await import('@/db/schema');
    let ran = 0;
    defineJob({
      kind: 'test-scheduled',
      async run() {
        ran += 1;
      },
    });
    registerSchedule({ name: 'test-scheduled', next: (after) => new Date(after.getTime() + 3_600_000) });
    const db = await getDb();
    const runner = testRunner();
    await runner.drain();
    expect(ran).toBe(0);
    await db
      .update(scheduledJobs)
      .set({ nextRunAt: sql`now() - interval '1 minute'` })
      .where(eq(scheduledJobs.name, 'test-scheduled'));
    await runner.drain();
    await runner.drain();
    expect(ran).toBe(1);
    const [row] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, 'test-scheduled'));
    expect(row!.nextRunAt.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
  });
});
