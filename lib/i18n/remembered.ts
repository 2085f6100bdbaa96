import 'server-only';
import { getLocale, getTimeZone } from 'next-intl/server';
import { getCompanySettings } from '@/lib/settings/company';

/*
 * Words and numbers a render writes, remembered across requests. next-intl's translator builds
 * its cache key for every call by serialising the message, the locale and every named format
 * (JSON.stringify of ~1.5 KB), and keeps the compiled messages and Intl formatters for one
 * request only: on the dashboard that was ~45 % of a render's Node CPU (the profile is in
 * docs/performance.md, "Renders"). The output of `t(key, values)` and `format.number(value, name)`
 * depends only on the locale, the time zone, the currency (the named formats), the message and
 * the values, so the text is kept under a key of exactly those, across requests and readers.
 * Only plain values are remembered (strings, finite numbers, booleans): rich text and Dates go
 * through unchanged.
 */

const LIMIT = 50_000;
const remembered = new Map<string, string>();

function remember(key: string, make: () => string): string {
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const text = make();
  // Bounded: a full map starts again rather than tracking recency (a dashboard needs a few thousand).
  if (remembered.size >= LIMIT) remembered.clear();
  remembered.set(key, text);
  return text;
}

type Plain = string | number | boolean;
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

function plainValues(values: unknown): values is Record<string, Plain> | undefined {
  if (values === undefined) return true;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return false;
  for (const value of Object.values(values)) if (!isPlain(value)) return false;
  return true;
}

/** What every remembered text of this request depends on besides its message and values. */
export async function rememberScope(): Promise<string> {
  const [locale, timeZone, company] = await Promise.all([getLocale(), getTimeZone(), getCompanySettings()]);
  return `${locale}\u0000${timeZone}\u0000${company.currency}`;
}

/** `t` with plain-valued calls remembered; `scope` is rememberScope() and the namespace. */
export function rememberingTranslator<T extends object>(scope: string, t: T): T {
  const call = t as unknown as ((key: string, values?: unknown, formats?: unknown) => string) & Record<string, unknown>;
  const fast = (key: string, values?: unknown, formats?: unknown) =>
    formats !== undefined || !plainValues(values)
      ? call(key, values, formats)
      : remember(`${scope}\u0000${key}\u0000${values === undefined ? '' : JSON.stringify(values)}`, () =>
          call(key, values),
        );
  return Object.assign(fast, { rich: call.rich, markup: call.markup, raw: call.raw, has: call.has }) as unknown as T;
}

/** `format` with numbers and instants in a named format remembered; every other method unchanged. */
export function rememberingFormatter<F extends { number: unknown; dateTime: unknown }>(scope: string, format: F): F {
  const number = format.number as unknown as (value: number | bigint, name?: unknown, overrides?: unknown) => string;
  const dateTime = format.dateTime as unknown as (value: Date | number, name?: unknown, overrides?: unknown) => string;
  return {
    ...format,
    number: (value: number | bigint, name?: unknown, overrides?: unknown) =>
      typeof name === 'string' && overrides === undefined && typeof value === 'number' && Number.isFinite(value)
        ? remember(`${scope}\u0000#${name}\u0000${value}`, () => number(value, name))
        : number(value, name, overrides),
    dateTime: (value: Date | number, name?: unknown, overrides?: unknown) => {
      const at = value instanceof Date ? value.getTime() : value;
      return typeof name === 'string' && overrides === undefined && Number.isFinite(at)
        ? remember(`${scope}\u0000@${name}\u0000${at}`, () => dateTime(value, name))
        : dateTime(value, name, overrides);
    },
  } as F;
}
