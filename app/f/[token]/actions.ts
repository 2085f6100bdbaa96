'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientAddress } from '@/lib/auth/client-address';
import { submitFeedback } from '@/lib/feedback/submit-feedback';
import type { FieldErrors } from '@/lib/errors';
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from '@/lib/validation/unsafe-text';

export interface FeedbackFormState {
  message?: string;
  fieldErrors?: FieldErrors;
  /** What the customer entered, so a refused form keeps their answers. */
  values?: Record<string, string>;
}

/**
 * The public page's one action. It has no user to guard by: anyone holding a live token may send
 * feedback, so it validates, rate-limits and checks the token itself (lib/feedback/submit-feedback).
 */
export async function submitFeedbackAction(
  token: string,
  _previous: FeedbackFormState,
  formData: FormData,
): Promise<FeedbackFormState> {
  // Every export here is a public endpoint: refuse anything but the page's own form.
  if (typeof token !== 'string' || !(formData instanceof FormData))
    return { message: 'Send your answers from the feedback page.' };
  const form: Record<string, unknown> = {};
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION') || typeof value !== 'string') continue;
    form[key] = value;
    values[key] = value;
  }
  const unsafe = findUnsafeText(form);
  if (unsafe.length)
    return {
      message: 'Some answers need attention.',
      fieldErrors: Object.fromEntries(unsafe.map((field) => [field, [UNSAFE_TEXT_MESSAGE]])),
      values,
    };
  // A personalised link's signed customer token travels as a hidden field; it is verified inside.
  const result = await submitFeedback({
    token,
    form,
    customerToken: form.customerToken,
    address: clientAddress(await headers()),
  });
  if (result.ok) redirect(`/f/${token}/thanks`);
  return { message: result.message, fieldErrors: result.fieldErrors, values };
}
