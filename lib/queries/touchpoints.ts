import 'server-only';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { journeyStages, metricsDaily, touchpoints, type Touchpoint } from '@/db/schema';
import { addDays, isoDay } from '@/lib/dates';
import type { RuleSettings } from '@/lib/defects/auto-rules';
import { DEFAULT_PERIOD_DAYS } from '@/lib/validation/metrics';

/** Journey stages in order, for selects and filters. */
export async function listStages() {
  const db = await getDb();
  return db
    .select({ id: journeyStages.id, name: journeyStages.name })
    .from(journeyStages)
    .orderBy(asc(journeyStages.position));
}

/** A touchpoint as its edit form shows it. */
export type EditableTouchpoint = Pick<
  Touchpoint,
  'id' | 'name' | 'description' | 'stageId' | 'channel' | 'opportunities' | 'expectationTarget' | 'ownerId'
> &
  RuleSettings;

/** Every touchpoint with its stage, in journey order. */
export async function listTouchpoints(database?: DbOrTx) {
  const db = database ?? (await getDb());
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

/**
 * The period of the touchpoints list's counts: the dashboard's default period, the last 30
 * calendar days up to today (the company zone's, given by the page), so the two pages show the same numbers.
 */
export function adminVolumePeriod(to: string = isoDay(new Date())) {
  return { from: addDays(to, -(DEFAULT_PERIOD_DAYS - 1)), to, days: DEFAULT_PERIOD_DAYS };
}

/**
 * Every touchpoint for the admin list, in journey order, with its interactions and counted
 * (non-dismissed) defects of the period: read from the daily rollups the dashboard reads, one
 * aggregated query.
 */
export async function listTouchpointsWithVolume(period = adminVolumePeriod()) {
  const db = await getDb();
  const volume = db
    .select({
      touchpointId: metricsDaily.touchpointId,
      units: sql<number>`sum(${metricsDaily.units})`.as('units'),
      defects: sql<number>`sum(${metricsDaily.defects})`.as('defects'),
    })
    .from(metricsDaily)
    .where(and(gte(metricsDaily.day, period.from), lte(metricsDaily.day, period.to)))
    .groupBy(metricsDaily.touchpointId)
    .as('volume');
  return db
    .select({
      id: touchpoints.id,
      name: touchpoints.name,
      stageId: touchpoints.stageId,
      stageName: journeyStages.name,
      channel: touchpoints.channel,
      active: touchpoints.active,
      opportunities: touchpoints.opportunities,
      interactions: sql<number>`coalesce(${volume.units}, 0)`.mapWith(Number),
      defects: sql<number>`coalesce(${volume.defects}, 0)`.mapWith(Number),
    })
    .from(touchpoints)
    .innerJoin(journeyStages, eq(journeyStages.id, touchpoints.stageId))
    .leftJoin(volume, eq(volume.touchpointId, touchpoints.id))
    .orderBy(asc(journeyStages.position), asc(touchpoints.name));
}

export type TouchpointVolumeRow = Awaited<ReturnType<typeof listTouchpointsWithVolume>>[number];

/** One touchpoint with everything its edit form shows. */
export async function getTouchpoint(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(touchpoints).where(eq(touchpoints.id, id)).limit(1);
  return row ?? null;
}
