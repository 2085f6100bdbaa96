import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { selectRows } from '@/db/client';
import { defects, interactions } from '@/db/schema';

/*
 * Rollups against a recount of the raw interactions whose days come from the runtime's own time
 * zone data (Intl), independent of the SQL and of lib/dates.ts.
 */

/** The calendar day of an instant in a zone, by Intl alone. */
export const intlDay = (instant: Date, zone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );

/** A measure per day (or month) in a rollup, folded and delta rows alike; keys summing to zero left out. */
export async function stored(table: string, period: 'day' | 'month', measure = 'units') {
  const db = await getDb();
  const rows = await selectRows<{ period: string; n: number }>(
    db,
    sql`select to_char(${sql.raw(period)}, 'YYYY-MM-DD') as period, sum(${sql.raw(measure)})::int as n
        from ${sql.raw(table)} group by 1 having sum(${sql.raw(measure)}) <> 0 order by 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.period, r.n]));
}

/** Interactions per day (or month) in `zone`, counted in JavaScript from the raw rows. */
async function recount(zone: string, period: 'day' | 'month', where: (row: { nps: number | null }) => boolean) {
  const db = await getDb();
  const rows = await db.select({ occurredAt: interactions.occurredAt, nps: interactions.nps }).from(interactions);
  const counts: Record<string, number> = {};
  for (const row of rows.filter(where)) {
    const day = intlDay(row.occurredAt, zone);
    const key = period === 'day' ? day : `${day.slice(0, 8)}01`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The metric, trend, portfolio and theme rollups hold exactly the raw rows' counts per day and
 * month of `zone`. The rows with an NPS answer are expected to be unhappy comments with one phrase.
 */
export async function expectRollupsToMatch(zone: string) {
  const all = () => true;
  const answered = (row: { nps: number | null }) => row.nps !== null;
  expect(await stored('metrics_daily', 'day')).toEqual(await recount(zone, 'day', all));
  expect(await stored('trend_daily', 'day')).toEqual(await recount(zone, 'day', all));
  expect(await stored('trend_total_daily', 'day')).toEqual(await recount(zone, 'day', all));
  expect(await stored('metrics_monthly', 'month')).toEqual(await recount(zone, 'month', all));
  expect(await stored('portfolio_daily', 'day', 'nps_responses')).toEqual(await recount(zone, 'day', answered));
  expect(await stored('comment_phrase_daily_total', 'day', 'comments')).toEqual(await recount(zone, 'day', answered));
  expect(await stored('comment_phrase_monthly', 'month', 'comments')).toEqual(await recount(zone, 'month', answered));
  // The backlog cards' rollup keeps the UTC day a defect was recorded, whatever the zone.
  const db = await getDb();
  const recorded: Record<string, number> = {};
  for (const { createdAt } of await db.select({ createdAt: defects.createdAt }).from(defects)) {
    const day = intlDay(createdAt, 'UTC');
    recorded[day] = (recorded[day] ?? 0) + 1;
  }
  const backlog = await selectRows<{ day: string; n: number }>(
    db,
    sql`select to_char(raised_on, 'YYYY-MM-DD') as day, sum(defects)::int as n from defect_backlog_daily
        group by 1 having sum(defects) <> 0 order by 1`,
  );
  expect(Object.fromEntries(backlog.map((r) => [r.day, r.n]))).toEqual(
    Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => a.localeCompare(b))),
  );
}
