import { z } from 'zod';
import { daySchema } from '@/lib/dates';
import { LIFECYCLES } from '@/lib/enums';
import { checkbox } from './form-values';
import { msg, type ValidationField } from './messages';

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value === null ? undefined : value;

const optionalText = (max: number, field: ValidationField) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, { error: msg('limitedToChars', { field, max }) })
      .optional(),
  );

/** A customer as the forms, the log screen and the import send it. */
export const customerInputSchema = z.object({
  // Chosen by the client on the log screen, so a resubmitted form creates the customer once.
  id: z.preprocess(blankToUndefined, z.uuid({ error: msg('idMustBeUuid') }).optional()),
  name: z
    .string({ error: msg('enterCustomerName') })
    .trim()
    .min(1, { error: msg('enterCustomerName') })
    .max(200, { error: msg('customerNameMax', { max: 200 }) }),
  email: z.preprocess(
    (value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : value.trim()) : blankToUndefined(value)),
    z
      .email({ error: msg('emailLike') })
      .max(320, { error: msg('emailTooLongThe') })
      .optional(),
  ),
  phone: optionalText(50, 'thePhone'),
  company: optionalText(200, 'theCompany'),
  segmentId: z.preprocess(blankToUndefined, z.uuid({ error: msg('chooseSegmentFromList') }).optional()),
  lifecycle: z.preprocess(
    blankToUndefined,
    z.enum(LIFECYCLES, { error: msg('chooseLifecycleFromList') }).default('prospect'),
  ),
  ownerId: z.preprocess(blankToUndefined, z.uuid({ error: msg('chooseOwnerFromList') }).optional()),
  externalRef: optionalText(100, 'theExternalRef'),
});

export type CustomerInput = z.output<typeof customerInputSchema>;

/** The new-customer form: a customer, and whether its person confirmed a look-alike is someone else. */
export const createCustomerSchema = customerInputSchema.extend({ confirmDuplicate: checkbox });

export const updateCustomerSchema = customerInputSchema.extend({ id: z.uuid({ error: msg('unknownCustomer') }) });

/** Merging a duplicate into the customer who stays. */
export const mergeCustomersSchema = z
  .object({
    keepId: z.uuid({ error: msg('unknownCustomer') }),
    duplicateId: z.uuid({ error: msg('chooseDuplicate') }),
  })
  .refine((v) => v.keepId !== v.duplicateId, {
    error: msg('mergeIntoItself'),
    path: ['duplicateId'],
  });

/** GET /customers/duplicates: who already has this name, email or phone. */
export const duplicateQuerySchema = z.object({
  name: z.string().trim().max(200).optional(),
  email: z.string().trim().max(320).optional(),
  phone: z.string().trim().max(50).optional(),
  except: z.uuid().optional(),
});

export const CUSTOMER_SEARCH_MAX = 100;

export const customerSearchSchema = z.object({
  q: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(CUSTOMER_SEARCH_MAX)),
});

export const CUSTOMER_SORTS = ['name', 'created', 'lifecycle'] as const;

/** The customers list's URL: search, filters, sort and page. */
export const customerListParamsSchema = z.object({
  q: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.trim() : Array.isArray(v) ? String(v[0] ?? '').trim() : undefined),
      z.string().max(100).optional(),
    )
    .catch(undefined),
  /** A segment's id, or `none`: customers without a segment (the portfolio's "No segment" row). */
  segment: z
    .preprocess(
      (v) => (v === '' ? undefined : Array.isArray(v) ? v[0] : v),
      z.union([z.uuid(), z.literal('none')]).optional(),
    )
    .catch(undefined),
  lifecycle: z
    .preprocess((v) => (v === '' ? undefined : Array.isArray(v) ? v[0] : v), z.enum(LIFECYCLES).optional())
    .catch(undefined),
  owner: z
    .preprocess((v) => (v === '' ? undefined : Array.isArray(v) ? v[0] : v), z.uuid().optional())
    .catch(undefined),
  /** The journey funnel's drill-down: customers who reached this stage (or a later one) in from–to. */
  reached: z
    .preprocess((v) => (v === '' ? undefined : Array.isArray(v) ? v[0] : v), z.uuid().optional())
    .catch(undefined),
  from: z
    .preprocess((v) => (v === '' ? undefined : Array.isArray(v) ? v[0] : v), daySchema.optional())
    .catch(undefined),
  to: z.preprocess((v) => (v === '' ? undefined : Array.isArray(v) ? v[0] : v), daySchema.optional()).catch(undefined),
  sort: z.enum(CUSTOMER_SORTS).catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type CustomerListParams = z.output<typeof customerListParamsSchema>;
