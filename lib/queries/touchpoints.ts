import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { journeyStages, touchpoints } from '@/db/schema';

/** Every touchpoint with its stage, in journey order. */
export async function listTouchpoints() {
  const db = await getDb();
  return db
    .select({
      id: touchpoints.id,
      name: touchpoints.name,
      stageId: touchpoints.stageId,
      stageName: journeyStages.name,
      channel: touchpoints.channel,
      active: touchpoints.active,
      opportunities: touchpoints.opportunities,
    })
    .from(touchpoints)
    .innerJoin(journeyStages, eq(journeyStages.id, touchpoints.stageId))
    .orderBy(asc(journeyStages.position), asc(touchpoints.name));
}
