import { getRequestConfig } from 'next-intl/server';
import { _createCache } from 'use-intl/core';
import { getCurrentUser } from '@/lib/auth/current-user';
import { readerIntlConfig } from './reader';

/*
 * Each request's language, locale, time zone and formats (next-intl reads this file through the
 * plugin in next.config.mjs). The choice is lib/i18n/reader.ts's, shared with server actions:
 * signed-in users read their own language, or the company's; signed-out pages (sign-in, the public
 * feedback page) follow the browser, then the company.
 */
// The compiled messages, kept across requests. next-intl otherwise parses every message with
// values again in every request (its cache lives for one request); its key is the message, the
// locale and the named formats (which carry the time zone and currency), so one cache serves every
// reader correctly. `_cache` is use-intl's own option (createTranslator's), passed through by
// next-intl's config; it also holds Intl formatters, which are immutable.
const sharedCache = _createCache();

export default getRequestConfig(async () => {
  const { locale, timeZone, formats, messages } = await readerIntlConfig(await getCurrentUser());
  const config = { locale, timeZone, formats, messages, _cache: sharedCache };
  return config;
});
