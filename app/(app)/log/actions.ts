'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import { logInteraction } from '@/lib/interactions/log-interaction';
import { logInteractionSchema } from '@/lib/validation/interactions';

export const logInteractionAction = guardedAction(
  { permission: 'logInteraction', schema: logInteractionSchema },
  async (input, { user }) => {
    const result = await logInteraction(user, input);
    revalidatePath('/my-work');
    return result;
  },
);
