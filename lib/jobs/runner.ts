import 'server-only';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { selectRows } from '@/db/client';
import { companySettings, jobRunnerLeases, jobs, scheduledJobs, type Job } from '@/db/schema';
import { retryDelaySeconds, shouldGiveUp } from './backoff';
import { enqueueJob } from './enqueue';
import { forgetDashboardAnswers } from '@/lib/queries/answer-cache';
import { jobDefinition, registeredSchedules } from './registry';
import type { ScheduleCalendar } from './schedule';

export interface RunnerOptions {
  getDb: () => Promise<Database>;
  /** Who holds the lease; unique per process. */
  holder?: string;
  /** How often the runner looks for due jobs. */
  pollMs?: number;
  /** How long the lease lasts without renewal: another instance takes over after a crash. */
  leaseMs?: number;
  /** How long one job may run before another attempt may take it. */
  jobTimeoutMs?: number;
  /** Jobs per tick, so stopping never waits long. */
  batchSize?: number;
  /** Jobs run at the same time. */
  concurrency?: number;
  log?: (message: string) => void;
}

const LEASE = 'main';

/**
 * Works through the `jobs` table. Every app instance starts one; only the holder of the lease runs
 * jobs, so there is one active runner however many instances there are. It polls in the
 * background and never runs in a request.
 */
export class JobRunner {
  readonly holder: string;
  private readonly options: Required<Omit<RunnerOptions, 'holder'>>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor({ holder, ...options }: RunnerOptions) {
    this.holder = holder ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.options = {
      pollMs: 1_000,
      leaseMs: 30_000,
      jobTimeoutMs: 5 * 60_000,
      batchSize: 100,
      concurrency: 4,
      log: (message) => console.log(`jobs: ${message}`),
      ...options,
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.tick().catch((error: unknown) => this.options.log(`tick failed: ${String(error)}`));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(loop, this.options.pollMs);
    };
    this.timer = setTimeout(loop, 0);
  }

  /** Stops polling, lets the job in hand finish, and hands the lease back. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    const db = await this.options.getDb();
    await db
      .delete(jobRunnerLeases)
      .where(and(eq(jobRunnerLeases.name, LEASE), eq(jobRunnerLeases.holder, this.holder)));
  }

  /** One round: take or renew the lease, queue due schedules, run due jobs. Returns jobs run. */
  async tick(): Promise<number> {
    const db = await this.options.getDb();
    if (!(await this.takeLease(db))) return 0;
    await this.queueDueSchedules(db);
    let ran = 0;
    while (ran < this.options.batchSize) {
      // A few jobs at once: deliveries wait on other servers, not on this one.
      const claimed: Job[] = [];
      while (claimed.length < this.options.concurrency) {
        const job = await this.claim(db);
        if (!job) break;
        claimed.push(job);
      }
      if (claimed.length === 0) break;
      await Promise.all(claimed.map((job) => this.runJob(db, job)));
      ran += claimed.length;
      // Renew between rounds so a long batch does not let the lease lapse.
      if (!(await this.takeLease(db))) break;
    }
    return ran;
  }

  /** Runs until no job is due (tests and scripts). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const ran = await this.tick();
      total += ran;
      if (ran === 0) return total;
    }
  }

  private async takeLease(db: Database): Promise<boolean> {
    // The database's clock decides, so instances with skewed clocks agree on who holds it.
    const rows = await selectRows<{ holder: string }>(
      db,
      sql`insert into ${jobRunnerLeases} (name, holder, expires_at, acquired_at, last_run_at)
          values (${LEASE}, ${this.holder}, now() + make_interval(secs => ${this.options.leaseMs / 1000}), now(), now())
          on conflict (name) do update set
            holder = excluded.holder,
            expires_at = excluded.expires_at,
            last_run_at = now(),
            acquired_at = case when ${jobRunnerLeases.holder} = excluded.holder then ${jobRunnerLeases.acquiredAt} else now() end
          where ${jobRunnerLeases.holder} = excluded.holder or ${jobRunnerLeases.expiresAt} < now()
          returning holder`,
    );
    return rows.length === 1;
  }

  private async queueDueSchedules(db: Database): Promise<void> {
    const now = new Date();
    // The company's zone and first day of the week, once per round: schedules run on its wall clock.
    const [company] = await db
      .select({ timeZone: companySettings.timeZone, weekStart: companySettings.weekStart })
      .from(companySettings)
      .where(eq(companySettings.id, 1));
    const calendar: ScheduleCalendar = company ?? { timeZone: 'UTC', weekStart: 1 };
    for (const schedule of registeredSchedules()) {
      await db
        .insert(scheduledJobs)
        .values({ name: schedule.name, nextRunAt: schedule.next(now, calendar) })
        .onConflictDoNothing();
      await db.transaction(async (tx) => {
        const [due] = await tx
          .update(scheduledJobs)
          .set({ nextRunAt: schedule.next(now, calendar), lastRunAt: now })
          .where(and(eq(scheduledJobs.name, schedule.name), sql`${scheduledJobs.nextRunAt} <= now()`))
          .returning({ name: scheduledJobs.name });
        if (due) await enqueueJob(tx, schedule.kind ?? schedule.name, schedule.payload ?? {});
      });
    }
  }

  /** The next due job, marked running; a running job whose runner died counts as due. */
  private async claim(db: Database): Promise<Job | undefined> {
    const [row] = await selectRows<{ id: string }>(
      db,
      sql`update ${jobs} set status = 'running', attempts = attempts + 1,
            locked_until = now() + make_interval(secs => ${this.options.jobTimeoutMs / 1000})
          where id = (
            select id from ${jobs}
            where (status = 'pending' and run_at <= now()) or (status = 'running' and locked_until < now())
            order by run_at
            limit 1
            for update skip locked
          )
          returning id`,
    );
    if (!row) return undefined;
    const [job] = await db.select().from(jobs).where(eq(jobs.id, row.id));
    return job;
  }

  private async runJob(db: Database, job: Job): Promise<void> {
    const definition = jobDefinition(job.kind);
    // Only finish the attempt this runner claimed, in case it was taken again meanwhile.
    const mine = and(eq(jobs.id, job.id), eq(jobs.attempts, job.attempts), eq(jobs.status, 'running'));
    const done = { status: 'done' as const, finishedAt: new Date(), lockedUntil: null, lastError: null };
    try {
      if (!definition) throw new Error(`No handler for job kind “${job.kind}”.`);
      if (definition.transactional) {
        await db.transaction(async (tx) => {
          await definition.run(job.payload, { job, db: tx });
          await tx.update(jobs).set(done).where(mine);
        });
      } else {
        await definition.run(job.payload, { job, db });
        await db.update(jobs).set(done).where(mine);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const now = new Date();
      if (shouldGiveUp({ attempts: job.attempts, maxAttempts: job.maxAttempts, now, expiresAt: job.expiresAt })) {
        await db
          .update(jobs)
          .set({ status: 'dead', finishedAt: now, lockedUntil: null, lastError: message })
          .where(mine);
        this.options.log(`job ${job.kind} ${job.id} gave up after ${job.attempts} attempts: ${message}`);
        await definition?.onDead?.(job.payload, message, { job, db });
      } else {
        await db
          .update(jobs)
          .set({
            status: 'pending',
            lockedUntil: null,
            lastError: message,
            runAt: sql`now() + make_interval(secs => ${retryDelaySeconds(job.attempts)})`,
          })
          .where(mine);
      }
    } finally {
      // A job may have changed what the dashboard shows (a rebuild, the nightly cases, a lifecycle
      // move): it reads again (lib/queries/answer-cache.ts). Lease renewals and idle polls do not.
      forgetDashboardAnswers();
    }
  }
}
