import 'server-only';
import { sql } from 'drizzle-orm';
import { defineJob, registerSchedule } from './registry';
import { nextDaily } from './schedule';

export const PURGE_FINISHED = 'purge-finished-jobs';

// Finished jobs and old events are history nobody reads: keep a week of jobs (the health page
// looks back a day) and a month of events. Dead jobs stay until an admin has seen them, 30 days.
defineJob({
  kind: PURGE_FINISHED,
  transactional: true,
  async run(_payload, { db }) {
    await db.execute(
      sql`delete from jobs where (status = 'done' and finished_at < now() - interval '7 days')
            or (status = 'dead' and finished_at < now() - interval '30 days')`,
    );
    await db.execute(sql`delete from outbox_events where created_at < now() - interval '30 days'`);
  },
});

registerSchedule({ name: PURGE_FINISHED, next: (after, { timeZone }) => nextDaily(after, { hour: 3 }, timeZone) });
