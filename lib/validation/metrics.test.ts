import { describe, expect, it } from 'vitest';
import {
  metricsFiltersSchema,
  previousPeriod,
  readShownTables,
  resolveMetricsFilters,
  subgroupEnd,
  subgroupRange,
  subgroupStart,
  subgroupStarts,
} from './metrics';

const resolve = (params: Record<string, unknown>) =>
  resolveMetricsFilters(metricsFiltersSchema.parse(params), new Date('2026-05-20T15:00:00Z'));

describe('metrics filters', () => {
  it('default to the last 30 days ending today, day by day', () => {
    expect(resolve({})).toMatchObject({
      ok: true,
      filters: { from: '2026-04-21', to: '2026-05-20', granularity: 'day' },
    });
  });

  it('end on today in the company’s time zone', () => {
    const lateEvening = new Date('2026-05-20T23:30:00Z');
    const inZone = (zone: string) => resolveMetricsFilters(metricsFiltersSchema.parse({}), lateEvening, zone);
    expect(inZone('UTC')).toMatchObject({ filters: { to: '2026-05-20', today: '2026-05-20' } });
    expect(inZone('Europe/Berlin')).toMatchObject({
      filters: { from: '2026-04-22', to: '2026-05-21', today: '2026-05-21' },
    });
    expect(inZone('America/New_York')).toMatchObject({ filters: { to: '2026-05-20' } });
  });

  it('pick week or month for longer periods unless asked', () => {
    expect(resolve({ from: '2026-01-01', to: '2026-05-20' })).toMatchObject({ filters: { granularity: 'week' } });
    expect(resolve({ from: '2024-01-01', to: '2026-05-20' })).toMatchObject({ filters: { granularity: 'month' } });
    expect(resolve({ from: '2026-01-01', to: '2026-05-20', granularity: 'day' })).toMatchObject({
      filters: { granularity: 'day' },
    });
  });

  it('refuse a period that ends before it starts, or day by day over too long a period', () => {
    expect(resolve({ from: '2026-05-02', to: '2026-05-01' })).toMatchObject({
      ok: false,
      fieldErrors: { to: [expect.any(String)] },
    });
    expect(resolve({ from: '2024-01-01', to: '2026-01-01', granularity: 'day' })).toMatchObject({
      ok: false,
      fieldErrors: { granularity: [expect.any(String)] },
    });
    expect(metricsFiltersSchema.safeParse({ granularity: 'hour' }).success).toBe(false);
  });

  it('compare with the period of the same length just before', () => {
    const resolved = resolve({ from: '2026-03-01', to: '2026-03-31' });
    if (!resolved.ok) throw new Error('expected ok');
    expect(previousPeriod(resolved.filters)).toMatchObject({ from: '2026-01-29', to: '2026-02-28' });
  });

  it('list every subgroup, clipped to the period for drill-downs', () => {
    const f = { from: '2026-01-15', to: '2026-03-10', granularity: 'month' as const };
    expect(subgroupStarts(f)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(subgroupRange('2026-01-01', f)).toEqual({ from: '2026-01-15', to: '2026-01-31' });
    expect(subgroupRange('2026-02-01', f)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(subgroupRange('2026-03-01', f)).toEqual({ from: '2026-03-01', to: '2026-03-10' });
    // 2026-03-01 is a Sunday: its ISO week began on Monday 23 February.
    expect(subgroupStarts({ from: '2026-03-01', to: '2026-03-10', granularity: 'week' })).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
    ]);
  });
});

describe('metrics filters at the edges', () => {
  it('refuse dates outside 1900–2200, so no period can reach year 10000 or year 0', () => {
    expect(metricsFiltersSchema.safeParse({ to: '9999-12-31' }).success).toBe(false);
    expect(metricsFiltersSchema.safeParse({ from: '0000-01-01' }).success).toBe(false);
    expect(metricsFiltersSchema.safeParse({ from: '2026-02-30' }).success).toBe(false);
  });

  it('keep the previous period of the earliest accepted period a real day', () => {
    const resolved = resolve({ from: '1900-01-01', to: '1900-12-31' });
    if (!resolved.ok) throw new Error('expected ok');
    expect(previousPeriod(resolved.filters)).toMatchObject({ from: '1899-01-01', to: '1899-12-31' });
  });

  it('stop listing subgroups at the bound, whatever dates it is handed', () => {
    // Before the bound, addDays('9999-12-31', 1) gave "+010000-01-01" and this looped forever.
    expect(() => subgroupStarts({ from: '9999-12-01', to: '9999-12-31', granularity: 'day' })).not.toThrow();
    expect(subgroupStarts({ from: '9999-12-30', to: '9999-12-31', granularity: 'day' })).toEqual([
      '9999-12-30',
      '9999-12-31',
    ]);
    expect(() => subgroupStarts({ from: '1900-01-01', to: '2200-12-31', granularity: 'day' })).toThrow(RangeError);
    expect(() => subgroupStarts({ from: '1900-01-01', to: '2200-12-31', granularity: 'month' })).toThrow(RangeError);
  });
});

describe('weekly subgroups start on the company’s first day of the week', () => {
  const week = (from: string, to: string, weekStart: number) => ({ from, to, granularity: 'week' as const, weekStart });
  // 2026-03-01 is a Sunday, 2026-01-01 a Thursday, 2025-12-27 a Saturday.

  it('starts on Monday, Sunday or Saturday', () => {
    expect(subgroupStart('2026-03-04', 'week', 1)).toBe('2026-03-02');
    expect(subgroupStart('2026-03-04', 'week', 7)).toBe('2026-03-01');
    expect(subgroupStart('2026-03-04', 'week', 6)).toBe('2026-02-28');
    // A day that is itself the first day of its week.
    expect(subgroupStart('2026-03-01', 'week', 7)).toBe('2026-03-01');
    expect(subgroupStart('2026-03-01', 'week', 1)).toBe('2026-02-23');
    expect(subgroupStart('2026-02-28', 'week', 6)).toBe('2026-02-28');
    // Monday unless told.
    expect(subgroupStart('2026-03-04', 'week')).toBe('2026-03-02');
    // Days and months do not care.
    expect(subgroupStart('2026-03-04', 'month', 7)).toBe('2026-03-01');
    expect(subgroupStart('2026-03-04', 'day', 7)).toBe('2026-03-04');
  });

  it('lists the weeks of a period that starts mid-week and crosses a month', () => {
    // Wednesday 25 February to Tuesday 10 March.
    expect(subgroupStarts(week('2026-02-25', '2026-03-10', 1))).toEqual(['2026-02-23', '2026-03-02', '2026-03-09']);
    expect(subgroupStarts(week('2026-02-25', '2026-03-10', 7))).toEqual(['2026-02-22', '2026-03-01', '2026-03-08']);
    expect(subgroupStarts(week('2026-02-25', '2026-03-10', 6))).toEqual(['2026-02-21', '2026-02-28', '2026-03-07']);
    // Each clipped to the period for its drill-down, whole weeks of seven days in between.
    const sunday = week('2026-02-25', '2026-03-10', 7);
    expect(subgroupRange('2026-02-22', sunday)).toEqual({ from: '2026-02-25', to: '2026-02-28' });
    expect(subgroupRange('2026-03-01', sunday)).toEqual({ from: '2026-03-01', to: '2026-03-07' });
    expect(subgroupRange('2026-03-08', sunday)).toEqual({ from: '2026-03-08', to: '2026-03-10' });
    expect(subgroupEnd('2026-03-01', 'week')).toBe('2026-03-07');
  });

  it('lists the weeks of a period that crosses a year', () => {
    // Tuesday 23 December 2025 to Friday 9 January 2026.
    expect(subgroupStarts(week('2025-12-23', '2026-01-09', 1))).toEqual(['2025-12-22', '2025-12-29', '2026-01-05']);
    expect(subgroupStarts(week('2025-12-23', '2026-01-09', 7))).toEqual(['2025-12-21', '2025-12-28', '2026-01-04']);
    expect(subgroupStarts(week('2025-12-23', '2026-01-09', 6))).toEqual(['2025-12-20', '2025-12-27', '2026-01-03']);
    const saturday = week('2025-12-23', '2026-01-09', 6);
    expect(subgroupRange('2025-12-20', saturday)).toEqual({ from: '2025-12-23', to: '2025-12-26' });
    expect(subgroupRange('2025-12-27', saturday)).toEqual({ from: '2025-12-27', to: '2026-01-02' });
    expect(subgroupRange('2026-01-03', saturday)).toEqual({ from: '2026-01-03', to: '2026-01-09' });
  });

  it('carry the week start the filters were resolved with', () => {
    const resolved = resolveMetricsFilters(
      metricsFiltersSchema.parse({ from: '2026-02-25', to: '2026-03-10', granularity: 'week' }),
      new Date('2026-03-20T12:00:00Z'),
      'Europe/Berlin',
      7,
    );
    if (!resolved.ok) throw new Error('expected ok');
    expect(resolved.filters.weekStart).toBe(7);
    expect(subgroupStarts(resolved.filters)).toEqual(['2026-02-22', '2026-03-01', '2026-03-08']);
  });
});

describe('the open chart tables in the URL', () => {
  it('reads the known tables, in the dashboard’s order, once each', () => {
    expect(readShownTables('rty,trend')).toEqual(['trend', 'rty']);
    expect(readShownTables('pareto,pareto')).toEqual(['pareto']);
    expect(readShownTables(['pchart,trend', 'rty'])).toEqual(['trend', 'pchart']);
  });

  it('leaves out what it does not know, and reads nothing from nothing', () => {
    expect(readShownTables('trend,heat,<script>')).toEqual(['trend']);
    expect(readShownTables(undefined)).toEqual([]);
    expect(readShownTables('')).toEqual([]);
    expect(readShownTables('x'.repeat(201))).toEqual([]);
    expect(readShownTables(42)).toEqual([]);
  });
});
