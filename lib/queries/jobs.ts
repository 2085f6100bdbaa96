import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { jobRunnerLeases, jobs, scheduledJobs } from '@/db/schema';

/** The runner's health for the admin page: who runs, when it last ran, what waits and what failed. */
export async function getRunnerHealth() {
  const db = await getDb();
  const [lease] = await db
    .select({
      holder: jobRunnerLeases.holder,
      lastRunAt: jobRunnerLeases.lastRunAt,
      acquiredAt: jobRunnerLeases.acquiredAt,
      live: sql<boolean>`${jobRunnerLeases.expiresAt} > now()`.mapWith(Boolean),
    })
    .from(jobRunnerLeases)
    .where(eq(jobRunnerLeases.name, 'main'));
  const queue = await db
    .select({
      kind: jobs.kind,
      due: sql<number>`count(*) filter (where ${jobs.status} = 'pending' and ${jobs.runAt} <= now())`.mapWith(Number),
      waiting: sql<number>`count(*) filter (where ${jobs.status} = 'pending' and ${jobs.runAt} > now())`.mapWith(
        Number,
      ),
      running: sql<number>`count(*) filter (where ${jobs.status} = 'running')`.mapWith(Number),
      retrying: sql<number>`count(*) filter (where ${jobs.status} = 'pending' and ${jobs.attempts} > 0)`.mapWith(
        Number,
      ),
      dead: sql<number>`count(*) filter (where ${jobs.status} = 'dead')`.mapWith(Number),
      doneToday:
        sql<number>`count(*) filter (where ${jobs.status} = 'done' and ${jobs.finishedAt} > now() - interval '1 day')`.mapWith(
          Number,
        ),
    })
    .from(jobs)
    .groupBy(jobs.kind)
    .orderBy(jobs.kind);
  const failures = await db
    .select({
      id: jobs.id,
      kind: jobs.kind,
      status: jobs.status,
      attempts: jobs.attempts,
      lastError: jobs.lastError,
      runAt: jobs.runAt,
      finishedAt: jobs.finishedAt,
    })
    .from(jobs)
    .where(sql`${jobs.lastError} is not null and ${jobs.status} in ('pending', 'dead')`)
    .orderBy(desc(jobs.runAt))
    .limit(20);
  const schedules = await db.select().from(scheduledJobs).orderBy(scheduledJobs.name);
  return { lease: lease ?? null, queue, failures, schedules };
}
