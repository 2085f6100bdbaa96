'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { saveCompanySettingsAction } from '@/app/(app)/admin/settings/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/form-fields';
import { FormMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';

type Option = { value: string; label: string };

export interface CompanySettingsValues {
  name: string;
  currency: string;
  locale: string;
  weekStart: number;
}

// A fixed amount and day, so the example shows the chosen locale and currency, not the data.
const EXAMPLE_AMOUNT = 1234.5;
const EXAMPLE_DAY = Date.UTC(2026, 10, 30);

function example(locale: string, currency: string): { amount: string; date: string } {
  try {
    return {
      amount: new Intl.NumberFormat(locale, { style: 'currency', currency }).format(EXAMPLE_AMOUNT),
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(EXAMPLE_DAY),
    };
  } catch {
    // A browser that lacks the chosen currency or locale: the server still validates the choice.
    return { amount: String(EXAMPLE_AMOUNT), date: new Date(EXAMPLE_DAY).toISOString().slice(0, 10) };
  }
}

/** The admin's company settings form; the example below the locale follows the choices live. */
export function CompanySettingsForm({
  settings,
  currencies,
  locales,
  weekdays,
}: {
  settings: CompanySettingsValues;
  currencies: Option[];
  locales: Option[];
  weekdays: Option[];
}) {
  const t = useTranslations('admin.settings');
  const { result, submit, pending, fieldErrors: errors, values: typed } = useAction(saveCompanySettingsAction);
  const [currency, setCurrency] = useState(typed?.currency ?? settings.currency);
  const [locale, setLocale] = useState(typed?.locale ?? settings.locale);
  const shown = example(locale, currency);
  const saved = result?.ok ? (result.data.changed.length > 0 ? t('saved') : t('unchanged')) : undefined;
  return (
    <form onSubmit={submit} noValidate className="flex max-w-xl flex-col gap-4" aria-label={t('formLabel')}>
      <Field
        label={t('name')}
        name="name"
        required
        maxLength={100}
        autoComplete="organization"
        defaultValue={typed?.name ?? settings.name}
        error={errors.name}
        hint={t('nameHint')}
      />
      <SelectField
        label={t('currency')}
        name="currency"
        value={currency}
        onChange={(event) => setCurrency(event.target.value)}
        options={currencies}
        error={errors.currency}
        hint={t('currencyHint')}
      />
      <SelectField
        label={t('locale')}
        name="locale"
        value={locale}
        onChange={(event) => setLocale(event.target.value)}
        options={locales}
        error={errors.locale}
        hint={t('localeHint', { example: `${shown.amount} · ${shown.date}` })}
      />
      <SelectField
        label={t('weekStart')}
        name="weekStart"
        defaultValue={typed?.weekStart ?? String(settings.weekStart)}
        options={weekdays}
        error={errors.weekStart}
        hint={t('weekStartHint')}
      />
      <FormMessage
        message={result ? (result.ok ? saved : result.message) : undefined}
        tone={result?.ok ? 'success' : 'error'}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
