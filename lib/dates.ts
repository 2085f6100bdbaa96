import { z } from 'zod';

/*
 * Days and periods: the one home for date arithmetic and for the dates the app accepts. A day is
 * a UTC calendar day written YYYY-MM-DD. Every accepted day lies between MIN_DAY and MAX_DAY, so
 * arithmetic on it stays inside four-digit years (JavaScript writes year 10000 as "+010000-01-01",
 * which sorts below "9999-12-31" and once made a period loop run forever).
 */

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
export const MIN_DAY = `${MIN_YEAR}-01-01`;
export const MAX_DAY = `${MAX_YEAR}-12-31`;
const MIN_TIME = Date.UTC(MIN_YEAR, 0, 1);

const DAY_MS = 86_400_000;

/** The UTC day of an instant. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Midnight UTC of a day, in milliseconds. */
export const dayToTime = (day: string): number => Date.parse(`${day}T00:00:00Z`);

export const addDays = (day: string, days: number): string => isoDay(new Date(dayToTime(day) + days * DAY_MS));

/** The number of days from `from` to `to`, both counted. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((dayToTime(to) - dayToTime(from)) / DAY_MS) + 1;

/** The first day of the month after the one holding `day`. */
export const startOfNextMonth = (day: string): string => {
  const date = new Date(dayToTime(day));
  return isoDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
};

/** A real calendar day inside the accepted years: 2026-02-30 and 9999-12-31 are refused. */
export function isAcceptedDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = dayToTime(value);
  // Date.parse rolls 2026-02-30 over into March; a real day survives the round trip.
  return !Number.isNaN(time) && isoDay(new Date(time)) === value && value >= MIN_DAY && value <= MAX_DAY;
}

const DAY_FORMAT_MESSAGE = 'Use a date like 2026-01-31.';

/** A day typed in a form or a URL. */
export const daySchema = z
  .string({ error: DAY_FORMAT_MESSAGE })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: DAY_FORMAT_MESSAGE, abort: true })
  .refine((value) => value >= MIN_DAY && value <= MAX_DAY, {
    error: `Choose a date between ${MIN_YEAR} and ${MAX_YEAR}.`,
    abort: true,
  })
  .refine(isAcceptedDay, { error: 'That date does not exist.' });

// A little slack for clocks that run slightly ahead of the server's.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * When something happened: a date and time no earlier than MIN_YEAR and not in the future. Blank
 * means "now" (left to the caller).
 */
export const pastInstantSchema = z.preprocess(
  (value) => (value === '' || value === null || value === undefined ? undefined : value),
  z.coerce
    .date({ error: 'Enter a valid date and time.' })
    .refine((date) => date.getTime() >= MIN_TIME, { error: `The date cannot be before ${MIN_YEAR}.` })
    .refine((date) => date.getTime() <= Date.now() + FUTURE_TOLERANCE_MS, {
      error: 'The date cannot be in the future.',
    })
    .optional(),
);
