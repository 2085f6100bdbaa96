'use client';

import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { requestTimeZoneChangeAction } from '@/app/(app)/admin/settings/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';

export interface TimeZoneState {
  timeZone: string;
  pendingTimeZone: string | null;
  rebuildDone: number;
  rebuildTotal: number;
  rebuildError: string | null;
  /** After a failure: the job tries again by itself (true), or the admin must ask again (false). */
  retryQueued: boolean;
}

// The browser's zone does not change while the page is open.
const noChanges = () => () => {};

// How often the page asks for the rebuild's progress while it runs.
const POLL_MS = 2_000;

/**
 * The company's time zone: a searchable list of the zones (typing filters the browser's list), the
 * zone in use, and the progress of a change being rebuilt (docs/settings.md "Time zone").
 */
export function TimeZoneSettings({
  state,
  zones,
}: {
  state: TimeZoneState;
  zones: { value: string; label: string }[];
}) {
  const t = useTranslations('admin.timeZone');
  const router = useRouter();
  const { result, submit, pending, fieldErrors: errors, values: typed } = useAction(requestTimeZoneChangeAction);
  const rebuilding = state.pendingTimeZone !== null && state.rebuildError === null;
  const failed = state.pendingTimeZone !== null && state.rebuildError !== null;
  const pendingZone = state.pendingTimeZone ?? '';
  // The zone last asked for, to say "done" once it is the company's.
  const [requested, setRequested] = useState<string | null>(null);
  const ask = (event: FormEvent<HTMLFormElement>) => {
    setRequested(String(new FormData(event.currentTarget).get('timeZone') ?? '').trim());
    submit(event);
  };
  // While a change runs, or waits for its automatic retry, the page follows it.
  const following = rebuilding || (failed && state.retryQueued);
  // The reader's own zone, known only in the browser: shown when it is not the company's.
  const ownZone = useSyncExternalStore(
    noChanges,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  useEffect(() => {
    if (!following) return;
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [following, router]);

  // The answer to the last request, as the change stands now: "being rebuilt" only while it is,
  // "done" once the new zone is in use; a failure speaks for itself above the form.
  const message = result
    ? result.ok
      ? result.data.queued
        ? rebuilding
          ? t('queued')
          : !failed && requested === state.timeZone
            ? t('done', { zone: state.timeZone })
            : undefined
        : t('unchanged')
      : result.message
    : undefined;
  return (
    <section aria-labelledby="time-zone-title" className="flex max-w-xl flex-col gap-4">
      <h2 id="time-zone-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="text-sm">{t('current', { zone: state.timeZone })}</p>
      {ownZone && ownZone !== state.timeZone ? (
        <p className="text-sm text-muted">{t('yours', { zone: ownZone })}</p>
      ) : null}
      {rebuilding ? (
        <div className="flex flex-col gap-1">
          <p className="text-sm" id="time-zone-progress-label">
            {t('rebuilding', { zone: pendingZone, done: state.rebuildDone, total: state.rebuildTotal })}
          </p>
          <progress
            aria-labelledby="time-zone-progress-label"
            value={state.rebuildDone}
            max={Math.max(state.rebuildTotal, 1)}
            className="w-full accent-primary"
          />
        </div>
      ) : null}
      {failed ? (
        <div role="alert" className="flex flex-col gap-2 rounded-md bg-danger/10 px-3 py-2 text-sm text-danger">
          <p className="font-medium">{t('failed', { zone: pendingZone, current: state.timeZone })}</p>
          <p>{state.retryQueued ? t('retrying') : t('retryByHand')}</p>
          <p className="text-xs">{t('reason', { error: state.rebuildError ?? '' })}</p>
          {state.retryQueued ? null : (
            <form onSubmit={ask} noValidate aria-label={t('retryLabel')}>
              <input type="hidden" name="timeZone" value={pendingZone} />
              <Button type="submit" variant="secondary" disabled={pending}>
                {t('retry')}
              </Button>
            </form>
          )}
        </div>
      ) : null}
      <form onSubmit={ask} noValidate className="flex flex-col gap-3" aria-label={t('formLabel')}>
        <Field
          label={t('zone')}
          name="timeZone"
          list="time-zone-options"
          autoComplete="off"
          required
          defaultValue={typed?.timeZone ?? state.pendingTimeZone ?? state.timeZone}
          error={errors.timeZone}
          hint={t('hint')}
          disabled={following}
        />
        <datalist id="time-zone-options">
          {zones.map((zone) => (
            <option key={zone.value} value={zone.value}>
              {zone.label}
            </option>
          ))}
        </datalist>
        <FormMessage message={message} tone={result?.ok ? 'success' : 'error'} />
        <div>
          <Button type="submit" disabled={pending || following}>
            {t('change')}
          </Button>
        </div>
      </form>
    </section>
  );
}
