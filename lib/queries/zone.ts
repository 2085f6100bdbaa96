import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/*
 * Days cut at the company zone's midnight in SQL (docs/settings.md "Time zone"). The zone is read
 * from the settings row in the query itself, the row the rollup triggers read, so a list filtered
 * by day and the rollups behind a dashboard number always cut the same days, also while a change of
 * zone is being rebuilt (the zone switches in the swap's transaction).
 */

/** The company's time zone, as a scalar subquery (evaluated once per query). */
const COMPANY_ZONE = sql`(select time_zone from company_settings where id = 1)`;

/** The first instant of a calendar day ('YYYY-MM-DD') in the company's zone: DST-correct, 23 or 25 hours apart on change days. */
export const dayStart = (day: string): SQL => sql`((${day}::date)::timestamp at time zone ${COMPANY_ZONE})`;

/** The first instant after a calendar day in the company's zone (an inclusive `to`). */
export const dayEnd = (day: string): SQL => sql`((${day}::date + 1)::timestamp at time zone ${COMPANY_ZONE})`;

/** Today in the company's zone, as a date: what due dates are compared with (overdue, due soon). */
export const companyToday = (): SQL => sql`((now() at time zone ${COMPANY_ZONE})::date)`;

/** The first day of the company-zone month holding a timestamptz expression, as a timestamp. */
export const localMonthOf = (instant: SQL): SQL => sql`date_trunc('month', ${instant} at time zone ${COMPANY_ZONE})`;

/**
 * The first day of the week holding a date expression, weeks starting on `weekStart` (ISO
 * 1 = Monday … 7 = Sunday, company_settings.week_start), as a date. date_trunc('week') starts
 * weeks on Monday: the day is moved back so its week's first day falls on a Monday, truncated, and
 * moved forward again. The caller passes the week start it read with the filters, so the buckets
 * match the subgroups it lists (subgroupStarts in lib/validation/metrics.ts).
 */
export const localWeekOf = (day: SQL, weekStart = 1): SQL => {
  const shift = Number.isInteger(weekStart) && weekStart >= 1 && weekStart <= 7 ? weekStart - 1 : 0;
  return sql`(date_trunc('week', (${day})::timestamp - make_interval(days => ${shift}::int))::date + ${shift}::int)`;
};

/** The first day of the day, week or month holding a date expression, as 'YYYY-MM-DD' text. */
export const subgroupOf = (day: SQL, granularity: 'day' | 'week' | 'month', weekStart = 1): SQL =>
  granularity === 'week'
    ? sql`to_char(${localWeekOf(day, weekStart)}, 'YYYY-MM-DD')`
    : sql`to_char(date_trunc(${sql.raw(`'${granularity}'`)}, (${day})::timestamp), 'YYYY-MM-DD')`;
