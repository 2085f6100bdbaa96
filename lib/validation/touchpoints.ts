import { z } from 'zod';
import { CHANNELS } from '@/lib/enums';
import { enabledRuleCount } from '@/lib/defects/auto-rules';
import { checkbox, integerIn, nameField, optionalText } from './form-values';
import { msg } from './messages';

const touchpointFields = z.object({
  name: nameField(),
  description: optionalText('description', 1000),
  stageId: z.uuid({ error: msg('chooseJourneyStage') }),
  channel: z.enum(CHANNELS, { error: msg('chooseChannel') }),
  opportunities: integerIn(1, 1000, 'opportunities'),
  expectationTarget: integerIn(1, 5, 'expectationTarget'),
  // Who answers for the cases a signal on this touchpoint's chart opens; blank: the managers.
  ownerId: z.preprocess(
    (value) => (value === '' || value === undefined ? null : value),
    z.uuid({ error: msg('chooseOwnerFromList') }).nullable(),
  ),
  ruleLostSale: checkbox,
  ruleBelowExpectation: checkbox,
  ruleBelowExpectationGap: integerIn(1, 4, 'theGap'),
  ruleLowCsat: checkbox,
  ruleLowCsatMax: integerIn(1, 4, 'theCsatThreshold'),
  ruleLowNps: checkbox,
  ruleLowNpsMax: integerIn(0, 9, 'theNpsThreshold'),
});

/** The message beside the opportunities field when it is below the enabled rules. */
export const tooFewOpportunitiesMessage = (enabled: number) => msg('tooFewOpportunities', { enabled });

/** Opportunities per interaction must be at least the enabled auto-defect rules, or D could exceed O. */
function atLeastOnePerRule(fields: z.output<typeof touchpointFields>, ctx: z.RefinementCtx) {
  const enabled = enabledRuleCount(fields);
  if (fields.opportunities < enabled) {
    ctx.addIssue({ code: 'custom', path: ['opportunities'], message: tooFewOpportunitiesMessage(enabled) });
  }
}

export const touchpointFieldsSchema = touchpointFields.superRefine(atLeastOnePerRule);

export type TouchpointFields = z.infer<typeof touchpointFieldsSchema>;

export const updateTouchpointSchema = touchpointFields
  .extend({ touchpointId: z.uuid({ error: msg('unknownTouchpoint') }) })
  .superRefine(atLeastOnePerRule);

export const touchpointIdSchema = z.object({ touchpointId: z.uuid({ error: msg('unknownTouchpoint') }) });

export const setTouchpointActiveSchema = touchpointIdSchema.extend({
  active: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});

/** Restating history: the opportunities per interaction the admin saw in the preview. */
export const restateOpportunitiesSchema = touchpointIdSchema.extend({
  opportunities: z.coerce.number().int().min(1).max(1000),
});
