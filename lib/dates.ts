import { z } from 'zod';
import { msg } from '@/lib/validation/messages';

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

/**
 * A period (both days counted) cut into the whole calendar months it holds (their first days,
 * `first` … `last`) and the days outside them, so a rollup can read the months at month grain.
 */
export function splitByWholeMonths(
  from: string,
  to: string,
): { months: { first: string; last: string } | null; days: { from: string; to: string }[] } {
  const first = from.endsWith('-01') ? from : startOfNextMonth(from);
  // The first day after the last whole month: the start of the month holding the day after `to`.
  const after = `${addDays(to, 1).slice(0, 8)}01`;
  if (dayToTime(first) >= dayToTime(after)) return { months: null, days: [{ from, to }] };
  const days = [
    ...(from < first ? [{ from, to: addDays(first, -1) }] : []),
    ...(after <= to ? [{ from: after, to }] : []),
  ];
  return { months: { first, last: `${addDays(after, -1).slice(0, 8)}01` }, days };
}

/** A real calendar day inside the accepted years: 2026-02-30 and 9999-12-31 are refused. */
export function isAcceptedDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = dayToTime(value);
  // Date.parse rolls 2026-02-30 over into March; a real day survives the round trip.
  return !Number.isNaN(time) && isoDay(new Date(time)) === value && value >= MIN_DAY && value <= MAX_DAY;
}

const DAY_FORMAT_MESSAGE = msg('dayFormat');

/** A day typed in a form or a URL. */
export const daySchema = z
  .string({ error: DAY_FORMAT_MESSAGE })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: DAY_FORMAT_MESSAGE, abort: true })
  .refine((value) => value >= MIN_DAY && value <= MAX_DAY, {
    error: msg('dayBetween', { min: String(MIN_YEAR), max: String(MAX_YEAR) }),
    abort: true,
  })
  .refine(isAcceptedDay, { error: msg('dayDoesNotExist') });

const SKIPPED_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}) ([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*)$/;

// A little slack for clocks that run slightly ahead of the server's.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * When something happened: a date and time no earlier than MIN_YEAR and not in the future. Blank
 * means "now" (left to the caller).
 */
export const pastInstantSchema = z.preprocess(
  (value, context) => {
    if (value === '' || value === null || value === undefined) return undefined;
    // A form sends a wall-clock time its zone skips as "<time> <zone>" (components/interactions/interaction-fields.tsx).
    const skipped = typeof value === 'string' ? SKIPPED_TIME.exec(value) : null;
    if (skipped) {
      context.addIssue({
        code: 'custom',
        message: msg('instantSkipped', { time: `${skipped[1]} ${skipped[2]}`, zone: skipped[3]! }),
      });
      return z.NEVER;
    }
    return value;
  },
  z.coerce
    .date({ error: msg('instantInvalid') })
    .refine((date) => date.getTime() >= MIN_TIME, { error: msg('instantBefore', { min: String(MIN_YEAR) }) })
    .refine((date) => date.getTime() <= Date.now() + FUTURE_TOLERANCE_MS, {
      error: msg('instantFuture'),
    })
    .optional(),
);

/*
 * Time zones (docs/settings.md "Time zone"). Days, weeks and months are counted in the company's
 * IANA zone: the day of an instant is its calendar day on a wall clock there, and a day runs from
 * its first instant (midnight, or the end of a gap when a zone skips midnight) to the next day's.
 * Days are not all 24 hours: Europe/Berlin has a 23-hour day in March and a 25-hour day in
 * October. The zone database is the runtime's (Intl), the same one that lists the zones an admin
 * may choose; PostgreSQL cuts the rollups' days with its own copy, which agrees for every zone
 * both know (requestTimeZoneChange accepts only those).
 */

const HOUR_MS = 3_600_000;
const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** A formatter that writes an instant's wall clock in `zone` as numeric parts (cached: they are slow to build). */
function wallFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/** The wall clock of an instant in a zone, as the UTC milliseconds of the same wall clock. */
function wallTime(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of wallFormat(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const utc = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, instant - Math.floor(instant / 1000) * 1000);
  return utc.getTime();
}

/** Whether `zone` is a time zone the app accepts: 'UTC' or one of the runtime's IANA zones. */
export function isKnownTimeZone(zone: string): boolean {
  return zone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(zone);
}

/** Minutes a zone's wall clock is ahead of UTC at an instant (+60 for Berlin in winter, −300 for New York). */
export const zoneOffsetMinutes = (instant: Date, zone: string): number =>
  Math.round((wallTime(instant.getTime(), zone) - instant.getTime()) / 60_000);

/** The calendar day of an instant in a zone. */
export const dayInZone = (instant: Date, zone: string): string => isoDay(new Date(wallTime(instant.getTime(), zone)));

/** Today in a zone. */
export const todayInZone = (zone: string, now: Date = new Date()): string => dayInZone(now, zone);

/**
 * The instants showing a wall clock (given as the UTC milliseconds of the same wall clock) in a
 * zone, earliest first: one normally, two in the repeated hour when clocks go back, none in the
 * hour skipped when they go forward. A zone's offset changes at most once in any 24 hours here,
 * so the offsets half a day either side are the only candidates.
 */
function instantsOfWall(wall: number, zone: string): number[] {
  const offsets = new Set([wall - 12 * HOUR_MS, wall + 12 * HOUR_MS].map((t) => wallTime(t, zone) - t));
  return [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => wallTime(instant, zone) === wall)
    .sort((a, b) => a - b);
}

/** The first instant of a day in a zone: its midnight, or the end of the gap when the zone skips midnight. */
export function startOfDayInZone(day: string, zone: string): Date {
  const wall = dayToTime(day);
  const [first] = instantsOfWall(wall, zone);
  if (first !== undefined) return new Date(first);
  // Midnight skipped: the clock jumped from before midnight to after it, at the instant the
  // offset of the evening before would give midnight.
  const before = wall - 12 * HOUR_MS;
  return new Date(wall - (wallTime(before, zone) - before));
}

/** The instants a day spans in a zone, `from` counted, `to` not: 23, 24 or 25 hours in most zones. */
export const dayRangeInZone = (day: string, zone: string): { from: Date; to: Date } => ({
  from: startOfDayInZone(day, zone),
  to: startOfDayInZone(addDays(day, 1), zone),
});

/**
 * A wall-clock date and time typed in a form ('YYYY-MM-DDTHH:mm', seconds optional), read in a
 * zone. A time the zone skips (the hour clocks go forward) is `null`, for the form to refuse; a
 * time it shows twice (the hour clocks go back) is its first occurrence.
 */
export function instantOfWallClock(local: string, zone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0'] = match;
  const date = `${y}-${mo}-${d}`;
  if (!isAcceptedDay(date) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const wall = dayToTime(date) + Number(h) * HOUR_MS + Number(mi) * 60_000 + Number(s) * 1000;
  const [first] = instantsOfWall(wall, zone);
  return first === undefined ? null : new Date(first);
}

/**
 * The instant a wall clock ('YYYY-MM-DDTHH:mm', seconds optional) comes round in a zone, for
 * schedules: its first occurrence when clocks go back (so a job set then runs once), and when the
 * zone skips it (clocks go forward) the first instant after the gap, e.g. 03:00 for 02:30 in
 * Europe/Berlin on 29 March 2026. Null only for text that is not a wall clock.
 */
export function instantAtOrAfterWallClock(local: string, zone: string): Date | null {
  const exact = instantOfWallClock(local, zone);
  if (exact || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/.test(local)) return exact;
  const [date = '', time = ''] = local.split('T');
  const [h = 0, mi = 0, sec = 0] = time.split(':').map(Number);
  if (!isAcceptedDay(date) || h > 23 || mi > 59 || sec > 59) return null;
  const wall = dayToTime(date) + h * HOUR_MS + mi * 60_000 + sec * 1000;
  // In the gap: before it the offset was smaller. The instant the clocks jump lies between the
  // wall clock read at the later offset (still before the jump) and at the earlier one (after it).
  const offsetOf = (t: number) => wallTime(t, zone) - t;
  let before = wall - offsetOf(wall + 12 * HOUR_MS);
  let after = wall - offsetOf(wall - 12 * HOUR_MS);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (wallTime(middle, zone) >= wall) after = middle;
    else before = middle;
  }
  return new Date(after);
}

/** The wall clock of an instant in a zone, as a form's datetime-local value ('YYYY-MM-DDTHH:mm'). */
export const wallClockInZone = (instant: Date, zone: string): string =>
  new Date(wallTime(instant.getTime(), zone)).toISOString().slice(0, 16);

/**
 * The first day of the week holding `day`, weeks starting on `weekStart` (ISO: 1 = Monday …
 * 7 = Sunday, company_settings.week_start).
 */
export function startOfWeek(day: string, weekStart: number): string {
  const isoWeekday = ((new Date(dayToTime(day)).getUTCDay() + 6) % 7) + 1;
  return addDays(day, -((isoWeekday - weekStart + 7) % 7));
}
