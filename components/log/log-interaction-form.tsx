'use client';

import { Link } from '@/components/ui/link';
import { useEffect, useRef, useState } from 'react';
import { useFormatter, useTimeZone, useTranslations } from 'next-intl';
import { logInteractionAction } from '@/app/(app)/log/actions';
import { InteractionFields, toLocalInputValue } from '@/components/interactions/interaction-fields';
import { wallClockFormData } from '@/components/interactions/when-field';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';
import type { TouchpointGroup } from '@/lib/interactions/touchpoint-groups';
import type { FieldErrors } from '@/lib/errors';
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
  const t = useTranslations('log');
  // The company's zone (the next-intl configuration): the form's times are on its wall clock.
  const timeZone = useTimeZone() ?? 'UTC';
  const format = useFormatter();
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
    const data = wallClockFormData(event.currentTarget, timeZone);
    data.set('id', idRef.current);
    run(data, (logged) => {
      const defects = format.list(
        logged.defects.map((d) =>
          Number(d.lostRevenue) > 0
            ? t('defectWithRevenue', {
                category: d.categoryName,
                revenue: format.number(Number(d.lostRevenue), 'money'),
              })
            : d.categoryName,
        ),
        { type: 'conjunction' },
      );
      const summary = t('savedSummary', {
        created: logged.created ? 'yes' : 'no',
        touchpoint: logged.touchpointName,
        customer: logged.customer ? (logged.customer.created ? 'new' : 'existing') : 'none',
        name: logged.customer?.name ?? '',
        count: logged.defects.length,
        defects,
      });
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
            {t('viewInteraction')}
          </Link>
          {saved.customerId ? (
            <Link className="text-primary underline" href={`/customers/${saved.customerId}`}>
              {t('openCustomer')}
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
          aria-label={t('formLabel')}
          className="flex flex-col gap-5"
        >
          <CustomerPicker key={formKey} choice={choice} onChoose={setChoice} errors={errors} inputRef={searchRef} />
          {/* "Now" in the browser's time zone, so the fields render once hydrated. */}
          {mounted ? (
            <InteractionFields
              groups={groups}
              formKey={formKey}
              errors={errors}
              defaults={{ occurredAtLocal: toLocalInputValue(new Date(), timeZone), touchpointId: lastTouchpoint }}
            />
          ) : null}
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={pending || !mounted}>
              {pending ? t('saving') : t('save')}
            </Button>
            <span className="text-xs text-muted">{t('shortcut')}</span>
          </div>
        </form>
      </Card>
    </div>
  );
}
