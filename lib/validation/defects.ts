import { z } from 'zod';
import { daySchema, pastInstantSchema } from '@/lib/dates';
import { MAX_MONEY } from './form-values';
import { DEFECT_KINDS, DEFECT_STATUSES, SEVERITIES } from '@/lib/enums';
import { msg, type ValidationField } from './messages';

/** Blank form fields mean "clear this"; absent fields mean "leave it as it is". */
const blankToNull = (value: unknown) => (value === '' ? null : value);
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

const text = (field: ValidationField, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: msg('limitedToChars', { field, max }) });

/** Present-and-blank clears the field (null); absent leaves it (undefined). */
const clearable = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable().optional());

const money = z.coerce
  .number({ error: msg('lostRevenueNumber') })
  .finite({ error: msg('lostRevenueNumber') })
  .min(0, { error: msg('lostRevenueNegative') })
  .max(MAX_MONEY, { error: msg('lostRevenueMax', { max: MAX_MONEY }) });

const version = z.coerce
  .number({ error: msg('missingVersion') })
  .int()
  .min(1);

const fields = {
  categoryId: z.preprocess(blankToUndefined, z.uuid({ error: msg('chooseCategory') }).optional()),
  kind: z.preprocess(blankToUndefined, z.enum(DEFECT_KINDS, { error: msg('chooseKind') }).optional()),
  severity: z.preprocess(blankToUndefined, z.enum(SEVERITIES, { error: msg('chooseSeverity') }).optional()),
  lostRevenue: z.preprocess(blankToUndefined, money.optional()),
  ownerId: clearable(z.uuid({ error: msg('chooseOwnerFromList') })),
  dueOn: clearable(daySchema),
  title: clearable(text('theTitle', 200)),
  description: clearable(text('theDescription', 5_000)),
  rootCause: clearable(text('theRootCause', 5_000)),
  correctiveAction: clearable(text('theCorrectiveAction', 5_000)),
  dismissReason: clearable(text('theReason', 1_000)),
};

/**
 * One edit of a defect: the version it was made from, the fields it changes, optionally a move to
 * another status and a comment, all saved together or not at all.
 */
export const defectEditSchema = z.object({
  id: z.uuid({ error: msg('unknownDefect') }),
  version,
  status: z.preprocess(blankToUndefined, z.enum(DEFECT_STATUSES, { error: msg('chooseValidStatus') }).optional()),
  ...fields,
  comment: z.preprocess(blankToUndefined, text('aComment', 5_000).optional()),
});
export type DefectEditInput = z.output<typeof defectEditSchema>;
export type DefectPatch = Omit<DefectEditInput, 'id' | 'version' | 'comment'>;

export const defectCommentSchema = z.object({
  id: z.uuid({ error: msg('unknownDefect') }),
  comment: text('aComment', 5_000).min(1, { error: msg('writeCommentFirst') }),
});

/** Bulk actions name each defect with the version the list showed: `<id>:<version>`. */
const bulkItems = z.preprocess(
  (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(
      z
        .string()
        .regex(/^[0-9a-f-]{36}:\d+$/i, { error: msg('unknownDefect') })
        .transform((v) => {
          const [id, n] = v.split(':');
          return { id: id!, version: Number(n) };
        }),
    )
    .min(1, { error: msg('selectAtLeastOneDefect') })
    .max(500, { error: msg('selectAtMostDefects', { max: 500 }) }),
);

export const bulkAssignSchema = z.object({
  items: bulkItems,
  ownerId: z.preprocess(blankToNull, z.uuid({ error: msg('chooseOwnerFromList') }).nullable()),
});

export const bulkStatusSchema = z.object({
  items: bulkItems,
  status: z.enum(DEFECT_STATUSES, { error: msg('chooseStatus') }),
  dismissReason: z.preprocess(blankToUndefined, text('theReason', 1_000).optional()),
});

/**
 * A defect no interaction captured: a complaint letter, a failure seen on the floor. Whether the
 * follow-up is due before it occurred is judged by lib/defects/mutations.ts, on the company's
 * calendar days, which this schema does not know.
 */
export const manualDefectSchema = z.object({
  touchpointId: z.uuid({ error: msg('chooseTouchpoint') }),
  customerId: z.preprocess(blankToUndefined, z.uuid({ error: msg('chooseCustomerFromList') }).optional()),
  categoryId: z.uuid({ error: msg('chooseCategory') }),
  kind: z.enum(DEFECT_KINDS, { error: msg('chooseKind') }),
  severity: z.preprocess(blankToUndefined, z.enum(SEVERITIES, { error: msg('chooseSeverity') }).default('minor')),
  lostRevenue: z.preprocess(blankToUndefined, money.default(0)),
  occurredAt: pastInstantSchema,
  ownerId: z.preprocess(blankToUndefined, z.uuid({ error: msg('chooseOwnerFromList') }).optional()),
  dueOn: z.preprocess(blankToUndefined, daySchema.optional()),
  title: text('theTitle', 200).min(1, { error: msg('giveDefectTitle') }),
  description: z.preprocess(blankToUndefined, text('theDescription', 5_000).optional()),
  rootCause: z.preprocess(blankToUndefined, text('theRootCause', 5_000).optional()),
  correctiveAction: z.preprocess(blankToUndefined, text('theCorrectiveAction', 5_000).optional()),
});
export type ManualDefectInput = z.output<typeof manualDefectSchema>;

/** The list's own URL parameters, on top of the shared defect filters. */
export const DEFECT_SORTS = ['occurredAt', 'dueOn', 'severity', 'lostRevenue', 'status', 'updatedAt'] as const;
export const defectListParamsSchema = z.object({
  q: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().max(200).optional().catch(undefined)),
  sort: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(DEFECT_SORTS).catch('occurredAt')),
  dir: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(['asc', 'desc']).catch('desc')),
  page: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(1).max(100_000).catch(1)),
  view: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(['list', 'board']).catch('list')),
});
export type DefectListParams = z.output<typeof defectListParamsSchema>;

/** Shared with the case forms: a selection of defects from the list. */
export { bulkItems as defectSelectionSchema };
