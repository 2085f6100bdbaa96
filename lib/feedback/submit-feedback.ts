import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { customers, touchpoints } from '@/db/schema';
import type { FieldErrors } from '@/lib/errors';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { HONEYPOT_FIELD } from './limits';
import { FEEDBACK_TOKEN_PATTERN, feedbackSubmissionSchema } from '@/lib/validation/feedback';
import { interactionInputSchema } from '@/lib/validation/interactions';
import { verifyCustomerToken } from './customer-token';
import { FEEDBACK_WINDOW_MINUTES, hashAddress, takeFeedbackSlot } from './rate-limit';

export type SubmitFeedbackResult =
  | { ok: true }
  | { ok: false; reason: 'not_found' | 'invalid' | 'rate_limited'; message: string; fieldErrors?: FieldErrors };

export const LINK_GONE_MESSAGE = 'This feedback link is no longer active. Thank you for wanting to tell us.';
export const RATE_LIMITED_MESSAGE = `We have received a lot of feedback from your connection just now. Please try again in ${FEEDBACK_WINDOW_MINUTES} minutes.`;

/**
 * Stores one customer's answers from the public page as a `feedback` interaction, with the auto
 * defects its touchpoint's rules raise, all in one transaction. The answer belongs to a customer
 * only when the link carries a signed customer token this app made for that touchpoint
 * (lib/feedback/customer-token.ts). A typed email is kept as given; when it matches a customer on
 * file, that customer is only suggested (`unverified`) and the answer counts for nobody until a
 * member of staff confirms it (lib/feedback/customer-match.ts). The page answers the same either
 * way, so it never reveals whether an email is known. A filled honeypot is answered like a
 * success and stores nothing.
 */
export async function submitFeedback(input: {
  token: string;
  form: Record<string, unknown>;
  /** The `c` parameter of a personalised link, passed on by the page; anything else is ignored. */
  customerToken?: unknown;
  address: string | null;
}): Promise<SubmitFeedbackResult> {
  if (!FEEDBACK_TOKEN_PATTERN.test(input.token)) return { ok: false, reason: 'not_found', message: LINK_GONE_MESSAGE };
  const parsed = feedbackSubmissionSchema.safeParse(input.form);
  const honeypot = input.form[HONEYPOT_FIELD];
  const caughtBot = typeof honeypot === 'string' ? honeypot.trim() !== '' : honeypot !== undefined && honeypot !== null;
  const addressHash = hashAddress(input.address);

  const db = await getDb();
  return db.transaction(async (tx): Promise<SubmitFeedbackResult> => {
    const [touchpoint] = await tx
      .select({ id: touchpoints.id })
      .from(touchpoints)
      .where(
        and(
          eq(touchpoints.feedbackToken, input.token),
          eq(touchpoints.feedbackEnabled, true),
          eq(touchpoints.active, true),
        ),
      )
      .limit(1);
    if (!touchpoint) return { ok: false, reason: 'not_found', message: LINK_GONE_MESSAGE };

    if (caughtBot) {
      // The bot learns nothing, and still uses up its address's allowance.
      await takeFeedbackSlot(tx, addressHash);
      return { ok: true };
    }
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error);
      return {
        ok: false,
        reason: 'invalid',
        message: flat.formErrors[0] ?? 'Please check the answer marked in red.',
        fieldErrors: flat.fieldErrors as FieldErrors,
      };
    }
    if (!(await takeFeedbackSlot(tx, addressHash)))
      return { ok: false, reason: 'rate_limited', message: RATE_LIMITED_MESSAGE };

    const answers = parsed.data;
    let customerId: string | undefined;
    let customerMatch: 'signed_link' | 'unverified' | null = null;
    let suggestedCustomerId: string | null = null;
    const signed = input.customerToken ? verifyCustomerToken(input.customerToken, touchpoint.id) : null;
    if (signed?.ok) {
      // A customer merged or deleted since the link was made: the answer stays anonymous.
      const [customer] = await tx
        .select({ id: customers.id })
        .from(customers)
        .where(eq(customers.id, signed.customerId))
        .limit(1);
      if (customer) {
        customerId = customer.id;
        customerMatch = 'signed_link';
      }
    }
    if (!customerId && answers.email) {
      // Emails are not unique among customers: the longest-standing record with it is suggested.
      const [customer] = await tx
        .select({ id: customers.id })
        .from(customers)
        .where(eq(sql`lower(${customers.email})`, answers.email.toLowerCase()))
        .orderBy(asc(customers.createdAt), asc(customers.id))
        .limit(1);
      if (customer) {
        suggestedCustomerId = customer.id;
        customerMatch = 'unverified';
      }
    }

    const interaction = interactionInputSchema.parse({
      id: answers.id,
      touchpointId: touchpoint.id,
      customerId,
      expectation: answers.expectation,
      experience: answers.experience,
      csat: answers.csat,
      nps: answers.nps,
      effort: answers.effort,
      notes: answers.comment,
    });
    await recordInteractions(tx, [interaction], {
      source: 'feedback',
      loggedById: null,
      feedbackMatch: { contactEmail: answers.email ?? null, customerMatch, suggestedCustomerId },
    });
    return { ok: true };
  });
}
