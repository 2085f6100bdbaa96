'use server';

import { guardedAction } from '@/lib/action';
import { signIn } from '@/lib/auth/auth';
import { homePathFor } from '@/lib/auth/roles';
import { changeOwnPassword } from '@/lib/users/manage-users';
import { changeOwnPasswordSchema } from '@/lib/validation/users';

// Every role may change its own password; viewOwnWork is the permission every role holds.
export const changeOwnPasswordAction = guardedAction(
  { permission: 'viewOwnWork', schema: changeOwnPasswordSchema, allowPendingPasswordChange: true },
  async (input, { user }) => {
    await changeOwnPassword(user, input);
    // The change ended every session, this one included; sign this browser in afresh.
    await signIn('credentials', { email: user.email, password: input.newPassword, redirect: false });
    return { home: homePathFor(user.role) };
  },
);
