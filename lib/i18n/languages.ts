/*
 * The UI languages OutsideIn ships, client-safe. A language is the message set; the locale that
 * formats numbers and dates is the company's locale when it speaks the same language (en-US
 * formats differ from en-GB), otherwise the language's own default region.
 */

export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language named in itself, for the picker. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

const DEFAULT_REGION_LOCALE: Record<Language, string> = { en: 'en-GB', de: 'de-DE' };

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The language of a BCP 47 locale, when OutsideIn ships it. */
export function languageOfLocale(locale: string): Language | null {
  const language = locale.split('-')[0]?.toLowerCase();
  return isLanguage(language) ? language : null;
}

/** The locale that formats numbers and dates for a reader of `language` in a company set to `companyLocale`. */
export function formattingLocale(language: Language, companyLocale: string): string {
  return languageOfLocale(companyLocale) === language ? companyLocale : DEFAULT_REGION_LOCALE[language];
}
