import { z } from 'zod';

/** A checkbox: FormData sends "on" when ticked and nothing when not; objects send a boolean. */
export const checkbox = z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean());

/** A whole number in a range, from a form field or a number. */
export const integerIn = (min: number, max: number, label: string) =>
  z.coerce
    .number({ error: `${label} must be a number.` })
    .int({ error: `${label} must be a whole number.` })
    .min(min, { error: `${label} must be between ${min} and ${max}.` })
    .max(max, { error: `${label} must be between ${min} and ${max}.` });

/** A required, trimmed name. */
export const nameField = (label: string, max = 120) =>
  z
    .string({ error: `Enter a ${label.toLowerCase()}.` })
    .trim()
    .min(1, { error: `Enter a ${label.toLowerCase()}.` })
    .max(max, { error: `${label} must be at most ${max} characters.` });

/** Optional text: blank becomes null. */
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters.` })
    .nullish()
    .transform((value) => (value ? value : null));

/**
 * The largest amount of money one record may carry (a sale value, a defect's lost revenue): one
 * billion. The database's per-record columns hold up to 10^12; the daily rollups are unbounded.
 */
export const MAX_MONEY = 1_000_000_000;
