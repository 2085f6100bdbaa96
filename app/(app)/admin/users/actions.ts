'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import { changeUserRole, createUserAccount, endUserSessions, resetUserPassword } from '@/lib/users/manage-users';
import { setUserActive } from '@/lib/users/set-user-active';
import { changeRoleSchema, createUserSchema, setUserActiveSchema, userIdSchema } from '@/lib/validation/users';

export const setUserActiveAction = guardedAction(
  { permission: 'administer', schema: setUserActiveSchema },
  async (input, { user }) => {
    await setUserActive(user, input);
    revalidatePath('/admin/users');
    return undefined;
  },
);

/** Returns the one-time password once, for the admin to hand over; only its hash is stored. */
export const createUserAction = guardedAction(
  { permission: 'administer', schema: createUserSchema },
  async (input, { user }) => {
    const created = await createUserAccount(user, input);
    revalidatePath('/admin/users');
    return created;
  },
);

export const changeUserRoleAction = guardedAction(
  { permission: 'administer', schema: changeRoleSchema },
  async (input, { user }) => {
    await changeUserRole(user, input);
    revalidatePath('/admin/users');
    return undefined;
  },
);

export const resetUserPasswordAction = guardedAction(
  { permission: 'administer', schema: userIdSchema },
  async (input, { user }) => {
    const reset = await resetUserPassword(user, input);
    revalidatePath('/admin/users');
    return reset;
  },
);

export const endUserSessionsAction = guardedAction(
  { permission: 'administer', schema: userIdSchema },
  async (input, { user }) => endUserSessions(user, input),
);
