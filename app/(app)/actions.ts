'use server';

import { signOut } from '@/lib/auth/auth';
import { getCurrentUser } from '@/lib/auth/current-user';
import { signOutEverywhere } from '@/lib/users/manage-users';

/**
 * Signing out ends the session on the server too, not just the cookie: the user's session version
 * rises, so a copy of the cookie (and every other device's) stops working. Anyone may call it.
 */
export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await signOutEverywhere(user);
  await signOut({ redirectTo: '/login' });
}
