'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import { savePreferences } from '@/lib/notifications/preferences';
import { preferencesSchema } from '@/lib/validation/notifications';

export const savePreferencesAction = guardedAction(
  { permission: 'viewOwnWork', schema: preferencesSchema },
  async (input, { user }) => {
    await savePreferences(user, input);
    revalidatePath('/account/notifications');
    return undefined;
  },
);
