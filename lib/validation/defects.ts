import { z } from 'zod';
import { daySchema, pastInstantSchema } from '@/lib/dates';
import { MAX_MONEY } from './form-values';
import { DEFECT_KINDS, DEFECT_STATUSES, SEVERITIES } from '@/lib/enums';

/** Blank form fields mean "clear this"; absent fields mean "leave it as it is". */
const blankToNull = (value: unknown) => (value === '' ? null : value);
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} is limited to ${max.toLocaleString('en-GB')} characters.` });

/** Present-and-blank clears the field (null); absent leaves it (undefined). */
const clearable = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable().optional());

const money = z.coerce
  .number({ error: 'Lost revenue must be a number.' })
  .finite({ error: 'Lost revenue must be a number.' })
  .min(0, { error: 'Lost revenue cannot be negative.' })
  .max(MAX_MONEY, { error: `Lost revenue can be at most ${MAX_MONEY.toLocaleString('en-GB')}.` });

const version = z.coerce.number({ error: 'The form is missing its version; reload the page.' }).int().min(1);

const fields = {
  categoryId: z.preprocess(blankToUndefined, z.uuid({ error: 'Choose a category.' }).optional()),
  kind: z.preprocess(blankToUndefined, z.enum(DEFECT_KINDS, { error: 'Choose a kind.' }).optional()),
  severity: z.preprocess(blankToUndefined, z.enum(SEVERITIES, { error: 'Choose a severity.' }).optional()),
  lostRevenue: z.preprocess(blankToUndefined, money.optional()),
  ownerId: clearable(z.uuid({ error: 'Choose an owner from the list.' })),
  dueOn: clearable(daySchema),
  title: clearable(text('The title', 200)),
  description: clearable(text('The description', 5_000)),
  rootCause: clearable(text('The root cause', 5_000)),
  correctiveAction: clearable(text('The corrective action', 5_000)),
  dismissReason: clearable(text('The reason', 1_000)),
};

/**
 * One edit of a defect: the version it was made from, the fields it changes, optionally a move to
 * another status and a comment, all saved together or not at all.
 */
export const defectEditSchema = z.object({
  id: z.uuid({ error: 'Unknown defect.' }),
  version,
  status: z.preprocess(blankToUndefined, z.enum(DEFECT_STATUSES, { error: 'Choose a valid status.' }).optional()),
  ...fields,
  comment: z.preprocess(blankToUndefined, text('A comment', 5_000).optional()),
});
export type DefectEditInput = z.output<typeof defectEditSchema>;
export type DefectPatch = Omit<DefectEditInput, 'id' | 'version' | 'comment'>;

export const defectCommentSchema = z.object({
  id: z.uuid({ error: 'Unknown defect.' }),
  comment: text('A comment', 5_000).min(1, { error: 'Write a comment first.' }),
});

/** Bulk actions name each defect with the version the list showed: `<id>:<version>`. */
const bulkItems = z.preprocess(
  (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(
      z
        .string()
        .regex(/^[0-9a-f-]{36}:\d+$/i, { error: 'Unknown defect.' })
        .transform((v) => {
          const [id, n] = v.split(':');
          return { id: id!, version: Number(n) };
        }),
    )
    .min(1, { error: 'Select at least one defect.' })
    .max(500, { error: 'Select at most 500 defects at a time.' }),
);

export const bulkAssignSchema = z.object({
  items: bulkItems,
  ownerId: z.preprocess(blankToNull, z.uuid({ error: 'Choose an owner from the list.' }).nullable()),
});

export const bulkStatusSchema = z.object({
  items: bulkItems,
  status: z.enum(DEFECT_STATUSES, { error: 'Choose a status.' }),
  dismissReason: z.preprocess(blankToUndefined, text('The reason', 1_000).optional()),
});

/** A defect no interaction captured: a complaint letter, a failure seen on the floor. */
export const manualDefectSchema = z
  .object({
    touchpointId: z.uuid({ error: 'Choose a touchpoint.' }),
    customerId: z.preprocess(blankToUndefined, z.uuid({ error: 'Choose a customer from the list.' }).optional()),
    categoryId: z.uuid({ error: 'Choose a category.' }),
    kind: z.enum(DEFECT_KINDS, { error: 'Choose a kind.' }),
    severity: z.preprocess(blankToUndefined, z.enum(SEVERITIES, { error: 'Choose a severity.' }).default('minor')),
    lostRevenue: z.preprocess(blankToUndefined, money.default(0)),
    occurredAt: pastInstantSchema,
    ownerId: z.preprocess(blankToUndefined, z.uuid({ error: 'Choose an owner from the list.' }).optional()),
    dueOn: z.preprocess(blankToUndefined, daySchema.optional()),
    title: text('The title', 200).min(1, { error: 'Give the defect a short title.' }),
    description: z.preprocess(blankToUndefined, text('The description', 5_000).optional()),
    rootCause: z.preprocess(blankToUndefined, text('The root cause', 5_000).optional()),
    correctiveAction: z.preprocess(blankToUndefined, text('The corrective action', 5_000).optional()),
  })
  .superRefine((value, ctx) => {
    const occurredDay = (value.occurredAt ?? new Date()).toISOString().slice(0, 10);
    if (value.dueOn && value.dueOn < occurredDay) {
      ctx.addIssue({
        code: 'custom',
        path: ['dueOn'],
        message: 'The follow-up cannot be due before the defect occurred.',
      });
    }
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
