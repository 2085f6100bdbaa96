import 'server-only';
import { cache } from 'react';
import { asc, eq } from 'drizzle-orm';
import { getReadTarget, onReadTarget, type Database } from '@/db';
import { journeyStages, segments, touchpoints } from '@/db/schema';
import { env } from '@/lib/env';
import { getCompanySettings } from '@/lib/settings/company';
import { rememberedAnswer } from './answer-cache';
import type { ParetoMeasure } from '@/lib/metrics/pareto';
import type { MetricsFilters } from '@/lib/validation/metrics';
import { getBacklogHealth } from './backlog';
import { getDashboardScan, getPareto } from './metrics';
import { getCommentThemes } from './voice';

/*
 * The dashboard reads from a read replica when DATABASE_READ_URL names one (db/read-replicas.ts):
 * one choice per request, so every section of a page reads from the same server and the lag notice
 * speaks for all of them.
 */
const requestReadTarget = cache(getReadTarget);

/*
 * The company's settings an answer could depend on, beside the resolved filters (which already hold
 * today and the week start): the zone, the first day of the week, the currency and the language.
 * The answers are numbers and names, formatted per request, so the last two only split the cache.
 */
const requestCalendar = cache(async () => {
  const { timeZone, weekStart, currency, locale } = await getCompanySettings();
  return `${timeZone}\u0000${weekStart}\u0000${currency}\u0000${locale}`;
});

/**
 * An answer of the dashboard: read from this request's read target, or the same answer read on
 * it within DASHBOARD_CACHE_SECONDS (lib/queries/answer-cache.ts). `key` names the question and
 * everything it depends on besides the company's calendar and the database read.
 */
async function dashboardAnswer<T>(key: string, work: (db: Database) => Promise<T>): Promise<T> {
  const [target, calendar] = await Promise.all([requestReadTarget(), requestCalendar()]);
  return rememberedAnswer(target.db, `${calendar}\u0000${key}`, env.DASHBOARD_CACHE_SECONDS, () =>
    onReadTarget(work, target),
  );
}

/** A replica at least this far behind is named on the dashboard; nearer, its data counts as current. */
export const LAG_NOTICE_SECONDS = 3;

/**
 * How old this request's dashboard data may be: the seconds a lagging replica it reads from is
 * behind the primary (whole seconds), or null when it reads current data.
 */
export async function getDashboardDataAge(): Promise<number | null> {
  const { source, lagSeconds } = await requestReadTarget();
  return source === 'replica' && lagSeconds >= LAG_NOTICE_SECONDS ? Math.floor(lagSeconds) : null;
}

/*
 * The dashboard page streams each section on its own; these per-request caches let two sections
 * that need the same answer (the trend and the p-chart, the heat map and the worst touchpoints)
 * ask the database once. Filters arrive as their JSON so equal filters hit the same entry.
 */
// The KPI cards, trend, touchpoints and segments share one scan of the rollups (getDashboardScan).
const cachedScan = cache((json: string) =>
  dashboardAnswer(`scan\u0000${json}`, (db) => getDashboardScan(JSON.parse(json), db)),
);
export const cachedKpiSummary = cache(async (json: string) => (await cachedScan(json)).kpis);
export const cachedTrend = cache(async (json: string) => (await cachedScan(json)).trend);
export const cachedPareto = cache((json: string, measure: ParetoMeasure) =>
  dashboardAnswer(`pareto\u0000${measure}\u0000${json}`, (db) => getPareto(JSON.parse(json), db, measure)),
);
export const cachedTouchpointMetrics = cache(async (json: string) => (await cachedScan(json)).touchpoints);
export const cachedSegmentMetrics = cache(async (json: string) => (await cachedScan(json)).segments);

/** The backlog cards and the keyword themes, as the dashboard shows them (from its read target). */
export const getDashboardBacklogHealth = () => dashboardAnswer('backlog', (db) => getBacklogHealth(db));
export const getDashboardCommentThemes = (filters: MetricsFilters) =>
  dashboardAnswer(`themes\u0000${JSON.stringify(filters)}`, (db) => getCommentThemes(filters, undefined, db));

export interface FilterOptions {
  stages: { id: string; name: string; touchpoints: { id: string; name: string; active: boolean }[] }[];
  segments: { id: string; name: string }[];
}

/** The stages with their touchpoints, and the segments, that the dashboard's filters offer. */
export function getDashboardFilterOptions(): Promise<FilterOptions> {
  return dashboardAnswer('options', filterOptions);
}

async function filterOptions(db: Database): Promise<FilterOptions> {
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
