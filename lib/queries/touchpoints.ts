import 'server-only';
import { and, asc, count, eq, gte, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { defects, interactions, journeyStages, touchpoints } from '@/db/schema';

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

export const ADMIN_VOLUME_DAYS = 30;

/**
 * Every touchpoint for the admin list, in journey order, with its interactions and counted
 * (non-dismissed) defects of the last 30 days: one aggregated query, no rows loaded to count.
 */
export async function listTouchpointsWithVolume() {
  const db = await getDb();
  const since = sql`now() - make_interval(days => ${ADMIN_VOLUME_DAYS})`;
  const volume = db
    .select({ touchpointId: interactions.touchpointId, n: count().as('interaction_count') })
    .from(interactions)
    .where(gte(interactions.occurredAt, since))
    .groupBy(interactions.touchpointId)
    .as('volume');
  const flaws = db
    .select({ touchpointId: defects.touchpointId, n: count().as('defect_count') })
    .from(defects)
    .where(and(gte(defects.occurredAt, since), ne(defects.status, 'dismissed')))
    .groupBy(defects.touchpointId)
    .as('flaws');
  return db
    .select({
      id: touchpoints.id,
      name: touchpoints.name,
      stageId: touchpoints.stageId,
      stageName: journeyStages.name,
      channel: touchpoints.channel,
      active: touchpoints.active,
      opportunities: touchpoints.opportunities,
      interactions: sql<number>`coalesce(${volume.n}, 0)`.mapWith(Number),
      defects: sql<number>`coalesce(${flaws.n}, 0)`.mapWith(Number),
    })
    .from(touchpoints)
    .innerJoin(journeyStages, eq(journeyStages.id, touchpoints.stageId))
    .leftJoin(volume, eq(volume.touchpointId, touchpoints.id))
    .leftJoin(flaws, eq(flaws.touchpointId, touchpoints.id))
    .orderBy(asc(journeyStages.position), asc(touchpoints.name));
}

export type TouchpointVolumeRow = Awaited<ReturnType<typeof listTouchpointsWithVolume>>[number];

/** One touchpoint with everything its edit form shows. */
export async function getTouchpoint(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(touchpoints).where(eq(touchpoints.id, id)).limit(1);
  return row ?? null;
}
