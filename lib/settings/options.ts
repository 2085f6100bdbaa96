/*
 * What an admin may choose in the company settings (client-safe). Locales are limited to the
 * languages OutsideIn ships (lib/i18n/languages.ts): the company's locale also picks the default UI
 * language, and a French locale would leave French-speaking readers with English text formatted
 * the British way. Currencies are the ISO 4217 codes the runtime's Intl knows, so every one of them
 * formats.
 */

import { zoneOffsetMinutes } from '@/lib/dates';

/** Regions of the shipped languages, English then German, each formatting money and dates its own way. */
export const COMPANY_LOCALES = [
  'en-GB',
  'en-US',
  'en-IE',
  'en-AU',
  'en-CA',
  'en-NZ',
  'en-IN',
  'en-SG',
  'en-ZA',
  'de-DE',
  'de-AT',
  'de-CH',
  'de-LU',
  'de-LI',
] as const;
export type CompanyLocale = (typeof COMPANY_LOCALES)[number];

export const isCompanyLocale = (value: unknown): value is CompanyLocale =>
  typeof value === 'string' && (COMPANY_LOCALES as readonly string[]).includes(value);

/** ISO 8601 weekday numbers, as company_settings.week_start stores them: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The ISO 4217 codes this runtime can format, A–Z. */
export function supportedCurrencies(): string[] {
  return Intl.supportedValuesOf('currency');
}

export const isSupportedCurrency = (value: string) => supportedCurrencies().includes(value);

/** Currencies with their names in `displayLocale`, sorted by name, for a picker. */
export function currencyOptions(displayLocale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames(displayLocale, { type: 'currency' });
  const collator = new Intl.Collator(displayLocale);
  return supportedCurrencies()
    .map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** Locales named in `displayLocale` ("German (Switzerland)"), in the list's order. */
export function localeOptions(displayLocale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames(displayLocale, { type: 'language' });
  return COMPANY_LOCALES.map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }));
}

/** Weekday names in `displayLocale`, Monday first (1 = Monday, as stored). */
export function weekdayOptions(displayLocale: string): { value: string; label: string }[] {
  const format = new Intl.DateTimeFormat(displayLocale, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return WEEKDAYS.map((day) => ({ value: String(day), label: format.format(Date.UTC(2024, 0, day)) }));
}

/** Every time zone an admin may choose, with its offset now, for the time zone picker. */
export function timeZoneOptions(now: Date = new Date()): { value: string; label: string }[] {
  const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return zones.map((zone) => {
    const minutes = zoneOffsetMinutes(now, zone);
    const sign = minutes < 0 ? '−' : '+';
    const abs = Math.abs(minutes);
    const offset = `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    return { value: zone, label: `${zone} (${offset})` };
  });
}
