import { describe, expect, it } from 'vitest';
import { nextDaily, nextWeekly } from './schedule';

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('nextWeekly', () => {
  it('finds the coming Monday 07:00 UTC', () => {
    // 2026-03-04 is a Wednesday.
    expect(iso(nextWeekly(at('2026-03-04T12:00:00Z'), { weekday: 1, hour: 7 }))).toBe('2026-03-09T07:00:00.000Z');
  });
  it('moves a week on when the moment has just passed, and keeps it when still ahead', () => {
    expect(iso(nextWeekly(at('2026-03-09T07:00:00Z'), { weekday: 1, hour: 7 }))).toBe('2026-03-16T07:00:00.000Z');
    expect(iso(nextWeekly(at('2026-03-09T06:59:00Z'), { weekday: 1, hour: 7 }))).toBe('2026-03-09T07:00:00.000Z');
  });
  it('counts weekdays the ISO way: 7 is Sunday, 6 is Saturday', () => {
    expect(iso(nextWeekly(at('2026-03-04T12:00:00Z'), { weekday: 7, hour: 7 }))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(nextWeekly(at('2026-03-04T12:00:00Z'), { weekday: 6, hour: 7 }))).toBe('2026-03-07T07:00:00.000Z');
    expect(iso(nextWeekly(at('2026-03-08T07:00:00Z'), { weekday: 7, hour: 7 }))).toBe('2026-03-15T07:00:00.000Z');
  });

  it('runs at 07:00 on the wall clock of Europe/Berlin on both sides of its changes of 2026', () => {
    const zone = 'Europe/Berlin';
    // Sunday weeks: 22 March is still winter (UTC+1), 29 March is the change day, 5 April summer (UTC+2).
    const sunday = { weekday: 7, hour: 7 };
    expect(iso(nextWeekly(at('2026-03-20T00:00:00Z'), sunday, zone))).toBe('2026-03-22T06:00:00.000Z');
    expect(iso(nextWeekly(at('2026-03-22T06:00:00Z'), sunday, zone))).toBe('2026-03-29T05:00:00.000Z');
    expect(iso(nextWeekly(at('2026-03-29T05:00:00Z'), sunday, zone))).toBe('2026-04-05T05:00:00.000Z');
    // Back on 25 October (a Sunday): 07:00 is after the repeated hour, so UTC+1 already.
    expect(iso(nextWeekly(at('2026-10-18T05:00:00Z'), sunday, zone))).toBe('2026-10-25T06:00:00.000Z');
    expect(iso(nextWeekly(at('2026-10-25T06:00:00Z'), sunday, zone))).toBe('2026-11-01T06:00:00.000Z');
  });

  it('runs at 07:00 on the wall clock of America/New_York on both sides of its changes of 2026', () => {
    const zone = 'America/New_York';
    const monday = { weekday: 1, hour: 7 };
    // Clocks go forward on Sunday 8 March and back on Sunday 1 November.
    expect(iso(nextWeekly(at('2026-03-03T00:00:00Z'), monday, zone))).toBe('2026-03-09T11:00:00.000Z');
    expect(iso(nextWeekly(at('2026-02-27T00:00:00Z'), monday, zone))).toBe('2026-03-02T12:00:00.000Z');
    expect(iso(nextWeekly(at('2026-10-27T00:00:00Z'), monday, zone))).toBe('2026-11-02T12:00:00.000Z');
    expect(iso(nextWeekly(at('2026-10-20T00:00:00Z'), monday, zone))).toBe('2026-10-26T11:00:00.000Z');
  });

  it('finds a Monday that has begun in the zone but not yet in UTC', () => {
    // 23:30 UTC on Sunday 1 March is 00:30 on Monday 2 March in Berlin; 07:00 that Monday is still ahead.
    expect(iso(nextWeekly(at('2026-03-01T23:30:00Z'), { weekday: 1, hour: 7 }, 'Europe/Berlin'))).toBe(
      '2026-03-02T06:00:00.000Z',
    );
  });
});

describe('nextDaily', () => {
  it('is later today or tomorrow', () => {
    expect(iso(nextDaily(at('2026-03-04T01:00:00Z'), { hour: 2 }))).toBe('2026-03-04T02:00:00.000Z');
    expect(iso(nextDaily(at('2026-03-04T02:00:00Z'), { hour: 2 }))).toBe('2026-03-05T02:00:00.000Z');
  });

  /** Every run from `from` on, `count` of them, each asked right after the one before. */
  const runs = (from: string, count: number, time: { hour: number; minute?: number }, zone: string) => {
    const out: string[] = [];
    let after = at(from);
    for (let i = 0; i < count; i += 1) {
      after = nextDaily(after, time, zone);
      out.push(iso(after));
    }
    return out;
  };

  it('keeps 00:30 local in Europe/Berlin through the 23-hour and the 25-hour day', () => {
    expect(runs('2026-03-27T12:00:00Z', 4, { hour: 0, minute: 30 }, 'Europe/Berlin')).toEqual([
      '2026-03-27T23:30:00.000Z',
      '2026-03-28T23:30:00.000Z', // 00:30 on 29 March, still UTC+1
      '2026-03-29T22:30:00.000Z', // 00:30 on 30 March, UTC+2
      '2026-03-30T22:30:00.000Z',
    ]);
    expect(runs('2026-10-23T12:00:00Z', 4, { hour: 0, minute: 30 }, 'Europe/Berlin')).toEqual([
      '2026-10-23T22:30:00.000Z',
      '2026-10-24T22:30:00.000Z', // 00:30 on 25 October, still UTC+2
      '2026-10-25T23:30:00.000Z', // 00:30 on 26 October, UTC+1
      '2026-10-26T23:30:00.000Z',
    ]);
  });

  it('runs a skipped local time at the end of the gap, and a repeated one once (Europe/Berlin)', () => {
    // 02:30 does not exist on 29 March (02:00 → 03:00): it runs at 03:00 CEST = 01:00 UTC.
    expect(runs('2026-03-27T12:00:00Z', 4, { hour: 2, minute: 30 }, 'Europe/Berlin')).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-30T00:30:00.000Z',
      '2026-03-31T00:30:00.000Z',
    ]);
    // 02:30 happens twice on 25 October (03:00 → 02:00): it runs at the first, 00:30 UTC, only.
    expect(runs('2026-10-23T12:00:00Z', 4, { hour: 2, minute: 30 }, 'Europe/Berlin')).toEqual([
      '2026-10-24T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
      '2026-10-27T01:30:00.000Z',
    ]);
    // Asked between the two 02:30s, the next run is the next day's.
    expect(iso(nextDaily(at('2026-10-25T01:00:00Z'), { hour: 2, minute: 30 }, 'Europe/Berlin'))).toBe(
      '2026-10-26T01:30:00.000Z',
    );
  });

  it('runs a skipped local time at the end of the gap, and a repeated one once (America/New_York)', () => {
    // 8 March: 02:00 → 03:00 EDT. 02:15 runs at 03:00 EDT = 07:00 UTC.
    expect(runs('2026-03-06T12:00:00Z', 4, { hour: 2, minute: 15 }, 'America/New_York')).toEqual([
      '2026-03-07T07:15:00.000Z',
      '2026-03-08T07:00:00.000Z',
      '2026-03-09T06:15:00.000Z',
      '2026-03-10T06:15:00.000Z',
    ]);
    // 1 November: 02:00 EDT → 01:00 EST. 01:30 happens twice and runs at the first (EDT, 05:30 UTC).
    expect(runs('2026-10-30T12:00:00Z', 4, { hour: 1, minute: 30 }, 'America/New_York')).toEqual([
      '2026-10-31T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
      '2026-11-03T06:30:00.000Z',
    ]);
    // 00:30 around both changes: a whole day between runs on the wall clock.
    expect(runs('2026-03-07T00:00:00Z', 3, { hour: 0, minute: 30 }, 'America/New_York')).toEqual([
      '2026-03-07T05:30:00.000Z',
      '2026-03-08T05:30:00.000Z',
      '2026-03-09T04:30:00.000Z',
    ]);
    expect(runs('2026-10-31T00:00:00Z', 3, { hour: 0, minute: 30 }, 'America/New_York')).toEqual([
      '2026-10-31T04:30:00.000Z',
      '2026-11-01T04:30:00.000Z',
      '2026-11-02T05:30:00.000Z',
    ]);
  });
});
