import 'server-only';
import { sql } from 'drizzle-orm';
import { defineJob, registerSchedule } from './registry';

export const FOLD_ROLLUPS = 'fold-metric-rollups';

// Writers append delta rows to the rollups (db/rollup-sql.ts: metrics; db/voice-rollup-sql.ts:
// keyword themes and portfolio); every minute this moves the committed ones into one folded row
// per key, so readers sum few rows. The numbers are exact either way: the fold changes how many
// rows hold them, never their sum.
defineJob({
  kind: FOLD_ROLLUPS,
  transactional: true,
  async run(_payload, { db }) {
    await db.execute(sql`select fold_metric_rollups(), fold_voice_rollups()`);
  },
});

registerSchedule({
  name: FOLD_ROLLUPS,
  next: (after) => new Date((Math.floor(after.getTime() / 60_000) + 1) * 60_000),
});
