import { z } from 'zod';
import { nameField, optionalText } from './form-values';

export const createStageSchema = z.object({
  name: nameField('Name', 80),
  description: optionalText('Description', 500),
});

export const renameStageSchema = createStageSchema.extend({ stageId: z.uuid({ error: 'Unknown stage.' }) });

export const moveStageSchema = z.object({
  stageId: z.uuid({ error: 'Unknown stage.' }),
  direction: z.enum(['up', 'down'], { error: 'Move up or down.' }),
});

export const stageIdSchema = z.object({ stageId: z.uuid({ error: 'Unknown stage.' }) });

/** A stage's case owner: a person's id, or blank for the managers' queue. */
export const stageOwnerSchema = z.object({
  stageId: z.uuid({ error: 'Unknown stage.' }),
  ownerId: z.preprocess(
    (value) => (value === '' || value === undefined ? null : value),
    z.uuid({ error: 'Choose an owner from the list.' }).nullable(),
  ),
});
