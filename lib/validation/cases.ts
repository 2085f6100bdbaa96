import { z } from 'zod';
import { daySchema } from '@/lib/dates';
import { defectSelectionSchema } from './defects';
import { CASE_STATUSES } from '@/lib/enums';

const blankToNull = (value: unknown) => (value === '' ? null : value);
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} is limited to ${max.toLocaleString('en-GB')} characters.` });
const clearable = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable().optional());
const optionalId = (error: string) => z.preprocess(blankToUndefined, z.uuid({ error }).optional());

export const CASE_SCOPES = ['company', 'stage', 'touchpoint'] as const;

/**
 * A case opened by hand: from a chart point (scope and subgroup), a Pareto bar (a category), a
 * heat-map cell (a touchpoint), or a selection of defects.
 */
export const openCaseSchema = z
  .object({
    scope: z.preprocess(blankToUndefined, z.enum(CASE_SCOPES, { error: 'Choose a chart.' }).optional()),
    stageId: optionalId('Choose a stage.'),
    touchpointId: optionalId('Choose a touchpoint.'),
    categoryId: optionalId('Choose a category.'),
    subgroup: z.preprocess(blankToUndefined, z.enum(['day', 'week']).optional()),
    period: z.preprocess(blankToUndefined, daySchema.optional()),
    title: z.preprocess(blankToUndefined, text('The title', 200).optional()),
    items: z.preprocess((v) => (v === undefined || v === '' ? undefined : v), defectSelectionSchema.optional()),
  })
  .superRefine((value, ctx) => {
    if (!value.scope && !value.items?.length)
      ctx.addIssue({ code: 'custom', path: ['scope'], message: 'Choose a chart or select defects.' });
    if (value.scope === 'stage' && !value.stageId)
      ctx.addIssue({ code: 'custom', path: ['stageId'], message: 'Choose a stage.' });
    if (value.scope === 'touchpoint' && !value.touchpointId)
      ctx.addIssue({ code: 'custom', path: ['touchpointId'], message: 'Choose a touchpoint.' });
  });
export type OpenCaseInput = z.output<typeof openCaseSchema>;

export const linkDefectsSchema = z.object({
  id: z.uuid({ error: 'Unknown case.' }),
  items: defectSelectionSchema,
});

const version = z.coerce.number({ error: 'The form is missing its version; reload the page.' }).int().min(1);

/** One edit of a case, made from `version`: fields, a move and a comment, saved together or not at all. */
export const caseEditSchema = z.object({
  id: z.uuid({ error: 'Unknown case.' }),
  version,
  status: z.preprocess(blankToUndefined, z.enum(CASE_STATUSES, { error: 'Choose a valid status.' }).optional()),
  title: z.preprocess(blankToUndefined, text('The title', 200).min(1, { error: 'Give the case a title.' }).optional()),
  ownerId: clearable(z.uuid({ error: 'Choose an owner from the list.' })),
  rootCause: clearable(text('The root cause', 5_000)),
  correctiveAction: clearable(text('The corrective action', 5_000)),
  effectiveOn: clearable(daySchema),
  closeReason: clearable(text('The reason', 1_000)),
  comment: z.preprocess(blankToUndefined, text('A comment', 5_000).optional()),
});
export type CaseEditInput = z.output<typeof caseEditSchema>;

export const caseIdSchema = z.object({ id: z.uuid({ error: 'Unknown case.' }) });

export const caseListSchema = z.object({
  status: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(CASE_STATUSES, { error: 'Unknown status.' })),
  ),
  owner: z.preprocess(blankToUndefined, z.union([z.literal('none'), z.uuid()]).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type CaseListParams = z.output<typeof caseListSchema>;
