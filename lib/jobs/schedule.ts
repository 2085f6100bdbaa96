/**
 * The next moment after `after` that falls on `weekday` (0 = Sunday) at `hour`:00 UTC. The company
 * time zone is not configurable yet, so schedules are in UTC.
 */
export function nextWeekly(after: Date, { weekday, hour }: { weekday: number; hour: number }): Date {
  const next = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), hour));
  next.setUTCDate(next.getUTCDate() + ((weekday - next.getUTCDay() + 7) % 7));
  if (next.getTime() <= after.getTime()) next.setUTCDate(next.getUTCDate() + 7);
  return next;
}

/** The next moment after `after` at `hour`:`minute` UTC. */
export function nextDaily(after: Date, { hour, minute = 0 }: { hour: number; minute?: number }): Date {
  const next = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), hour, minute));
  if (next.getTime() <= after.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}
