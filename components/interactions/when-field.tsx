'use client';

import { useState } from 'react';
import { Field } from '@/components/ui/field';

const shown = (local: string) => {
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return local;
  const sameDay = date.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat('en-GB', {
    ...(sameDay ? {} : { day: 'numeric', month: 'short', year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
};

/**
 * When the interaction happened. A date-and-time input is one Tab stop per part (day, month,
 * year, hours, minutes), seven in all; most interactions are logged as they happen, so the time
 * shows as text with one "Change time" button, and the input appears only when asked for.
 */
export function WhenField({ defaultValue, error }: { defaultValue?: string; error?: string[] }) {
  const [editing, setEditing] = useState(!defaultValue || Boolean(error?.length));
  if (editing)
    return (
      <Field
        label="When"
        name="occurredAtLocal"
        type="datetime-local"
        required
        // Focus follows the click on "Change time"; an error shows the input from the start.
        autoFocus={Boolean(defaultValue) && !error?.length}
        defaultValue={defaultValue}
        error={error}
        hint="Your local time"
      />
    );
  const today = new Date(defaultValue!).toDateString() === new Date().toDateString();
  return (
    <div role="group" aria-labelledby="occurredAt-label" className="flex flex-col gap-1">
      <span id="occurredAt-label" className="text-sm font-medium">
        When
      </span>
      <input type="hidden" name="occurredAtLocal" value={defaultValue} />
      <div className="flex min-h-10 flex-wrap items-center gap-3">
        <span className="text-sm tabular-nums">{today ? `Today, ${shown(defaultValue!)}` : shown(defaultValue!)}</span>
        <button
          type="button"
          className="rounded-md border border-input bg-surface px-3 py-1.5 text-sm font-medium"
          onClick={() => setEditing(true)}
        >
          Change time
        </button>
      </div>
      <p className="text-xs text-muted">Your local time</p>
    </div>
  );
}
