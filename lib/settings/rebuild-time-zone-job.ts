import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db';
import { defineJob } from '@/lib/jobs/registry';
import { REBUILD_TIME_ZONE, rebuildRollupsInTimeZone } from './time-zone';

// Queued by requestTimeZoneChange. Not transactional: the rebuild commits its progress step by
// step, and its own transactions keep the rollups exact (lib/settings/time-zone.ts).
defineJob({
  kind: REBUILD_TIME_ZONE,
  async run(payload) {
    const { zone } = z.object({ zone: z.string() }).parse(payload);
    await rebuildRollupsInTimeZone(await getDb(), zone);
  },
});
