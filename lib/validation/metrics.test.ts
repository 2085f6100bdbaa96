import { describe, expect, it } from 'vitest';
import { metricsFiltersSchema, previousPeriod, resolveMetricsFilters, subgroupRange, subgroupStarts } from './metrics';

const resolve = (params: Record<string, unknown>) =>
  resolveMetricsFilters(metricsFiltersSchema.parse(params), new Date('2026-05-20T15:00:00Z'));

describe('metrics filters', () => {
  it('default to the last 30 days ending today, day by day', () => {
    expect(resolve({})).toMatchObject({
      ok: true,
      filters: { from: '2026-04-21', to: '2026-05-20', granularity: 'day' },
    });
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
