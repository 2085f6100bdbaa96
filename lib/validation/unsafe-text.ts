import { msg } from './messages';

/*
 * Text PostgreSQL cannot store, or would store altered: the NUL character (refused by the
 * database, once a 500) and UTF-16 surrogates without their pair (silently replaced). Every
 * edge refuses input holding them before any schema or query sees it.
 */

export const UNSAFE_TEXT_MESSAGE = msg('unsafeText');

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isUnsafeText = (value: string): boolean => UNSAFE.test(value);

/**
 * Whether JSON text may decode to unsafe text. JSON holds a NUL or a surrogate only as itself or
 * as a \u escape, in a value or a key, so text with neither decodes to none: the API skips the
 * walk over a batch's every string (~3 ms per 1,000 interactions) for such bodies.
 */
export const jsonMayHoldUnsafeText = (json: string): boolean => /\\u|[\u0000\uD800-\uDFFF]/.test(json);

/**
 * The paths (field names, or JSON pointers below the top level) of every string in `value` that
 * holds unsafe text. Looks 8 levels deep at most: no input of the app nests further.
 */
export function findUnsafeText(value: unknown, path = '', depth = 0): string[] {
  if (typeof value === 'string') return isUnsafeText(value) ? [path] : [];
  if (depth > 8 || value === null || typeof value !== 'object') return [];
  if (value instanceof FormData) {
    const found = new Set<string>();
    for (const [key, entry] of value.entries()) {
      if (isUnsafeText(key) || (typeof entry === 'string' && isUnsafeText(entry))) found.add(key);
    }
    return [...found];
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([key, entry]) => {
    const child = path ? `${path}/${key}` : key;
    return isUnsafeText(key) ? [child] : findUnsafeText(entry, child, depth + 1);
  });
}
