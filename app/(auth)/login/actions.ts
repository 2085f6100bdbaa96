'use server';

import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { signIn } from '@/lib/auth/auth';
import { authenticate } from '@/lib/auth/authenticate';
import { clientAddress } from '@/lib/auth/client-address';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, deviceCookieValue, isKnownDevice } from '@/lib/auth/device-cookie';
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
  const cookieStore = await cookies();
  const knownDevice = isKnownDevice(cookieStore.get(DEVICE_COOKIE)?.value, parsed.data.email);
  const result = await authenticate({ ...parsed.data, ip: clientAddress(await headers()), knownDevice });
  if (!result.ok) return { message: result.message, email };

  // This browser has now signed in as this email: a flood of wrong passwords cannot lock it out.
  cookieStore.set(DEVICE_COOKIE, deviceCookieValue(parsed.data.email), {
    httpOnly: true,
    sameSite: 'lax',
    secure: (await headers()).get('x-forwarded-proto') === 'https',
    maxAge: DEVICE_COOKIE_MAX_AGE,
    path: '/',
  });

  await signIn('credentials', { ...parsed.data, redirectTo: homePathFor(result.user.role) });
  return {};
}
