'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { signIn } from '@/lib/auth/auth';
import { authenticate } from '@/lib/auth/authenticate';
import { clientAddress } from '@/lib/auth/client-address';
import { homePathFor } from '@/lib/auth/roles';
import { signInSchema } from '@/lib/validation/auth';

export interface SignInState {
  message?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
  email?: string;
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const raw = { email: formData.get('email'), password: formData.get('password') };
  const email = typeof raw.email === 'string' ? raw.email : '';
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) {
    return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  }

  // Checked here first so the form can say why (wrong password, throttled, deactivated);
  // Auth.js's authorize() checks again, as it must for direct posts to its endpoint.
  const result = await authenticate({ ...parsed.data, ip: clientAddress(await headers()) });
  if (!result.ok) return { message: result.message, email };

  await signIn('credentials', { ...parsed.data, redirectTo: homePathFor(result.user.role) });
  return {};
}
