import { z } from 'zod';
import { msg, type ValidationField } from './messages';

/** A checkbox: FormData sends "on" when ticked and nothing when not; objects send a boolean. */
export const checkbox = z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean());

/** A whole number in a range, from a form field or a number. */
export const integerIn = (min: number, max: number, field: ValidationField) =>
  z.coerce
    .number({ error: msg('mustBeNumber', { field }) })
    .int({ error: msg('mustBeWholeNumber', { field }) })
    .min(min, { error: msg('mustBeBetween', { field, min, max }) })
    .max(max, { error: msg('mustBeBetween', { field, min, max }) });

/** A required, trimmed name. */
export const nameField = (max = 120) =>
  z
    .string({ error: msg('enterName') })
    .trim()
    .min(1, { error: msg('enterName') })
    .max(max, { error: msg('atMostChars', { field: 'name', max }) });

/** Optional text: blank becomes null. */
export const optionalText = (field: ValidationField, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: msg('atMostChars', { field, max }) })
    .nullish()
    .transform((value) => (value ? value : null));

/**
 * The largest amount of money one record may carry (a sale value, a defect's lost revenue): one
 * billion. The database's per-record columns hold up to 10^12; the daily rollups are unbounded.
 */
export const MAX_MONEY = 1_000_000_000;
