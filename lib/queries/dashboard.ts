import 'server-only';
import { cache } from 'react';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { journeyStages, segments, touchpoints } from '@/db/schema';
import type { ParetoMeasure } from '@/lib/metrics/pareto';
import { getKpiSummary, getPareto, getSegmentMetrics, getTouchpointMetrics, getTrend } from './metrics';

/*
 * The dashboard page streams each section on its own; these per-request caches let two sections
 * that need the same answer (the trend and the p-chart, the heat map and the worst touchpoints)
 * ask the database once. Filters arrive as their JSON so equal filters hit the same entry.
 */
export const cachedKpiSummary = cache((json: string) => getKpiSummary(JSON.parse(json)));
export const cachedTrend = cache((json: string) => getTrend(JSON.parse(json)));
export const cachedPareto = cache((json: string, measure: ParetoMeasure) =>
  getPareto(JSON.parse(json), undefined, measure),
);
export const cachedTouchpointMetrics = cache((json: string) => getTouchpointMetrics(JSON.parse(json)));
export const cachedSegmentMetrics = cache((json: string) => getSegmentMetrics(JSON.parse(json)));

export interface FilterOptions {
  stages: { id: string; name: string; touchpoints: { id: string; name: string; active: boolean }[] }[];
  segments: { id: string; name: string }[];
}

/** The stages with their touchpoints, and the segments, that the dashboard's filters offer. */
export async function getDashboardFilterOptions(): Promise<FilterOptions> {
  const db = await getDb();
  const [rows, segmentRows] = await Promise.all([
    db
      .select({
        stageId: journeyStages.id,
        stageName: journeyStages.name,
        id: touchpoints.id,
        name: touchpoints.name,
        active: touchpoints.active,
      })
      .from(journeyStages)
      .leftJoin(touchpoints, eq(touchpoints.stageId, journeyStages.id))
      .orderBy(asc(journeyStages.position), asc(touchpoints.name)),
    db.select({ id: segments.id, name: segments.name }).from(segments).orderBy(asc(segments.name)),
  ]);
  const stages: FilterOptions['stages'] = [];
  for (const row of rows) {
    let stage = stages.at(-1);
    if (stage?.id !== row.stageId) {
      stage = { id: row.stageId, name: row.stageName, touchpoints: [] };
      stages.push(stage);
    }
    if (row.id && row.name) stage.touchpoints.push({ id: row.id, name: row.name, active: row.active ?? true });
  }
  return { stages, segments: segmentRows };
}
