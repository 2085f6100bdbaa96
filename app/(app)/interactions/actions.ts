'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import { settleFeedbackMatch } from '@/lib/feedback/customer-match';
import { deleteInteraction, updateInteraction } from '@/lib/interactions/update-interaction';
import { feedbackMatchSchema } from '@/lib/validation/feedback';
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

/**
 * Any member of staff confirms (or rejects) that feedback whose typed email matched a customer
 * came from that customer; until then it counts for nobody. Audited in lib/feedback/customer-match.
 */
export const settleFeedbackMatchAction = guardedAction(
  { permission: 'manageCustomers', schema: feedbackMatchSchema },
  async (input, { user }) => {
    const result = await settleFeedbackMatch(user, input);
    revalidatePath(`/interactions/${input.interactionId}`);
    if (result.customerId) revalidatePath(`/customers/${result.customerId}`);
    return result;
  },
);
