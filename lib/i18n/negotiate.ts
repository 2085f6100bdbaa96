import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { isLanguage, LANGUAGES, type Language } from './languages';

/** The shipped language a browser prefers (its Accept-Language header), or null when none fits. */
export function browserLanguage(acceptLanguage: string | null): Language | null {
  if (!acceptLanguage) return null;
  const requested = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages();
  try {
    const found = match(requested, LANGUAGES, 'none');
    return isLanguage(found) ? found : null;
  } catch {
    // A malformed tag makes the matcher throw: treat it as no preference.
    return null;
  }
}
