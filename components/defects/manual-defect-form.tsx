'use client';

import { useRouter } from 'next/navigation';
import { useFormatter, useTimeZone, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { createManualDefectAction } from '@/app/(app)/defects/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { toLocalInputValue } from '@/components/interactions/interaction-fields';
import { useMounted } from '@/components/interactions/use-mounted';
import { WhenField, wallClockFormData } from '@/components/interactions/when-field';
import { ResultMessage } from '@/components/ui/form-message';
import type { DefectOptions } from '@/lib/queries/defects';
import { SelectField, TextAreaField } from '@/components/ui/form-fields';
import { useAction } from '@/components/ui/use-action';
import { DEFECT_KINDS, SEVERITIES, type DefectKind, type Severity } from '@/lib/enums';

/** What a defect recorded by hand most often is, and the schema's default severity. */
const DEFAULT_KIND: DefectKind = 'complaint';
const DEFAULT_SEVERITY: Severity = 'minor';

type Customer = { id: string; name: string; company: string | null };

/**
 * Picks a customer by typing the start of their name, email, company or reference; optional. It
 * asks the log screen's indexed search (`/customers/search`), the latest text winning.
 */
function CustomerPicker({ error }: { error?: string[] }) {
  const t = useTranslations('defects');
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Customer[]>([]);
  const [chosen, setChosen] = useState<Customer | null>(null);
  const [searching, setSearching] = useState(false);
  const inFlight = useRef<AbortController | null>(null);
  const search = async (q: string) => {
    setQuery(q);
    inFlight.current?.abort();
    if (q.trim().length < 2) return setMatches([]);
    const controller = new AbortController();
    inFlight.current = controller;
    setSearching(true);
    try {
      const response = await fetch(`/customers/search?q=${encodeURIComponent(q.trim())}`, {
        signal: controller.signal,
      });
      setMatches(response.ok ? ((await response.json()) as { data: Customer[] }).data : []);
    } catch (failure) {
      if ((failure as Error).name !== 'AbortError') setMatches([]);
    } finally {
      if (inFlight.current === controller) setSearching(false);
    }
  };
  if (chosen) {
    return (
      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium">{t('field.customer')}</span>
        <input type="hidden" name="customerId" value={chosen.id} />
        <p className="flex items-center gap-2 text-sm">
          {chosen.name}
          {chosen.company ? ` (${chosen.company})` : ''}
          <Button type="button" variant="ghost" onClick={() => setChosen(null)}>
            {t('new.change')}
          </Button>
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1">
      <Field
        label={t('new.customerOptional')}
        name="customerSearch"
        value={query}
        onChange={(e) => search(e.target.value)}
        autoComplete="off"
        hint={t('new.customerHint')}
        error={error}
      />
      <ul aria-label={t('new.matching')} aria-live="polite" className="flex flex-col">
        {searching && matches.length === 0 ? <li className="text-xs text-muted">{t('new.searching')}</li> : null}
        {matches.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="w-full rounded px-2 py-1 text-left text-sm hover:bg-background focus:bg-background"
              onClick={() => (setChosen(c), setMatches([]))}
            >
              {c.name}
              {c.company ? <span className="text-muted"> · {c.company}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A defect no interaction captured: a complaint letter, a process failure seen on the floor. */
export function ManualDefectForm({ options }: { options: DefectOptions }) {
  const router = useRouter();
  const t = useTranslations('defects');
  const tEnum = useTranslations('enums');
  const format = useFormatter();
  // The company's currency symbol as the reader's locale writes it (£, €, US$ …).
  const currency = format.number(0, 'money').replace(/[\d\s.,]/g, '');
  const { run, pending, result, fieldErrors } = useAction(createManualDefectAction);
  // Typed on the company's wall clock, as on the log form; "now" is known once hydrated.
  const timeZone = useTimeZone() ?? 'UTC';
  const mounted = useMounted();
  const stages = [...new Set(options.touchpoints.filter((t) => t.active).map((t) => t.stageName))];
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        run(wallClockFormData(event.currentTarget, timeZone), (data) => router.push(`/defects/${data.id}`));
      }}
    >
      <Field
        label={t('field.title')}
        name="title"
        required
        maxLength={200}
        error={fieldErrors?.title}
        hint={t('new.titleHint')}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          label={t('field.touchpoint')}
          name="touchpointId"
          required
          defaultValue=""
          error={fieldErrors?.touchpointId}
        >
          <option value="" disabled>
            {t('new.chooseTouchpoint')}
          </option>
          {stages.map((stage) => (
            <optgroup key={stage} label={stage}>
              {options.touchpoints
                .filter((t) => t.active && t.stageName === stage)
                .map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <CustomerPicker error={fieldErrors?.customerId} />
        <SelectField label={t('field.kind')} name="kind" defaultValue={DEFAULT_KIND} error={fieldErrors?.kind}>
          {DEFECT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {tEnum(`defectKind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('field.category')}
          name="categoryId"
          required
          defaultValue=""
          error={fieldErrors?.categoryId}
        >
          <option value="" disabled>
            {t('new.chooseCategory')}
          </option>
          {options.categories
            .filter((c) => c.active)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </SelectField>
        <SelectField
          label={t('field.severity')}
          name="severity"
          defaultValue={DEFAULT_SEVERITY}
          error={fieldErrors?.severity}
        >
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {tEnum(`severity.${severity}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('field.lostRevenueIn', { currency })}
          name="lostRevenue"
          inputMode="decimal"
          defaultValue="0"
          error={fieldErrors?.lostRevenue}
        />
        {mounted ? (
          <WhenField
            label={t('new.occurredAt')}
            defaultValue={toLocalInputValue(new Date(), timeZone)}
            error={fieldErrors?.occurredAt}
          />
        ) : (
          <div />
        )}
        <SelectField label={t('field.owner')} name="ownerId" defaultValue="" error={fieldErrors?.ownerId}>
          <option value="">{t('nobodyYet')}</option>
          {options.people
            .filter((p) => p.active)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </SelectField>
        <Field label={t('field.dueOn')} name="dueOn" type="date" error={fieldErrors?.dueOn} />
      </div>
      <TextAreaField
        label={t('field.description')}
        name="description"
        error={fieldErrors?.description}
        hint={t('new.descriptionHint')}
      />
      <TextAreaField
        label={t('new.rootCause')}
        name="rootCause"
        error={fieldErrors?.rootCause}
        hint={t('new.rootCauseHint')}
      />
      <TextAreaField label={t('new.correctiveAction')} name="correctiveAction" error={fieldErrors?.correctiveAction} />
      <ResultMessage result={result} />
      <div>
        <Button type="submit" disabled={pending || !mounted}>
          {pending ? t('new.saving') : t('new.submit')}
        </Button>
      </div>
    </form>
  );
}
