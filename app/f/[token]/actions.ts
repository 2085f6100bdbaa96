'use server';

import { getRequestValidationTranslator } from '@/lib/i18n/reader';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { clientAddress } from '@/lib/auth/client-address';
import { submitFeedback } from '@/lib/feedback/submit-feedback';
import { forgetDashboardAnswers } from '@/lib/queries/answer-cache';
import type { ActionResult } from '@/lib/action';
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from '@/lib/validation/unsafe-text';

const FAILURE_STATUS = { not_found: 404, invalid: 422, rate_limited: 429 } as const;

/**
 * The public page's one action. It has no user to guard by: anyone holding a live token may send
 * feedback, so it validates, rate-limits and checks the token itself (lib/feedback/submit-feedback).
 * It takes React's form-state arguments (token bound, previous answer, form) so the form works
 * without JavaScript, and answers the same `ActionResult` as every action, with what the customer
 * entered in `values` so a refused form keeps their answers.
 */
export async function submitFeedbackAction(
  token: string,
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const t = await getTranslations('feedback.errors');
  // Every export here is a public endpoint: refuse anything but the page's own form.
  if (typeof token !== 'string' || !(formData instanceof FormData))
    return { ok: false, status: 400, message: t('fromPage') };
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
      ok: false,
      status: 422,
      message: t('needAttention'),
      fieldErrors: (await getRequestValidationTranslator()).fieldErrors(
        Object.fromEntries(unsafe.map((field) => [field, [UNSAFE_TEXT_MESSAGE]])),
      ),
      values,
    };
  // A personalised link's signed customer token travels as a hidden field; it is verified inside.
  const result = await submitFeedback({
    token,
    form,
    customerToken: form.customerToken,
    address: clientAddress(await headers()),
  });
  // The feedback is stored: the dashboards this process shows count it from now on.
  forgetDashboardAnswers();
  if (result.ok) redirect(`/f/${token}/thanks`);
  const refusal = await getRequestValidationTranslator();
  return {
    ok: false,
    status: FAILURE_STATUS[result.reason],
    message: refusal.message(result.message),
    fieldErrors: result.fieldErrors && refusal.fieldErrors(result.fieldErrors),
    values,
  };
}
