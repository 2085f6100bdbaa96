'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { DuplicateWarning, type CustomerDetails } from '@/components/customers/duplicate-warning';
import { Field } from '@/components/ui/field';
import type { FieldErrors } from '@/lib/errors';

export interface CustomerOption {
  id: string;
  name: string;
  email: string | null;
  company: string | null;
  externalRef: string | null;
}

export type CustomerChoice =
  | { mode: 'search' }
  | { mode: 'existing'; customer: CustomerOption }
  | { mode: 'new'; id: string; name: string }
  | { mode: 'none' };

type CustomerDetailsMatch = Parameters<NonNullable<React.ComponentProps<typeof DuplicateWarning>['onUse']>>[0];

// The checkbox the duplicate warning adds: ticked, the new customer is someone else.
const CONFIRM_FIELD = 'newCustomerConfirmed';

type Option = { key: string; label: string; detail?: string; choose: () => CustomerChoice };

/**
 * Search-as-you-type for a customer (an ARIA combobox: arrows move, Enter picks, Escape closes),
 * with "create a new customer" and "no customer" always on offer.
 */
export function CustomerPicker({
  choice,
  onChoose,
  errors = {},
  inputRef,
}: {
  choice: CustomerChoice;
  onChoose: (choice: CustomerChoice) => void;
  errors?: FieldErrors;
  inputRef: React.RefObject<HTMLInputElement | null>;
}) {
  const t = useTranslations('log.customer');
  const listId = useId();
  const [query, setQuery] = useState(choice.mode === 'existing' ? choice.customer.name : '');
  // Matches remember the text they answer, so stale ones never show under newer text.
  const [matches, setMatches] = useState<{ q: string; data: CustomerOption[] }>({ q: '', data: [] });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState('');
  const newEmailRef = useRef<HTMLInputElement>(null);
  const [newDetails, setNewDetails] = useState<CustomerDetails>({});

  useEffect(() => {
    const q = query.trim();
    if (!q || choice.mode !== 'search') return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/customers/search?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { data: CustomerOption[] };
        setMatches({ q, data: body.data });
        setActive(0);
        setStatus(body.data.length ? t('found', { count: body.data.length }) : t('noneFound'));
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setStatus(t('searchFailed'));
      }
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, choice.mode, t]);

  // Focus follows the choice: to the new customer's email, or back to the search.
  useEffect(() => {
    if (choice.mode === 'new') newEmailRef.current?.focus();
    if (choice.mode === 'search') inputRef.current?.focus();
  }, [choice.mode, inputRef]);

  const q = query.trim();
  // Until the search has answered the text as typed, its matches are unknown: Enter then must not
  // fall through to "Create new customer" and make a duplicate of someone the search would find.
  const searching = choice.mode === 'search' && q.length > 0 && matches.q !== q;
  const options: Option[] = [
    ...(q && choice.mode === 'search' && matches.q === q ? matches.data : []).map((m) => ({
      key: m.id,
      label: m.name,
      detail: [m.company, m.email, m.externalRef].filter(Boolean).join(' · '),
      choose: (): CustomerChoice => ({ mode: 'existing', customer: m }),
    })),
    ...(q
      ? [
          {
            key: 'new',
            label: t('createNew', { name: q }),
            choose: (): CustomerChoice => ({ mode: 'new', id: crypto.randomUUID(), name: q }),
          },
        ]
      : []),
    { key: 'none', label: t('noCustomer'), choose: (): CustomerChoice => ({ mode: 'none' }) },
  ];
  const expanded = open && choice.mode === 'search' && q.length > 0;
  const optionId = (i: number) => `${listId}-option-${i}`;

  function pick(option: Option) {
    const next = option.choose();
    setOpen(false);
    if (next.mode === 'existing') setQuery(next.customer.name);
    onChoose(next);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      if (searching) {
        setStatus(t('stillSearching'));
        return;
      }
      const option = options[active];
      if (option) pick(option);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  const errorText = errors.customerId?.[0];
  const customerMode = choice.mode === 'search' ? 'existing' : choice.mode;
  const useMatch = (match: CustomerDetailsMatch) => {
    setQuery(match.name);
    onChoose({
      mode: 'existing',
      customer: { id: match.id, name: match.name, email: match.email, company: match.company, externalRef: null },
    });
  };

  return (
    <div className="flex flex-col gap-3">
      <input type="hidden" name="customerMode" value={customerMode} />
      {choice.mode === 'existing' ? <input type="hidden" name="customerId" value={choice.customer.id} /> : null}
      {choice.mode === 'new' || choice.mode === 'none' ? (
        <div className="flex flex-col gap-3 rounded-md border border-border p-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm font-medium">{choice.mode === 'new' ? t('newCustomer') : t('anonymous')}</p>
            <button
              type="button"
              className="text-sm text-primary underline"
              onClick={() => onChoose({ mode: 'search' })}
            >
              {t('searchInstead')}
            </button>
          </div>
          {choice.mode === 'new' ? (
            <div
              className="grid grid-cols-1 gap-3 sm:grid-cols-2"
              onChange={(event) => {
                const field = event.target as HTMLInputElement;
                const key = { newCustomerName: 'name', newCustomerEmail: 'email', newCustomerPhone: 'phone' }[
                  field.name
                ];
                if (key) setNewDetails((details) => ({ ...details, [key]: field.value }));
              }}
            >
              <input type="hidden" name="newCustomerId" value={choice.id} />
              <Field
                label={t('name')}
                name="newCustomerName"
                required
                defaultValue={choice.name}
                error={errors.newCustomerName}
                autoComplete="off"
              />
              <Field
                ref={newEmailRef}
                label={t('email')}
                name="newCustomerEmail"
                type="email"
                error={errors.newCustomerEmail}
                autoComplete="off"
              />
              <Field
                label={t('company')}
                name="newCustomerCompany"
                error={errors.newCustomerCompany}
                autoComplete="off"
              />
              <Field
                label={t('phone')}
                name="newCustomerPhone"
                type="tel"
                error={errors.newCustomerPhone}
                autoComplete="off"
              />
              <div className="sm:col-span-2">
                <DuplicateWarning
                  details={{ name: choice.name, ...newDetails }}
                  confirmName={CONFIRM_FIELD}
                  onUse={useMatch}
                />
              </div>
            </div>
          ) : null}
        </div>
      ) : (
        <div className="relative flex flex-col gap-1">
          <label htmlFor="customer-search" className="text-sm font-medium">
            {t('label')}
          </label>
          <input
            ref={inputRef}
            id="customer-search"
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && options[active] ? optionId(active) : undefined}
            aria-invalid={errorText ? true : undefined}
            aria-describedby={['customer-search-hint', errorText ? 'customerId-error' : null].filter(Boolean).join(' ')}
            placeholder={t('placeholder')}
            value={query}
            className={`min-h-10 rounded-md border bg-surface px-3 py-2 text-sm ${errorText ? 'border-danger' : 'border-input'}`}
            onChange={(event) => {
              setQuery(event.target.value);
              setOpen(true);
              setActive(0);
              if (choice.mode === 'existing') onChoose({ mode: 'search' });
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onFocus={() => setOpen(true)}
          />
          <p id="customer-search-hint" className="text-xs text-muted">
            {choice.mode === 'existing'
              ? choice.customer.email
                ? t('chosenWithEmail', { name: choice.customer.name, email: choice.customer.email })
                : t('chosen', { name: choice.customer.name })
              : searching
                ? t('searching')
                : t('searchHint')}
          </p>
          {errorText ? (
            <p id="customerId-error" className="text-sm text-danger">
              {errorText}
            </p>
          ) : null}
          <ul
            id={listId}
            role="listbox"
            aria-label={t('listLabel')}
            hidden={!expanded}
            className="absolute top-[4.75rem] z-10 max-h-80 w-full overflow-auto rounded-md border border-border bg-surface shadow-lg"
          >
            {options.map((option, i) => (
              <li
                key={option.key}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={`cursor-pointer px-3 py-2 text-sm ${i === active ? 'bg-primary text-primary-foreground' : ''}`}
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(option);
                }}
              >
                <span className="font-medium">{option.label}</span>
                {option.detail ? (
                  <span className={`block text-xs ${i === active ? '' : 'text-muted'}`}>{option.detail}</span>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="sr-only" aria-live="polite">
            {expanded ? status : ''}
          </p>
        </div>
      )}
    </div>
  );
}
