import { z } from 'zod';
import { addDays, dayInZone, dayToTime, daysBetween, startOfNextMonth, startOfWeek } from '@/lib/dates';
import { PARETO_MEASURES, type ParetoMeasure } from '@/lib/metrics/pareto';
import { scopeFiltersSchema, type ScopeFilters } from './filters';
import { msg } from './messages';

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const DEFAULT_PERIOD_DAYS = 30;
/** Long enough for three years of monthly trend, short enough that no query runs away. */
export const MAX_PERIOD_DAYS = 1_100;
/** Day-by-day subgroups beyond this are unreadable; week or month is asked for instead. */
export const MAX_SUBGROUPS = 400;

const single = (value: unknown) =>
  value === '' || value === null ? undefined : Array.isArray(value) ? value[0] : value;

/**
 * The dashboard's and the metrics API's filters: the shared scope (period, touchpoints, stages,
 * channels, segments) plus the trend's granularity. Missing dates mean the last 30 days ending today.
 */
export const metricsFiltersSchema = scopeFiltersSchema.extend({
  granularity: z.preprocess(single, z.enum(GRANULARITIES, { error: msg('useGranularity') }).optional()),
});

export type MetricsFiltersInput = z.output<typeof metricsFiltersSchema>;

/** The Pareto's measure in the URL (`pareto=revenue`) and in GET /api/v1/metrics; count by default. */
export const paretoMeasureSchema = z.preprocess(
  single,
  z.enum(PARETO_MEASURES, { error: msg('useParetoMeasure') }).default('count'),
);

/** The metrics API's query: the dashboard's filters and the Pareto's measure. */
export const metricsQuerySchema = metricsFiltersSchema.extend({ pareto: paretoMeasureSchema });

/** A view option from the URL, or its default when absent or unreadable (a bookmark from another version). */
export function readParetoMeasure(raw: unknown): ParetoMeasure {
  const parsed = paretoMeasureSchema.safeParse(raw);
  return parsed.success ? parsed.data : 'count';
}

/** The dashboard's chart tables, each rendered only while open (listed in the URL: `tables=trend,rty`). */
export const CHART_TABLES = ['trend', 'pchart', 'pareto', 'rty'] as const;
export type ChartTable = (typeof CHART_TABLES)[number];

const shownTablesSchema = z.preprocess(single, z.string().max(200).optional());

/** The open chart tables in the URL; unknown names are left out (a bookmark from another version). */
export function readShownTables(raw: unknown): ChartTable[] {
  const parsed = shownTablesSchema.safeParse(raw);
  if (!parsed.success || !parsed.data) return [];
  const named = new Set(parsed.data.split(','));
  return CHART_TABLES.filter((table) => named.has(table));
}

/** Filters with the period settled: both dates and the granularity are always present. */
export interface MetricsFilters extends ScopeFilters {
  from: string;
  to: string;
  granularity: Granularity;
  /** Today in the company's zone when the filters were resolved: the subgroup in progress. */
  today?: string;
  /**
   * The company's first day of the week when the filters were resolved (ISO 1 = Monday …
   * 7 = Sunday, company_settings.week_start): where weekly subgroups start. Monday when absent.
   */
  weekStart?: number;
}

export type ResolveResult =
  { ok: true; filters: MetricsFilters } | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Fills in the default period and granularity, and refuses a period that ends before it starts or
 * runs too long. "Today" is the company zone's (company_settings.time_zone); weeks start on the
 * company's first day of the week (company_settings.week_start, ISO 1 = Monday … 7 = Sunday).
 */
export function resolveMetricsFilters(
  input: MetricsFiltersInput,
  now: Date = new Date(),
  zone = 'UTC',
  weekStart = 1,
): ResolveResult {
  const today = dayInZone(now, zone);
  const to = input.to ?? today;
  const from = input.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  const span = daysBetween(from, to);
  if (span < 1) return { ok: false, fieldErrors: { to: [msg('endBeforeStart')] } };
  if (span > MAX_PERIOD_DAYS) return { ok: false, fieldErrors: { from: [msg('periodMax', { max: MAX_PERIOD_DAYS })] } };
  const granularity = input.granularity ?? (span <= 62 ? 'day' : span <= 366 ? 'week' : 'month');
  if (granularity === 'day' && span > MAX_SUBGROUPS)
    return {
      ok: false,
      fieldErrors: { granularity: [msg('dayByDayMax', { max: MAX_SUBGROUPS })] },
    };
  return { ok: true, filters: { ...input, from, to, granularity, today, weekStart } };
}

/** The period of the same length just before, for the change shown on each card. */
export function previousPeriod(filters: MetricsFilters): MetricsFilters {
  const span = daysBetween(filters.from, filters.to);
  return { ...filters, from: addDays(filters.from, -span), to: addDays(filters.from, -1) };
}

/**
 * The first day of the subgroup holding `day`. Weeks start on `weekStart` (ISO 1 = Monday …
 * 7 = Sunday, the company's first day of the week; Monday by default).
 */
export function subgroupStart(day: string, granularity: Granularity, weekStart = 1): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return `${day.slice(0, 8)}01`;
  return startOfWeek(day, weekStart);
}

/**
 * Every subgroup's first day, in order, so a subgroup without interactions still shows as a gap.
 * The loop is bounded by MAX_SUBGROUPS whatever the dates, and compares days as instants (never as
 * strings), so no input can make it run away.
 */
export function subgroupStarts(filters: Pick<MetricsFilters, 'from' | 'to' | 'granularity' | 'weekStart'>): string[] {
  const starts: string[] = [];
  const end = dayToTime(filters.to);
  let current = subgroupStart(filters.from, filters.granularity, filters.weekStart);
  while (dayToTime(current) <= end) {
    if (starts.length >= MAX_SUBGROUPS) throw new RangeError(`A period yields at most ${MAX_SUBGROUPS} subgroups.`);
    starts.push(current);
    if (filters.granularity === 'day') current = addDays(current, 1);
    else if (filters.granularity === 'week') current = addDays(current, 7);
    else current = startOfNextMonth(current);
  }
  return starts;
}

/** The last day of the subgroup starting on `start`, whole (not cut to a period). */
export function subgroupEnd(start: string, granularity: Granularity): string {
  if (granularity === 'day') return start;
  if (granularity === 'week') return addDays(start, 6);
  return addDays(startOfNextMonth(start), -1);
}

/** The part of a subgroup inside the period: what its drill-down link filters on. */
export function subgroupRange(
  start: string,
  filters: Pick<MetricsFilters, 'from' | 'to' | 'granularity' | 'weekStart'>,
): { from: string; to: string } {
  // The last day of the subgroup holding `start` (a trend asks this of every subgroup: no list of
  // subgroups is built for it).
  const end = subgroupEnd(subgroupStart(start, filters.granularity, filters.weekStart), filters.granularity);
  return { from: start < filters.from ? filters.from : start, to: end > filters.to ? filters.to : end };
}
