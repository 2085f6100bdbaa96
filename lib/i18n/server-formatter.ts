import 'server-only';
import { eq } from 'drizzle-orm';
import type { Messages } from 'next-intl';
import { createFormatter, createTranslator } from 'use-intl/core';
import type { DbOrTx } from '@/db';
import { companySettings, type CompanySettings } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth/current-user';
import { readerLanguageOf } from './reader';
import { getCompanySettings } from '@/lib/settings/company';
import { appFormats } from './formats';
import { DEFAULT_LANGUAGE, formattingLocale, isLanguage, languageOfLocale, type Language } from './languages';
import { loadMessages } from './messages';

/*
 * next-intl outside React: the translator and formatter a request would get (lib/i18n/request.ts),
 * built for a given language and the company's settings. Mail, notifications written by jobs, CSV
 * exports and the API's messages use it, so they read like the screens: the same messages and the
 * same named formats (lib/i18n/formats.ts).
 */

export type CompanyFormatting = Pick<CompanySettings, 'locale' | 'timeZone' | 'currency'>;

const DEFAULT_COMPANY: CompanyFormatting = { locale: 'en-GB', timeZone: 'UTC', currency: 'GBP' };

/** The company's locale, zone and currency, read in the caller's transaction (a job's, say). */
export async function companyFormatting(db: DbOrTx): Promise<CompanyFormatting> {
  const [row] = await db
    .select({ locale: companySettings.locale, timeZone: companySettings.timeZone, currency: companySettings.currency })
    .from(companySettings)
    .where(eq(companySettings.id, 1))
    .limit(1);
  return row ?? DEFAULT_COMPANY;
}

/** The language a person reads: their own, else the company's, else English. */
export function readerLanguage(userLanguage: string | null | undefined, company: CompanyFormatting): Language {
  return isLanguage(userLanguage) ? userLanguage : (languageOfLocale(company.locale) ?? DEFAULT_LANGUAGE);
}

export type ServerTranslator = ReturnType<typeof createTranslator<Messages>>;
export type ServerFormatter = ReturnType<typeof createFormatter>;

export interface ServerIntl {
  language: Language;
  locale: string;
  t: ServerTranslator;
  format: ServerFormatter;
}

/** A translator (the whole message tree) and a formatter for one reader. */
export async function serverIntl(
  userLanguage: string | null | undefined,
  company: CompanyFormatting = DEFAULT_COMPANY,
): Promise<ServerIntl> {
  const language = readerLanguage(userLanguage, company);
  const locale = formattingLocale(language, company.locale);
  const formats = appFormats(company.currency);
  const messages = (await loadMessages(language)) as Messages;
  return {
    language,
    locale,
    t: createTranslator({ locale, messages, formats, timeZone: company.timeZone }),
    format: createFormatter({ locale, formats, timeZone: company.timeZone }),
  };
}

/**
 * The current request's reader, chosen as lib/i18n/request.ts chooses: the signed-in user's language
 * or the company's; signed out, the browser's. For server actions' and route handlers' messages:
 * unlike next-intl's getTranslations it also works where there is no Next.js request (Vitest).
 */
export async function requestIntl(): Promise<ServerIntl> {
  const [company, user] = await Promise.all([getCompanySettings(), getCurrentUser()]);
  return serverIntl(await readerLanguageOf(user, company.locale), company);
}
