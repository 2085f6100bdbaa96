import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db';
import { selectRows } from '@/db/client';
import { companySettings, jobs } from '@/db/schema';
import { ROLLUP_TABLES, shadowOf, shadowRebuildSteps } from '@/db/rollup-sql';
import { VOICE_ROLLUP_TABLES, voiceShadowRebuildSteps } from '@/db/voice-rollup-sql';
import { recordAudit } from '@/lib/audit';
import { isKnownTimeZone } from '@/lib/dates';
import { DomainError } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { msg } from '@/lib/validation/messages';

/*
 * A change of the company's time zone (docs/settings.md "Time zone"). Every rollup's days are cut
 * in the zone, so a new zone means counting every rollup again. The dashboard keeps reading the
 * old rollups until the new ones are complete:
 *
 *   1. prepare   create an empty shadow of each rollup table (<name>_next) and set
 *                company_settings.rebuild_time_zone; from then on every rollup trigger also feeds
 *                the shadows, in the new zone;
 *   2. barrier   wait for every write that began before the shadows existed to end (a SHARE lock
 *                on the raw tables, released at once), so any write not yet committed feeds them;
 *   3. rebuild   per shadow, in one snapshot: delete what the snapshot sees of it and count the
 *                raw rows it sees. Trigger rows of writes the snapshot does not see survive the
 *                delete, so no write made meanwhile is lost or counted twice;
 *   4. swap      in one transaction, with writes paused: copy each shadow over its rollup, switch
 *                time_zone, drop the shadows.
 *
 * Progress (rebuild_done of rebuild_total steps) is committed after each step, for the settings page.
 */

export const REBUILD_TIME_ZONE = 'rebuild-time-zone';

const ROLLUPS = [...ROLLUP_TABLES.map((t) => t.name), ...VOICE_ROLLUP_TABLES.map((t) => t.name)];
const rebuildSteps = () => [...shadowRebuildSteps(), ...voiceShadowRebuildSteps()];
/** The steps a rebuild reports: each shadow's rebuild, then the swap. */
const TOTAL_STEPS = rebuildSteps().length + 1;

/** The raw tables the rollup triggers read: locking them pauses every write that feeds a rollup. */
const RAW_TABLES = 'interactions, defects, customers';

/**
 * Asks for the company's time zone to change: validates it, records it as pending, and queues the
 * rebuild, in the caller's transaction. The zone must be known to the runtime (the list the admin
 * picks from) and to PostgreSQL (which cuts the rollups' days).
 */
export async function requestTimeZoneChange(
  tx: Transaction,
  zone: string,
  actor: { id: string; email: string },
): Promise<{ queued: boolean }> {
  const unknown = () => new DomainError('invalid', msg('fieldsNeedAttention'), { timeZone: [msg('timeZoneUnknown')] });
  if (!isKnownTimeZone(zone)) throw unknown();
  const [known] = await selectRows<{ known: boolean }>(
    tx,
    sql`select exists (select 1 from pg_timezone_names where name = ${zone}) or ${zone} = 'UTC' as known`,
  );
  if (!known?.known) throw unknown();

  const [current] = await tx.select().from(companySettings).where(eq(companySettings.id, 1)).for('update');
  // Migration company-settings inserts the one row; without it nothing here can work.
  if (!current) throw new Error('company_settings has no row');
  if (current.pendingTimeZone !== null && current.rebuildError === null) {
    throw new DomainError('conflict', msg('timeZoneChangeRunning'), { timeZone: [msg('timeZoneChangeRunning')] });
  }
  // A failed change may still have a retry queued: the new request replaces it, so two rebuilds
  // of the same zone never run side by side (each drops the other's shadows).
  await tx
    .update(jobs)
    .set({ status: 'dead', finishedAt: new Date(), lastError: 'Replaced by a later time zone request.' })
    .where(and(eq(jobs.kind, REBUILD_TIME_ZONE), eq(jobs.status, 'pending')));
  if (zone === current.timeZone) {
    // Asking for the zone in use again clears a failed change; there is nothing to rebuild.
    await tx
      .update(companySettings)
      .set({ pendingTimeZone: null, rebuildError: null })
      .where(eq(companySettings.id, 1));
    return { queued: false };
  }
  await tx
    .update(companySettings)
    .set({ pendingTimeZone: zone, rebuildDone: 0, rebuildTotal: TOTAL_STEPS, rebuildError: null })
    .where(eq(companySettings.id, 1));
  await enqueueJob(tx, REBUILD_TIME_ZONE, { zone }, { maxAttempts: 3 });
  await recordAudit(tx, {
    actor,
    action: 'company_settings.time_zone_requested',
    entityType: 'company_settings',
    entityId: '1',
    before: { timeZone: current.timeZone },
    after: { timeZone: zone },
  });
  return { queued: true };
}

/**
 * Whether a rebuild is queued or running: after a failure, whether the job will try again by
 * itself (the settings page says so, and keeps following it), or the admin must ask again.
 */
export async function isTimeZoneRebuildQueued(db?: Database): Promise<boolean> {
  const [row] = await (db ?? (await getDb()))
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, REBUILD_TIME_ZONE), inArray(jobs.status, ['pending', 'running'])))
    .limit(1);
  return row !== undefined;
}

const setProgress = (db: Database | Transaction, values: Partial<typeof companySettings.$inferInsert>) =>
  db.update(companySettings).set(values).where(eq(companySettings.id, 1));

async function dropShadows(db: Database | Transaction) {
  await db.execute(sql.raw(`DROP TABLE IF EXISTS ${ROLLUPS.map(shadowOf).join(', ')}`));
}

/**
 * The rebuild job's body: builds the rollups of `zone` in shadows and swaps them in. Does nothing
 * when `zone` is no longer the pending one (a later request superseded it, or it was withdrawn).
 * On failure the shadows are dropped and the error recorded; the old rollups stay in use.
 */
export async function rebuildRollupsInTimeZone(
  db: Database,
  zone: string,
  /** Called after each committed step (tests write meanwhile, to check that nothing is lost). */
  afterStep?: (done: number) => Promise<void>,
): Promise<void> {
  const steps = rebuildSteps();
  const prepared = await db.transaction(async (tx) => {
    const [settings] = await tx.select().from(companySettings).where(eq(companySettings.id, 1)).for('update');
    if (!settings || settings.pendingTimeZone !== zone) return false;
    await dropShadows(tx);
    for (const table of ROLLUPS) {
      await tx.execute(sql.raw(`CREATE TABLE ${shadowOf(table)} (LIKE ${table} INCLUDING ALL)`));
    }
    await setProgress(tx, { rebuildTimeZone: zone, rebuildDone: 0, rebuildTotal: TOTAL_STEPS, rebuildError: null });
    return true;
  });
  if (!prepared) return;

  try {
    // The barrier: granted once every transaction writing the raw tables has ended.
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`LOCK TABLE ${RAW_TABLES} IN SHARE MODE`));
    });
    for (const [i, step] of steps.entries()) {
      await db.transaction(async (tx) => {
        await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
        await tx.execute(sql.raw(step.sql));
      });
      await setProgress(db, { rebuildDone: i + 1 });
      await afterStep?.(i + 1);
    }
    await db.transaction(async (tx) => {
      // Writes wait here until the swap commits, then count in the new zone.
      await tx.execute(sql.raw(`LOCK TABLE ${RAW_TABLES} IN SHARE MODE`));
      const [settings] = await tx.select().from(companySettings).where(eq(companySettings.id, 1)).for('update');
      const before = settings?.timeZone;
      for (const table of ROLLUPS) {
        // DELETE, not TRUNCATE: readers keep seeing the old rows, unblocked, until this commits.
        await tx.execute(sql.raw(`DELETE FROM ${table}`));
        await tx.execute(sql.raw(`INSERT INTO ${table} SELECT * FROM ${shadowOf(table)}`));
      }
      await setProgress(tx, {
        timeZone: zone,
        pendingTimeZone: null,
        rebuildTimeZone: null,
        rebuildDone: TOTAL_STEPS,
        rebuildError: null,
      });
      await dropShadows(tx);
      await recordAudit(tx, {
        actorLabel: 'rebuild-time-zone job',
        action: 'company_settings.time_zone_changed',
        entityType: 'company_settings',
        entityId: '1',
        before: { timeZone: before },
        after: { timeZone: zone },
      });
    });
  } catch (error) {
    await db.transaction(async (tx) => {
      await dropShadows(tx);
      await setProgress(tx, {
        rebuildTimeZone: null,
        rebuildError: error instanceof Error ? error.message : String(error),
      });
    });
    throw error;
  }
}
