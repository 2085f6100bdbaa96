'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import { setUserActive } from '@/lib/users/set-user-active';
import { setUserActiveSchema } from '@/lib/validation/users';

export const setUserActiveAction = guardedAction(
  { permission: 'administer', schema: setUserActiveSchema },
  async (input, { user }) => {
    await setUserActive(user, input);
    revalidatePath('/admin/users');
    return undefined;
  },
);
