import { describe, expect, it } from 'vitest';
import { nextDaily, nextWeekly } from './schedule';

describe('nextWeekly', () => {
  it('finds the coming Monday 07:00 UTC', () => {
    // 2026-03-04 is a Wednesday.
    expect(nextWeekly(new Date('2026-03-04T12:00:00Z'), { weekday: 1, hour: 7 }).toISOString()).toBe(
      '2026-03-09T07:00:00.000Z',
    );
  });
  it('moves a week on when the moment has just passed, and keeps it when still ahead', () => {
    expect(nextWeekly(new Date('2026-03-09T07:00:00Z'), { weekday: 1, hour: 7 }).toISOString()).toBe(
      '2026-03-16T07:00:00.000Z',
    );
    expect(nextWeekly(new Date('2026-03-09T06:59:00Z'), { weekday: 1, hour: 7 }).toISOString()).toBe(
      '2026-03-09T07:00:00.000Z',
    );
  });
});

describe('nextDaily', () => {
  it('is later today or tomorrow', () => {
    expect(nextDaily(new Date('2026-03-04T01:00:00Z'), { hour: 2 }).toISOString()).toBe('2026-03-04T02:00:00.000Z');
    expect(nextDaily(new Date('2026-03-04T02:00:00Z'), { hour: 2 }).toISOString()).toBe('2026-03-05T02:00:00.000Z');
  });
});
