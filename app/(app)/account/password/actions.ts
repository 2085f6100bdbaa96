'use server';

import { guardedAction } from '@/lib/action';
import { homePathFor } from '@/lib/auth/roles';
import { changeOwnPassword } from '@/lib/users/manage-users';
import { changeOwnPasswordSchema } from '@/lib/validation/users';

// Every role may change its own password; viewOwnWork is the permission every role holds.
export const changeOwnPasswordAction = guardedAction(
  { permission: 'viewOwnWork', schema: changeOwnPasswordSchema, allowPendingPasswordChange: true },
  async (input, { user }) => {
    await changeOwnPassword(user, input);
    return { home: homePathFor(user.role) };
  },
);
