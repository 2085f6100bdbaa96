import { describe, expect, it } from 'vitest';
import { englishMessage } from '@/lib/i18n/english';
import { COMPANY_LOCALES, currencyOptions, localeOptions, weekdayOptions } from '@/lib/settings/options';
import { companySettingsSchema } from './settings';

const valid = { name: 'Brightwell Interiors', currency: 'EUR', locale: 'de-DE', weekStart: '1' };

function errorsOf(input: Record<string, unknown>) {
  const result = companySettingsSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), englishMessage(issue.message)]));
}

describe('company settings schema', () => {
  it('accepts a name, an ISO 4217 currency, a listed locale and a weekday', () => {
    expect(companySettingsSchema.parse({ ...valid, name: '  Brightwell  ', currency: 'usd', weekStart: '7' })).toEqual({
      name: 'Brightwell',
      currency: 'USD',
      locale: 'de-DE',
      weekStart: 7,
    });
  });

  it('refuses what it cannot format, each beside its field', () => {
    expect(errorsOf({ ...valid, name: ' ' })).toEqual({ name: 'Enter a name.' });
    expect(errorsOf({ ...valid, name: 'x'.repeat(101) })).toEqual({ name: 'Name must be at most 100 characters.' });
    expect(errorsOf({ ...valid, currency: 'XYZ' })).toEqual({ currency: 'Choose a currency from the list.' });
    expect(errorsOf({ ...valid, currency: 'EURO' })).toEqual({ currency: 'Choose a currency from the list.' });
    expect(errorsOf({ ...valid, locale: 'fr-FR' })).toEqual({ locale: 'Choose a locale from the list.' });
    expect(errorsOf({ ...valid, weekStart: '0' })).toEqual({ weekStart: 'Choose the first day of the week.' });
    expect(errorsOf({ ...valid, weekStart: '8' })).toEqual({ weekStart: 'Choose the first day of the week.' });
    expect(errorsOf({ ...valid, weekStart: 'Monday' })).toEqual({ weekStart: 'Choose the first day of the week.' });
  });
});

describe('settings options', () => {
  it('names currencies in the reader’s language, with their code', () => {
    const de = currencyOptions('de-DE');
    expect(de.find((o) => o.value === 'EUR')?.label).toBe('Euro (EUR)');
    expect(de.find((o) => o.value === 'USD')?.label).toBe('US-Dollar (USD)');
    expect(currencyOptions('en-GB').find((o) => o.value === 'GBP')?.label).toBe('British Pound (GBP)');
    expect(de.length).toBeGreaterThan(100);
  });

  it('offers only locales of the shipped languages, named', () => {
    expect(COMPANY_LOCALES.every((l) => l.startsWith('en-') || l.startsWith('de-'))).toBe(true);
    expect(localeOptions('en-GB').find((o) => o.value === 'de-CH')?.label).toBe('Swiss High German (de-CH)');
  });

  it('numbers the weekdays as ISO 8601 does, Monday first', () => {
    expect(weekdayOptions('en-GB').map((o) => o.label)).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(weekdayOptions('de-DE')[6]).toEqual({ value: '7', label: 'Sonntag' });
  });
});
