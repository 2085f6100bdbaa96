'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { createManualDefectAction } from '@/app/(app)/defects/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ResultMessage } from '@/components/ui/form-message';
import type { DefectOptions } from '@/lib/queries/defects';
import { SelectField, TextAreaField } from '@/components/ui/form-fields';
import { useAction } from '@/components/ui/use-action';
import { KIND_LABELS, SEVERITY_LABELS } from '@/lib/enums';

type Customer = { id: string; name: string; company: string | null };

/**
 * Picks a customer by typing the start of their name, email, company or reference; optional. It
 * asks the log screen's indexed search (`/customers/search`), the latest text winning.
 */
function CustomerPicker({ error }: { error?: string[] }) {
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
        <span className="text-sm font-medium">Customer</span>
        <input type="hidden" name="customerId" value={chosen.id} />
        <p className="flex items-center gap-2 text-sm">
          {chosen.name}
          {chosen.company ? ` (${chosen.company})` : ''}
          <Button type="button" variant="ghost" onClick={() => setChosen(null)}>
            Change
          </Button>
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1">
      <Field
        label="Customer (optional)"
        name="customerSearch"
        value={query}
        onChange={(e) => search(e.target.value)}
        autoComplete="off"
        hint="Type two or more letters of the name."
        error={error}
      />
      <ul aria-label="Matching customers" aria-live="polite" className="flex flex-col">
        {searching && matches.length === 0 ? <li className="text-xs text-muted">Searching…</li> : null}
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
  const { run, pending, result, fieldErrors } = useAction(createManualDefectAction);
  const stages = [...new Set(options.touchpoints.filter((t) => t.active).map((t) => t.stageName))];
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        run(new FormData(event.currentTarget), (data) => router.push(`/defects/${data.id}`));
      }}
    >
      <Field
        label="Title"
        name="title"
        required
        maxLength={200}
        error={fieldErrors?.title}
        hint="A short line people will recognise it by."
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField label="Touchpoint" name="touchpointId" required defaultValue="" error={fieldErrors?.touchpointId}>
          <option value="" disabled>
            Choose a touchpoint
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
        <SelectField label="Kind" name="kind" defaultValue="complaint" error={fieldErrors?.kind}>
          {Object.entries(KIND_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Category" name="categoryId" required defaultValue="" error={fieldErrors?.categoryId}>
          <option value="" disabled>
            Choose a category
          </option>
          {options.categories
            .filter((c) => c.active)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </SelectField>
        <SelectField label="Severity" name="severity" defaultValue="minor" error={fieldErrors?.severity}>
          {Object.entries(SEVERITY_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </SelectField>
        <Field
          label="Lost revenue (£)"
          name="lostRevenue"
          inputMode="decimal"
          defaultValue="0"
          error={fieldErrors?.lostRevenue}
        />
        <Field
          label="Occurred at (UTC)"
          name="occurredAt"
          type="datetime-local"
          error={fieldErrors?.occurredAt}
          hint="Leave empty for now."
        />
        <SelectField label="Owner" name="ownerId" defaultValue="" error={fieldErrors?.ownerId}>
          <option value="">Nobody yet</option>
          {options.people
            .filter((p) => p.active)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </SelectField>
        <Field label="Follow-up due" name="dueOn" type="date" error={fieldErrors?.dueOn} />
      </div>
      <TextAreaField
        label="Description"
        name="description"
        error={fieldErrors?.description}
        hint="What happened, in the customer's words where you have them."
      />
      <TextAreaField
        label="Root cause (optional)"
        name="rootCause"
        error={fieldErrors?.rootCause}
        hint="One why per line."
      />
      <TextAreaField
        label="Corrective action (optional)"
        name="correctiveAction"
        error={fieldErrors?.correctiveAction}
      />
      <ResultMessage result={result} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Record defect'}
        </Button>
      </div>
    </form>
  );
}
