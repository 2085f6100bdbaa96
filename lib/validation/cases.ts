import { z } from 'zod';
import { daySchema } from '@/lib/dates';
import { defectSelectionSchema } from './defects';
import { CASE_STATUSES } from '@/lib/enums';
import { msg, type ValidationField } from './messages';

const blankToNull = (value: unknown) => (value === '' ? null : value);
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const text = (field: ValidationField, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: msg('limitedToChars', { field, max }) });
const clearable = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable().optional());
const optionalId = (error: string) => z.preprocess(blankToUndefined, z.uuid({ error }).optional());

export const CASE_SCOPES = ['company', 'stage', 'touchpoint'] as const;

/**
 * A case opened by hand: from a chart point (scope and subgroup), a Pareto bar (a category), a
 * heat-map cell (a touchpoint), or a selection of defects.
 */
export const openCaseSchema = z
  .object({
    scope: z.preprocess(blankToUndefined, z.enum(CASE_SCOPES, { error: msg('chooseChart') }).optional()),
    stageId: optionalId(msg('chooseStage')),
    touchpointId: optionalId(msg('chooseTouchpoint')),
    categoryId: optionalId(msg('chooseCategory')),
    subgroup: z.preprocess(blankToUndefined, z.enum(['day', 'week']).optional()),
    period: z.preprocess(blankToUndefined, daySchema.optional()),
    title: z.preprocess(blankToUndefined, text('theTitle', 200).optional()),
    items: z.preprocess((v) => (v === undefined || v === '' ? undefined : v), defectSelectionSchema.optional()),
  })
  .superRefine((value, ctx) => {
    if (!value.scope && !value.items?.length)
      ctx.addIssue({ code: 'custom', path: ['scope'], message: msg('chooseChartOrDefects') });
    if (value.scope === 'stage' && !value.stageId)
      ctx.addIssue({ code: 'custom', path: ['stageId'], message: msg('chooseStage') });
    if (value.scope === 'touchpoint' && !value.touchpointId)
      ctx.addIssue({ code: 'custom', path: ['touchpointId'], message: msg('chooseTouchpoint') });
  });
export type OpenCaseInput = z.output<typeof openCaseSchema>;

export const linkDefectsSchema = z.object({
  id: z.uuid({ error: msg('unknownCase') }),
  items: defectSelectionSchema,
});

const version = z.coerce
  .number({ error: msg('missingVersion') })
  .int()
  .min(1);

/** One edit of a case, made from `version`: fields, a move and a comment, saved together or not at all. */
export const caseEditSchema = z.object({
  id: z.uuid({ error: msg('unknownCase') }),
  version,
  status: z.preprocess(blankToUndefined, z.enum(CASE_STATUSES, { error: msg('chooseValidStatus') }).optional()),
  title: z.preprocess(
    blankToUndefined,
    text('theTitle', 200)
      .min(1, { error: msg('giveCaseTitle') })
      .optional(),
  ),
  ownerId: clearable(z.uuid({ error: msg('chooseOwnerFromList') })),
  rootCause: clearable(text('theRootCause', 5_000)),
  correctiveAction: clearable(text('theCorrectiveAction', 5_000)),
  effectiveOn: clearable(daySchema),
  closeReason: clearable(text('theReason', 1_000)),
  comment: z.preprocess(blankToUndefined, text('aComment', 5_000).optional()),
});
export type CaseEditInput = z.output<typeof caseEditSchema>;

export const caseIdSchema = z.object({ id: z.uuid({ error: msg('unknownCase') }) });

export const caseListSchema = z.object({
  status: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(CASE_STATUSES, { error: msg('unknownStatus') })),
  ),
  owner: z.preprocess(blankToUndefined, z.union([z.literal('none'), z.uuid()]).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type CaseListParams = z.output<typeof caseListSchema>;
