import { englishMessage } from '@/lib/i18n/english';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayInZone,
  dayRangeInZone,
  daySchema,
  daysBetween,
  instantOfWallClock,
  isAcceptedDay,
  isKnownTimeZone,
  MAX_DAY,
  pastInstantSchema,
  splitByWholeMonths,
  startOfDayInZone,
  startOfNextMonth,
  startOfWeek,
  todayInZone,
  wallClockInZone,
  zoneOffsetMinutes,
} from './dates';

// The schemas speak in message references (lib/validation/messages.ts): read them as an English reader would.
const messages = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => englishMessage(i.message));

describe('days', () => {
  it('accept real days between 1900 and 2200 only', () => {
    expect(daySchema.safeParse('2026-02-28').success).toBe(true);
    expect(daySchema.safeParse('1900-01-01').success).toBe(true);
    expect(daySchema.safeParse('2200-12-31').success).toBe(true);
    expect(messages(daySchema.safeParse('2026-02-30'))).toEqual(['That date does not exist.']);
    expect(messages(daySchema.safeParse('9999-12-31'))).toEqual(['Choose a date between 1900 and 2200.']);
    expect(messages(daySchema.safeParse('0000-01-01'))).toEqual(['Choose a date between 1900 and 2200.']);
    expect(messages(daySchema.safeParse('1899-12-31'))).toEqual(['Choose a date between 1900 and 2200.']);
    expect(messages(daySchema.safeParse('31/01/2026'))).toEqual(['Use a date like 2026-01-31.']);
    expect(isAcceptedDay('+010000-01-01')).toBe(false);
  });

  it('do arithmetic across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(365);
    expect(startOfNextMonth('2026-01-31')).toBe('2026-02-01');
    expect(startOfNextMonth('2026-12-15')).toBe('2027-01-01');
    // The last accepted day still has a four-digit successor, so comparisons stay sound.
    expect(addDays(MAX_DAY, 1)).toBe('2201-01-01');
  });

  it('accept instants from 1900 up to now, never year 0 or the far future', () => {
    expect(pastInstantSchema.safeParse('2026-01-01T10:00:00Z').success).toBe(true);
    expect(pastInstantSchema.safeParse('').data).toBeUndefined();
    expect(messages(pastInstantSchema.safeParse('0000-01-01T00:00:00Z'))).toEqual(['The date cannot be before 1900.']);
    expect(messages(pastInstantSchema.safeParse('-000001-06-01T00:00:00Z'))).toEqual([
      'The date cannot be before 1900.',
    ]);
    expect(messages(pastInstantSchema.safeParse('+275760-09-13T00:00:00Z'))).toEqual([
      'The date cannot be in the future.',
    ]);
    expect(messages(pastInstantSchema.safeParse('not a date'))).toEqual(['Enter a valid date and time.']);
  });
});

describe('splitByWholeMonths', () => {
  it('cuts a period into its whole months and the days around them', () => {
    expect(splitByWholeMonths('2025-12-15', '2026-03-10')).toEqual({
      months: { first: '2026-01-01', last: '2026-02-01' },
      days: [
        { from: '2025-12-15', to: '2025-12-31' },
        { from: '2026-03-01', to: '2026-03-10' },
      ],
    });
  });

  it('keeps a period of whole months whole, across a year and a leap day', () => {
    expect(splitByWholeMonths('2023-12-01', '2024-02-29')).toEqual({
      months: { first: '2023-12-01', last: '2024-02-01' },
      days: [],
    });
  });

  it('reads a period without a whole month as days', () => {
    expect(splitByWholeMonths('2026-03-02', '2026-03-31')).toEqual({
      months: null,
      days: [{ from: '2026-03-02', to: '2026-03-31' }],
    });
    expect(splitByWholeMonths('2026-02-15', '2026-03-14')).toEqual({
      months: null,
      days: [{ from: '2026-02-15', to: '2026-03-14' }],
    });
    expect(splitByWholeMonths('2026-03-01', '2026-03-01').months).toBeNull();
  });
});

describe('days in a time zone', () => {
  const hours = (range: { from: Date; to: Date }) => (range.to.getTime() - range.from.getTime()) / 3_600_000;

  it('cut an instant at the zone’s midnight', () => {
    const late = new Date('2026-01-05T23:30:00Z');
    expect(dayInZone(late, 'UTC')).toBe('2026-01-05');
    expect(dayInZone(late, 'Europe/Berlin')).toBe('2026-01-06');
    expect(dayInZone(new Date('2026-01-06T03:00:00Z'), 'America/New_York')).toBe('2026-01-05');
    expect(todayInZone('Pacific/Kiritimati', new Date('2026-01-05T12:00:00Z'))).toBe('2026-01-06');
    expect(zoneOffsetMinutes(late, 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(new Date('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(late, 'Asia/Kolkata')).toBe(330);
  });

  it('have 23 and 25 hours on the days clocks change', () => {
    expect(hours(dayRangeInZone('2026-03-29', 'Europe/Berlin'))).toBe(23);
    expect(hours(dayRangeInZone('2026-10-25', 'Europe/Berlin'))).toBe(25);
    expect(hours(dayRangeInZone('2026-03-08', 'America/New_York'))).toBe(23);
    expect(hours(dayRangeInZone('2026-11-01', 'America/New_York'))).toBe(25);
    expect(hours(dayRangeInZone('2026-03-30', 'Europe/Berlin'))).toBe(24);
    expect(dayRangeInZone('2026-03-29', 'Europe/Berlin')).toEqual({
      from: new Date('2026-03-28T23:00:00Z'),
      to: new Date('2026-03-29T22:00:00Z'),
    });
    expect(startOfDayInZone('2026-11-01', 'America/New_York')).toEqual(new Date('2026-11-01T04:00:00Z'));
  });

  it('start at the end of the gap when a zone skips midnight', () => {
    // Santiago moved its clocks from 00:00 to 01:00 on 2026-09-06.
    const start = startOfDayInZone('2026-09-06', 'America/Santiago');
    expect(dayInZone(start, 'America/Santiago')).toBe('2026-09-06');
    expect(dayInZone(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2026-09-05');
  });

  it('read a wall clock in the zone, refusing the skipped hour and taking the first of a repeated one', () => {
    expect(instantOfWallClock('2026-01-05T23:30', 'Europe/Berlin')).toEqual(new Date('2026-01-05T22:30:00Z'));
    expect(instantOfWallClock('2026-07-05T09:15', 'America/New_York')).toEqual(new Date('2026-07-05T13:15:00Z'));
    expect(instantOfWallClock('2026-03-29T02:30', 'Europe/Berlin')).toBeNull();
    expect(instantOfWallClock('2026-03-29T03:00', 'Europe/Berlin')).toEqual(new Date('2026-03-29T01:00:00Z'));
    expect(instantOfWallClock('2026-10-25T02:30', 'Europe/Berlin')).toEqual(new Date('2026-10-25T00:30:00Z'));
    expect(instantOfWallClock('2026-02-30T10:00', 'UTC')).toBeNull();
    expect(instantOfWallClock('2026-01-05 10:00', 'UTC')).toBeNull();
    expect(wallClockInZone(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25T02:30');
  });

  it('refuse a skipped time a form sends, naming the time and zone', () => {
    expect(messages(pastInstantSchema.safeParse('2026-03-29T02:30 Europe/Berlin'))).toEqual([
      '2026-03-29 02:30 does not exist in Europe/Berlin: the clocks go forward then. Choose a time after the change.',
    ]);
  });

  it('know the zones of the runtime and UTC only', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('europe/berlin')).toBe(false);
  });

  it('start weeks on the company’s first day', () => {
    // 2026-01-07 is a Wednesday.
    expect(startOfWeek('2026-01-07', 1)).toBe('2026-01-05');
    expect(startOfWeek('2026-01-07', 7)).toBe('2026-01-04');
    expect(startOfWeek('2026-01-07', 3)).toBe('2026-01-07');
    expect(startOfWeek('2026-01-06', 3)).toBe('2025-12-31');
  });
});
