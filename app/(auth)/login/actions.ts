'use server';

import { getRequestValidationTranslator } from '@/lib/i18n/reader';
import { cookies, headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { ActionResult } from '@/lib/action';
import { signIn } from '@/lib/auth/auth';
import { authenticate, DEACTIVATED_MESSAGE } from '@/lib/auth/authenticate';
import { clientAddress } from '@/lib/auth/client-address';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, deviceCookieValue, isKnownDevice } from '@/lib/auth/device-cookie';
import { homePathFor } from '@/lib/auth/roles';
import { signInSchema } from '@/lib/validation/auth';

/**
 * In React's form-state shape (previous answer, then the form) so the sign-in form posts natively
 * before JavaScript has loaded; it answers the same `ActionResult` as every guarded action.
 */
export async function signInAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const t = await getTranslations('auth.signIn');
  if (!(formData instanceof FormData)) return { ok: false, status: 400, message: t('fromSignInPage') };
  const raw = { email: formData.get('email'), password: formData.get('password') };
  // Never the password: only the email is shown again.
  const values = { email: typeof raw.email === 'string' ? raw.email : '' };
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      status: 422,
      message: t('fieldsNeedAttention'),
      fieldErrors: (await getRequestValidationTranslator()).fieldErrors(z.flattenError(parsed.error).fieldErrors),
      values,
    };
  }

  // Checked here first so the form can say why (wrong password, throttled, deactivated);
  // Auth.js's authorize() checks again, as it must for direct posts to its endpoint.
  const cookieStore = await cookies();
  const knownDevice = isKnownDevice(cookieStore.get(DEVICE_COOKIE)?.value, parsed.data.email);
  const result = await authenticate({ ...parsed.data, ip: clientAddress(await headers()), knownDevice });
  if (!result.ok) {
    const wait = result.waitSeconds ?? 0;
    const message =
      result.reason === 'throttled'
        ? wait < 120
          ? t('throttledSeconds', { seconds: Math.max(1, Math.ceil(wait)) })
          : t('throttledMinutes', { minutes: Math.ceil(wait / 60) })
        : result.message === DEACTIVATED_MESSAGE
          ? t('deactivated')
          : t('invalid');
    return { ok: false, status: result.reason === 'throttled' ? 429 : 401, message, values };
  }

  // This browser has now signed in as this email: a flood of wrong passwords cannot lock it out.
  cookieStore.set(DEVICE_COOKIE, deviceCookieValue(parsed.data.email), {
    httpOnly: true,
    sameSite: 'lax',
    secure: (await headers()).get('x-forwarded-proto') === 'https',
    maxAge: DEVICE_COOKIE_MAX_AGE,
    path: '/',
  });

  await signIn('credentials', { ...parsed.data, redirectTo: homePathFor(result.user.role) });
  return { ok: true, data: undefined };
}
