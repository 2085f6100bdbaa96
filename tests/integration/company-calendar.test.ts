import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiKeys, defects, interactions, journeyStages, touchpoints, type Touchpoint } from '@/db/schema';
import { GET as getMetrics } from '@/app/api/v1/metrics/route';
import { generateApiKey } from '@/lib/auth/api-keys';
import { getChartSeries, lastClosedSubgroup, listMonitoredSeries } from '@/lib/cases/charts';
import { proofRanges } from '@/lib/cases/proof';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { getBacklogHealth } from '@/lib/queries/backlog';
import { overdueDefect } from '@/lib/queries/filter-conditions';
import { getDashboardMetrics, getTrend } from '@/lib/queries/metrics';
import { metricsResponseSchema } from '@/lib/validation/api';
import { interactionInputSchema } from '@/lib/validation/interactions';
import { metricsFiltersSchema, resolveMetricsFilters } from '@/lib/validation/metrics';
import { intlDay } from '../support/zone-rollups';

/*
 * The company's first day of the week (docs/settings.md "First day of the week"): in a company
 * whose weeks start on Sunday and whose days are New York's, the weekly trend, its p-chart and the
 * weekly case charts cut weeks that start on Sundays, each count equal to a recount of the raw rows
 * in JavaScript (days from Intl, weeks by hand). And "overdue" turns at the company zone's midnight.
 */

const ZONE = 'America/New_York';
const SUNDAY = 7;
// Wednesday 25 February to Tuesday 24 March 2026: mid-week at both ends, across a month and across
// New York's change to summer time on Sunday 8 March (a 23-hour first day of a week).
const FROM = '2026-02-25';
const TO = '2026-03-24';
// Instants around New York's and UTC's midnights each day (EST is UTC−5, EDT UTC−4).
const TIMES = ['03:30:00', '04:30:00', '04:59:59', '05:00:00', '12:00:00', '23:30:00'];

let desk: Touchpoint;

const addDaysTo = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The Sunday on or before a day, by hand. */
const sundayOf = (day: string) => addDaysTo(day, -new Date(`${day}T00:00:00Z`).getUTCDay());
const isSunday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 0;

beforeAll(async () => {
  const db = await getDb();
  await db.execute(sql`update company_settings set time_zone = ${ZONE}, week_start = ${SUNDAY} where id = 1`);
  const [stage] = await db.insert(journeyStages).values({ name: 'Weeks', position: 0 }).returning();
  [desk] = (await db
    .insert(touchpoints)
    .values({ name: 'Front desk', stageId: stage!.id, channel: 'phone' })
    .returning()) as [Touchpoint];
  // Every UTC day from two days before the period to two after, each time of day; some lost
  // sales (each raises a defect), more on some days than others.
  const inputs: ReturnType<typeof interactionInputSchema.parse>[] = [];
  for (let day = addDaysTo(FROM, -2), i = 0; day <= addDaysTo(TO, 2); day = addDaysTo(day, 1), i += 1) {
    for (const [j, time] of TIMES.entries()) {
      inputs.push(
        interactionInputSchema.parse({
          id: randomUUID(),
          touchpointId: desk.id,
          outcome: (i + j) % (i % 3 === 0 ? 2 : 5) === 0 ? 'sale_lost' : 'sale_won',
          saleValue: '50',
          occurredAt: new Date(`${day}T${time}Z`),
        }),
      );
    }
  }
  await db.transaction((tx) => recordInteractions(tx, inputs, { source: 'import', loggedById: null }));
}, 120_000);

/** Interactions and defective interactions per Sunday week of New York days in [from, to], from the raw rows. */
async function recount(from: string, to: string) {
  const db = await getDb();
  const rows = await db
    .select({ id: interactions.id, occurredAt: interactions.occurredAt })
    .from(interactions)
    .where(eq(interactions.touchpointId, desk.id));
  const defective = new Set(
    (await db.select({ id: defects.interactionId, status: defects.status }).from(defects))
      .filter((d) => d.status !== 'dismissed')
      .map((d) => d.id),
  );
  const weeks = new Map<string, { n: number; d: number }>();
  for (const row of rows) {
    const day = intlDay(row.occurredAt, ZONE);
    if (day < from || day > to) continue;
    const week = weeks.get(sundayOf(day)) ?? { n: 0, d: 0 };
    week.n += 1;
    if (defective.has(row.id)) week.d += 1;
    weeks.set(sundayOf(day), week);
  }
  return weeks;
}

describe('weeks that start on Sunday', () => {
  it('cut the weekly trend, its p-chart and the metrics API into Sunday weeks that match a recount', async () => {
    const resolved = resolveMetricsFilters(
      metricsFiltersSchema.parse({ from: FROM, to: TO, granularity: 'week' }),
      new Date('2026-04-15T12:00:00Z'),
      ZONE,
      SUNDAY,
    );
    if (!resolved.ok) throw new Error('expected ok');
    const trend = await getTrend(resolved.filters);
    const expected = await recount(FROM, TO);
    expect(trend.map((p) => p.period)).toEqual(['2026-02-22', '2026-03-01', '2026-03-08', '2026-03-15', '2026-03-22']);
    expect(trend.every((p) => isSunday(p.period))).toBe(true);
    for (const point of trend) {
      expect({ period: point.period, n: point.units, d: point.defectiveUnits }).toEqual({
        period: point.period,
        n: expected.get(point.period)?.n ?? 0,
        d: expected.get(point.period)?.d ?? 0,
      });
    }
    // The first and last weeks are clipped to the period: their drill-downs open those days only.
    expect(trend[0]).toMatchObject({ from: FROM, to: '2026-02-28' });
    expect(trend[2]).toMatchObject({ from: '2026-03-08', to: '2026-03-14' });
    expect(trend.at(-1)).toMatchObject({ from: '2026-03-22', to: TO });
    expect(trend.reduce((s, p) => s + p.units, 0)).toBe([...expected.values()].reduce((s, w) => s + w.n, 0));

    // The dashboard's one scan and GET /api/v1/metrics ask the same way: the same weeks, the same p-chart.
    const metrics = await getDashboardMetrics(resolved.filters);
    expect(metrics.trend).toEqual(trend);
    expect(metrics.pChart.points.map((p) => [p.period, p.n, p.d])).toEqual(
      trend.map((p) => [p.period, p.units, p.defectiveUnits]),
    );

    // GET /api/v1/metrics?granularity=week reads the week start from the settings itself.
    const db = await getDb();
    const key = generateApiKey();
    await db
      .insert(apiKeys)
      .values({ name: 'weeks', prefix: key.prefix, secretHash: key.hash, scopes: ['metrics:read'] });
    const response = await getMetrics(
      new Request(`http://localhost/api/v1/metrics?from=${FROM}&to=${TO}&granularity=week`, {
        headers: { authorization: `Bearer ${key.key}` },
      }),
    );
    expect(response.status).toBe(200);
    const { data } = metricsResponseSchema.parse(await response.json());
    expect(data.trend.map((p) => [p.period, p.from, p.to, p.units, p.defectiveUnits])).toEqual(
      trend.map((p) => [p.period, p.from, p.to, p.units, p.defectiveUnits]),
    );
    expect(data.pChart.points.map((p) => p.period)).toEqual(trend.map((p) => p.period));

    // Monday weeks from the same rows still start on Mondays: the setting, not the data, decides.
    const monday = resolveMetricsFilters(
      metricsFiltersSchema.parse({ from: FROM, to: TO, granularity: 'week' }),
      new Date('2026-04-15T12:00:00Z'),
      ZONE,
      1,
    );
    if (!monday.ok) throw new Error('expected ok');
    const mondays = await getTrend(monday.filters);
    expect(mondays.map((p) => p.period)).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
    ]);
    expect(mondays.reduce((s, p) => s + p.units, 0)).toBe(trend.reduce((s, p) => s + p.units, 0));
  });

  it('cut the weekly case charts into Sunday weeks that match a recount', async () => {
    const db = await getDb();
    const ref = {
      scope: 'touchpoint' as const,
      touchpointId: desk.id,
      stageId: desk.stageId,
      subgroup: 'week' as const,
    };
    // Whole weeks: Sunday 22 February to Saturday 21 March.
    const series = await getChartSeries(db, ref, '2026-02-22', '2026-03-21', SUNDAY);
    const expected = await recount('2026-02-22', '2026-03-21');
    expect(series.map((g) => g.period)).toEqual(['2026-02-22', '2026-03-01', '2026-03-08', '2026-03-15']);
    for (const g of series)
      expect([g.period, g.n, g.d]).toEqual([g.period, expected.get(g.period)!.n, expected.get(g.period)!.d]);

    // The nightly evaluation's window: on Tuesday 24 March the last closed week began on Sunday 15 March.
    const last = lastClosedSubgroup('2026-03-24', 'week', SUNDAY);
    expect(last).toEqual({ from: '2026-03-15', to: '2026-03-21' });
    const monitored = await listMonitoredSeries(db, {
      from: '2026-02-22',
      to: last.to,
      subgroup: 'week',
      weekStart: SUNDAY,
    });
    const chart = monitored.find((s) => s.key === `touchpoint:${desk.id}`);
    expect(chart?.subgroups).toEqual(series);

    // A proof's weekly stages: the week holding T (Wednesday 4 March) is in neither.
    const ranges = proofRanges('2026-03-04', 'week', '2026-03-24', SUNDAY);
    expect(ranges.before.to).toBe('2026-02-28');
    expect(ranges.after).toEqual({ from: '2026-03-08', to: '2026-03-21' });
    expect(isSunday(ranges.before.from)).toBe(true);
  });
});

/**
 * A zone whose wall clock is now within 15–90 minutes of midnight and on another calendar day than
 * UTC, so "today" there and in UTC differ (and stay so for the test's run).
 */
function zoneNearMidnight(now: Date): { zone: string; today: string } {
  const utc = now.toISOString().slice(0, 10);
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const today = intlDay(now, zone);
    if (today === utc) continue;
    const [hour = 0, minute = 0] = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
    })
      .format(now)
      .split(':')
      .map(Number);
    const sinceMidnight = hour * 60 + minute;
    const untilMidnight = 24 * 60 - sinceMidnight;
    if ((sinceMidnight >= 15 && sinceMidnight <= 90) || (untilMidnight >= 15 && untilMidnight <= 90))
      return { zone, today };
  }
  throw new Error('No zone near midnight.');
}

describe('overdue in the company zone', () => {
  it('turns at the zone’s midnight, not UTC’s', async () => {
    const db = await getDb();
    const { zone, today } = zoneNearMidnight(new Date());
    const utcToday = new Date().toISOString().slice(0, 10);
    const [late, due, verified] = await db
      .select({ id: defects.id })
      .from(defects)
      .where(eq(defects.touchpointId, desk.id))
      .limit(3);
    // Due yesterday in the zone: overdue. Due today in the zone: not yet. Verified: never.
    await db.update(defects).set({ dueOn: null });
    await db
      .update(defects)
      .set({ dueOn: addDaysTo(today, -1), status: 'action' })
      .where(eq(defects.id, late!.id));
    await db.update(defects).set({ dueOn: today, status: 'action' }).where(eq(defects.id, due!.id));
    await db
      .update(defects)
      .set({ dueOn: addDaysTo(today, -1), status: 'verified' })
      .where(eq(defects.id, verified!.id));

    const overdueIds = async () =>
      (await db.select({ id: defects.id }).from(defects).where(overdueDefect)).map((r) => r.id).sort();

    await db.execute(sql`update company_settings set time_zone = ${zone} where id = 1`);
    expect(await overdueIds()).toEqual([late!.id]);
    expect((await getBacklogHealth(db)).defects.overdue).toBe(1);

    // In UTC, whose day is another, the verdicts differ: the zone decides.
    await db.execute(sql`update company_settings set time_zone = 'UTC' where id = 1`);
    const inUtc = [late!, due!].filter((_, i) => (i === 0 ? addDaysTo(today, -1) : today) < utcToday).map((d) => d.id);
    expect(await overdueIds()).toEqual(inUtc.sort());
    expect(inUtc).not.toEqual([late!.id]);
    await db
      .update(defects)
      .set({ dueOn: null })
      .where(inArray(defects.id, [late!.id, due!.id, verified!.id]));
    await db.execute(sql`update company_settings set time_zone = ${ZONE} where id = 1`);
  });
});
