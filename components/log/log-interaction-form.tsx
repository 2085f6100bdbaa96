'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { logInteractionAction } from '@/app/(app)/log/actions';
import {
  InteractionFields,
  interactionFormData,
  toLocalInputValue,
} from '@/components/interactions/interaction-fields';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';
import type { TouchpointGroup } from '@/lib/interactions/touchpoint-groups';
import type { FieldErrors } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import { useMounted } from '@/components/interactions/use-mounted';
import { CustomerPicker, type CustomerChoice, type CustomerOption } from './customer-picker';

interface Saved {
  id: string;
  summary: string;
  customerId: string | null;
}

/**
 * The log screen: one interaction at a time, ready for the next as soon as it is saved. The
 * browser chooses the interaction's id, so a double click or a retry stores it once.
 */
export function LogInteractionForm({
  groups,
  initialCustomer,
}: {
  groups: TouchpointGroup[];
  initialCustomer?: CustomerOption;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // The browser chooses the id on the first submit and keeps it until the save succeeds, so a
  // retry after an error or a second click sends the same id.
  const idRef = useRef<string | null>(null);
  const mounted = useMounted();
  const [formKey, setFormKey] = useState('initial');
  const [lastTouchpoint, setLastTouchpoint] = useState<string>();
  const [choice, setChoice] = useState<CustomerChoice>(
    initialCustomer ? { mode: 'existing', customer: initialCustomer } : { mode: 'search' },
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ text: string; tone: 'error' | 'success' }>();
  const [saved, setSaved] = useState<Saved>();
  const { run, pending } = useAction(logInteractionAction, {
    onFailure: (failure) => {
      setErrors(failure.fieldErrors ?? {});
      setMessage({ text: failure.message, tone: 'error' });
      setSaved(undefined);
    },
  });

  // On arrival and after each save: straight back to the customer search.
  useEffect(() => {
    searchRef.current?.focus();
  }, [formKey]);

  function readyForNext(touchpointId: string | undefined) {
    setLastTouchpoint(touchpointId);
    idRef.current = null;
    setChoice({ mode: 'search' });
    setErrors({});
    setFormKey(crypto.randomUUID());
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    idRef.current ??= crypto.randomUUID();
    const data = interactionFormData(event.currentTarget);
    data.set('id', idRef.current);
    run(data, (logged) => {
      const who = logged.customer
        ? ` with ${logged.customer.name}${logged.customer.created ? ' (new customer)' : ''}`
        : '';
      const defectText = logged.defects.length
        ? ` It raised ${logged.defects.length === 1 ? 'a defect' : `${logged.defects.length} defects`}: ${logged.defects
            .map((d) =>
              Number(d.lostRevenue) > 0 ? `${d.categoryName} (${formatMoney(Number(d.lostRevenue))})` : d.categoryName,
            )
            .join(', ')}.`
        : ' No defect raised.';
      const summary = `${logged.created ? 'Saved' : 'Already saved'}: ${logged.touchpointName}${who}.${defectText}`;
      setMessage({ text: summary, tone: 'success' });
      setSaved({ id: logged.id, summary, customerId: logged.customer?.id ?? null });
      readyForNext(typeof data.get('touchpointId') === 'string' ? String(data.get('touchpointId')) : undefined);
    });
  }

  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <FormMessage message={message?.text} tone={message?.tone} />
      {saved ? (
        <p className="-mt-2 flex flex-wrap gap-4 text-sm">
          <Link className="text-primary underline" href={`/interactions/${saved.id}`}>
            View the interaction
          </Link>
          {saved.customerId ? (
            <Link className="text-primary underline" href={`/customers/${saved.customerId}`}>
              Open the customer
            </Link>
          ) : null}
        </p>
      ) : null}
      <Card>
        <form
          ref={formRef}
          onSubmit={onSubmit}
          // Ctrl+Enter (⌘+Enter) saves from anywhere, even from a select or the notes.
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              event.currentTarget.requestSubmit();
            }
          }}
          noValidate
          aria-label="Log an interaction"
          className="flex flex-col gap-5"
        >
          <CustomerPicker key={formKey} choice={choice} onChoose={setChoice} errors={errors} inputRef={searchRef} />
          {/* "Now" in the browser's time zone, so the fields render once hydrated. */}
          {mounted ? (
            <InteractionFields
              groups={groups}
              formKey={formKey}
              errors={errors}
              defaults={{ occurredAtLocal: toLocalInputValue(new Date()), touchpointId: lastTouchpoint }}
            />
          ) : null}
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={pending || !mounted}>
              {pending ? 'Saving…' : 'Save interaction'}
            </Button>
            <span className="text-xs text-muted">Ctrl+Enter saves from any field</span>
          </div>
        </form>
      </Card>
    </div>
  );
}
