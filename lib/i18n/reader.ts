import 'server-only';
import { headers } from 'next/headers';
import { createTranslator } from 'use-intl/core';
import { getCurrentUser } from '@/lib/auth/current-user';
import { getCompanySettings } from '@/lib/settings/company';
import { translateFieldErrors, translateMessage, type ValidationTranslator } from '@/lib/validation/messages';
import type { FieldErrors } from '@/lib/errors';
import { appFormats } from './formats';
import { DEFAULT_LANGUAGE, formattingLocale, languageOfLocale, type Language } from './languages';
import { loadMessages } from './messages';
import { browserLanguage } from './negotiate';

/*
 * The reader's language outside a page render: in server actions, the CSV import's report and
 * other code that answers one person. It follows lib/i18n/request.ts (the user's language, or the
 * company's; signed out, the browser's) but needs no next-intl request context, so it also works
 * where getTranslations cannot (an action called from a test, a streaming route).
 */

type Reader = { language: Language | null } | null;

async function acceptLanguage(): Promise<Language | null> {
  try {
    return browserLanguage((await headers()).get('accept-language'));
  } catch {
    // Outside a request (a job, a test) there are no headers.
    return null;
  }
}

/** The language `reader` reads: their own, else the company's; signed out, the browser's first. */
export async function readerLanguageOf(reader: Reader, companyLocale: string): Promise<Language> {
  const companyLanguage = languageOfLocale(companyLocale) ?? DEFAULT_LANGUAGE;
  return reader ? (reader.language ?? companyLanguage) : ((await acceptLanguage()) ?? companyLanguage);
}

/** The language, formatting locale, time zone and formats for `reader`. */
export async function readerIntlConfig(reader: Reader) {
  const company = await getCompanySettings();
  const language = await readerLanguageOf(reader, company.locale);
  return {
    language,
    locale: formattingLocale(language, company.locale),
    timeZone: company.timeZone,
    formats: appFormats(company.currency),
    messages: await loadMessages(language),
  };
}

/** Translates validation messages and field errors (lib/validation/messages.ts) for `reader`. */
export async function getValidationTranslator(reader: Reader) {
  const { locale, timeZone, formats, messages } = await readerIntlConfig(reader);
  const t = createTranslator({ locale, timeZone, formats, messages }) as unknown as ValidationTranslator;
  return {
    message: (text: string) => translateMessage(text, t),
    fieldErrors: <F extends FieldErrors>(fieldErrors: F) => translateFieldErrors(fieldErrors, t),
  };
}

/** The validation translator for whoever sent the current request (signed in or not). */
export async function getRequestValidationTranslator() {
  return getValidationTranslator(await getCurrentUser());
}
