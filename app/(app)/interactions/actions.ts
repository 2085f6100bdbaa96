'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import { deleteInteraction, updateInteraction } from '@/lib/interactions/update-interaction';
import { deleteInteractionSchema, updateInteractionSchema } from '@/lib/validation/interactions';

// Who may edit which interaction is decided inside, on the stored row: staff their own for 24 h.
export const updateInteractionAction = guardedAction(
  { permission: 'logInteraction', schema: updateInteractionSchema },
  async (input, { user }) => {
    const result = await updateInteraction(user, input);
    revalidatePath(`/interactions/${input.id}`);
    return result;
  },
);

export const deleteInteractionAction = guardedAction(
  { permission: 'deleteRecords', schema: deleteInteractionSchema },
  async (input, { user }) => {
    const result = await deleteInteraction(user, input.id);
    revalidatePath('/interactions');
    return result;
  },
);
