import { addDays, dayInZone, dayToTime, instantAtOrAfterWallClock } from '@/lib/dates';

/*
 * When recurring jobs run (docs/jobs.md). Times are wall-clock times in the company's zone
 * (company_settings.time_zone, docs/settings.md "Time zone"), which the runner reads once per
 * round and hands to each schedule with the company's first day of the week. A local time that
 * happens twice (clocks go back) runs once, at its first occurrence; a local time the zone skips
 * (clocks go forward) runs at the first instant after the gap.
 */

/** What schedules are reckoned in: the company's zone and first day of the week (ISO 1 = Monday … 7 = Sunday). */
export interface ScheduleCalendar {
  timeZone: string;
  weekStart: number;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The instant `hour`:`minute` comes round on a calendar day in a zone. */
const atWallClock = (day: string, hour: number, minute: number, zone: string): Date =>
  instantAtOrAfterWallClock(`${day}T${two(hour)}:${two(minute)}`, zone) ?? new Date(dayToTime(day));

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
const isoWeekday = (day: string) => ((new Date(dayToTime(day)).getUTCDay() + 6) % 7) + 1;

/**
 * The next moment strictly after `after` that falls on `weekday` (ISO: 1 = Monday … 7 = Sunday) at
 * `hour`:`minute` on the wall clock of `zone`.
 */
export function nextWeekly(
  after: Date,
  { weekday, hour, minute = 0 }: { weekday: number; hour: number; minute?: number },
  zone = 'UTC',
): Date {
  // From the day before `after` (its wall-clock day may lag an instant near a change of offset).
  let day = addDays(dayInZone(after, zone), -1);
  for (let i = 0; i < 16; i += 1, day = addDays(day, 1)) {
    if (isoWeekday(day) !== weekday) continue;
    const at = atWallClock(day, hour, minute, zone);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new RangeError(`No weekday ${weekday} within two weeks.`);
}

/** The next moment strictly after `after` at `hour`:`minute` on the wall clock of `zone`. */
export function nextDaily(after: Date, { hour, minute = 0 }: { hour: number; minute?: number }, zone = 'UTC'): Date {
  let day = addDays(dayInZone(after, zone), -1);
  for (let i = 0; i < 4; i += 1, day = addDays(day, 1)) {
    const at = atWallClock(day, hour, minute, zone);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new RangeError('No daily moment within three days.');
}
