'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import { useEffect, useState } from 'react';

export interface DuplicateMatch {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  matchedOn: ('name' | 'email' | 'phone')[];
}

export interface CustomerDetails {
  name?: string;
  email?: string;
  phone?: string;
}

/**
 * Warns, while a new customer is typed, that someone with the same name, email or phone already
 * exists, and offers that customer instead. Creating the new one anyway takes a ticked box, which
 * the server checks too.
 */
export function DuplicateWarning({
  details,
  confirmName,
  onUse,
}: {
  details: CustomerDetails;
  /** The checkbox's form name: ticked, the server creates the customer despite the match. */
  confirmName: string;
  /** Choose the match in place; without it the match is a link to the customer's page. */
  onUse?: (match: DuplicateMatch) => void;
}) {
  const t = useTranslations('customers.duplicateWarning');
  const format = useFormatter();
  const [matches, setMatches] = useState<DuplicateMatch[]>([]);
  const { name = '', email = '', phone = '' } = details;

  useEffect(() => {
    const params = new URLSearchParams();
    if (name.trim()) params.set('name', name.trim());
    if (email.trim()) params.set('email', email.trim());
    if (phone.trim()) params.set('phone', phone.trim());
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      if (![...params.keys()].length) return setMatches([]);
      try {
        const response = await fetch(`/customers/duplicates?${params}`, { signal: controller.signal });
        if (response.ok) setMatches(((await response.json()) as { data: DuplicateMatch[] }).data);
      } catch {
        // An aborted or failed check only leaves the last answer up; the server checks again on save.
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [name, email, phone]);

  if (!matches.length) return null;
  return (
    <div role="status" className="flex flex-col gap-2 rounded-md border-2 border-warning p-3 text-sm">
      <p className="font-medium">{t('heading', { count: matches.length })}</p>
      <ul className="flex flex-col gap-2">
        {matches.map((match) => (
          <li key={match.id} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              <span className="font-medium">{match.name}</span>
              <span className="text-muted">
                {' '}
                {[match.company, match.email, match.phone].filter(Boolean).join(' · ')} (
                {t('sameAs', {
                  fields: format.list(
                    match.matchedOn.map((f) => t(`matchedOn.${f}`)),
                    { type: 'conjunction' },
                  ),
                })}
                )
              </span>
            </span>
            {onUse ? (
              <button
                type="button"
                className="rounded-md border border-input bg-surface px-3 py-1 font-medium"
                onClick={() => onUse(match)}
              >
                {t('use', { name: match.name })}
              </button>
            ) : (
              <Link className="text-primary underline" href={`/customers/${match.id}`}>
                {t('open', { name: match.name })}
              </Link>
            )}
          </li>
        ))}
      </ul>
      <label className="flex items-center gap-2">
        <input type="checkbox" name={confirmName} className="size-4" />
        {t('confirm')}
      </label>
    </div>
  );
}
