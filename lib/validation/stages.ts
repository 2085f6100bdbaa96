import { z } from 'zod';
import { nameField, optionalText } from './form-values';
import { msg } from './messages';

export const createStageSchema = z.object({
  name: nameField(80),
  description: optionalText('description', 500),
});

export const renameStageSchema = createStageSchema.extend({ stageId: z.uuid({ error: msg('unknownStage') }) });

export const moveStageSchema = z.object({
  stageId: z.uuid({ error: msg('unknownStage') }),
  direction: z.enum(['up', 'down'], { error: msg('moveUpOrDown') }),
});

export const stageIdSchema = z.object({ stageId: z.uuid({ error: msg('unknownStage') }) });

/** A stage's case owner: a person's id, or blank for the managers' queue. */
export const stageOwnerSchema = z.object({
  stageId: z.uuid({ error: msg('unknownStage') }),
  ownerId: z.preprocess(
    (value) => (value === '' || value === undefined ? null : value),
    z.uuid({ error: msg('chooseOwnerFromList') }).nullable(),
  ),
});
