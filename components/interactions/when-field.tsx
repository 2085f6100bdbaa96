'use client';

import { useState, useSyncExternalStore } from 'react';
import { useFormatter, useTimeZone, useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import { instantOfWallClock, todayInZone, zoneOffsetMinutes } from '@/lib/dates';

/**
 * The form's values as an action takes them: the time typed on the company's wall clock
 * (`occurredAtLocal`) becomes the instant `occurredAt`. A time the zone skips (clocks going
 * forward) has none and is sent as typed with the zone, which the action's schema
 * (`pastInstantSchema`, lib/dates.ts) refuses beside the field rather than guess.
 */
export function wallClockFormData(form: HTMLFormElement, zone: string): FormData {
  const data = new FormData(form);
  const local = data.get('occurredAtLocal');
  data.delete('occurredAtLocal');
  if (typeof local === 'string' && local) {
    const instant = instantOfWallClock(local, zone);
    data.set('occurredAt', instant ? instant.toISOString() : `${local} ${zone}`);
  }
  return data;
}

/** An offset from UTC, as "UTC+01:00". */
const offsetLabel = (minutes: number) => {
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '−' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

// The browser's zone does not change while the form is open.
const noChanges = () => () => {};

/**
 * When the interaction happened. A date-and-time input is one Tab stop per part (day, month,
 * year, hours, minutes), seven in all; most interactions are logged as they happen, so the time
 * shows as text with one "Change time" button, and the input appears only when asked for.
 */
export function WhenField({
  defaultValue,
  error,
  label,
}: {
  defaultValue?: string;
  error?: string[];
  /** The field's name when "When" is not enough ("Occurred at" on a defect). */
  label?: string;
}) {
  const t = useTranslations('interactions.when');
  const format = useFormatter();
  const zone = useTimeZone() ?? 'UTC';
  /** The wall-clock value in the app's named formats (the company's zone, named): the time alone when it is today. */
  const shown = (local: string, today: boolean) => {
    const instant = instantOfWallClock(local, zone);
    return instant ? format.dateTime(instant, today ? 'time' : 'dateTime') : local;
  };
  const ownZone = useSyncExternalStore(
    noChanges,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  const now = new Date();
  // The zone the time is typed in, and the reader's own offset when theirs differs.
  const hint =
    ownZone && zoneOffsetMinutes(now, ownZone) !== zoneOffsetMinutes(now, zone)
      ? t('hintOtherZone', {
          zone,
          offset: offsetLabel(zoneOffsetMinutes(now, zone)),
          own: offsetLabel(zoneOffsetMinutes(now, ownZone)),
        })
      : t('hint', { zone, offset: offsetLabel(zoneOffsetMinutes(now, zone)) });
  const [editing, setEditing] = useState(!defaultValue || Boolean(error?.length));
  if (editing)
    return (
      <Field
        label={label ?? t('label')}
        name="occurredAtLocal"
        type="datetime-local"
        required
        // Focus follows the click on "Change time"; an error shows the input from the start.
        autoFocus={Boolean(defaultValue) && !error?.length}
        defaultValue={defaultValue}
        error={error}
        hint={hint}
      />
    );
  const today = defaultValue!.slice(0, 10) === todayInZone(zone);
  return (
    <div role="group" aria-labelledby="occurredAt-label" className="flex flex-col gap-1">
      <span id="occurredAt-label" className="text-sm font-medium">
        {label ?? t('label')}
      </span>
      <input type="hidden" name="occurredAtLocal" value={defaultValue} />
      <div className="flex min-h-10 flex-wrap items-center gap-3">
        <span className="text-sm tabular-nums">
          {today ? t('today', { time: shown(defaultValue!, true) }) : shown(defaultValue!, false)}
        </span>
        <button
          type="button"
          className="rounded-md border border-input bg-surface px-3 py-1.5 text-sm font-medium"
          onClick={() => setEditing(true)}
        >
          {t('change')}
        </button>
      </div>
      <p className="text-xs text-muted">{hint}</p>
    </div>
  );
}
