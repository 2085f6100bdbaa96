import { describe, expect, it } from 'vitest';
import { addDays, daySchema, daysBetween, isAcceptedDay, MAX_DAY, pastInstantSchema, startOfNextMonth } from './dates';

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message);

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
