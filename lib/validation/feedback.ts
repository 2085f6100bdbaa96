import { z } from 'zod';
import { FEEDBACK_COMMENT_MAX, FEEDBACK_QUESTION_MAX } from '@/lib/feedback/limits';
import { msg } from './messages';

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** A customer's optional answer on a scale; blank means they skipped the question. */
const answer = (min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: msg('chooseAnswer') })
      .int({ error: msg('chooseAnswer') })
      .min(min, { error: msg('chooseAnswer') })
      .max(max, { error: msg('chooseAnswer') })
      .optional(),
  );

/** What the public feedback page sends. Every question is optional, but at least one is answered. */
export const feedbackSubmissionSchema = z
  .object({
    // Rendered into the form, so a double submit stores one interaction.
    id: z.preprocess(blankToUndefined, z.uuid({ error: msg('reloadAndRetry') }).optional()),
    expectation: answer(1, 5),
    experience: answer(1, 5),
    csat: answer(1, 5),
    nps: answer(0, 10),
    effort: answer(1, 7),
    comment: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(FEEDBACK_COMMENT_MAX, {
          error: msg('feedbackCommentMax', { max: FEEDBACK_COMMENT_MAX }),
        })
        .optional(),
    ),
    email: z.preprocess(
      (value) => (typeof value === 'string' ? blankToUndefined(value.trim()) : blankToUndefined(value)),
      z
        .email({ error: msg('feedbackEmail') })
        .max(254, { error: msg('emailTooLong') })
        .optional(),
    ),
  })
  .refine(
    (v) =>
      [v.expectation, v.experience, v.csat, v.nps, v.effort, v.comment].some(
        (answered) => answered !== undefined && answered !== '',
      ),
    { error: msg('answerAtLeastOne') },
  );

export const feedbackLinkSchema = z.object({
  touchpointId: z.uuid({ error: msg('unknownTouchpoint') }),
});

export const feedbackQuestionSchema = z.object({
  touchpointId: z.uuid({ error: msg('unknownTouchpoint') }),
  question: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() : value),
    z.string({ error: msg('enterQuestionOrEmpty') }).max(FEEDBACK_QUESTION_MAX, {
      error: msg('questionMax', { max: FEEDBACK_QUESTION_MAX }),
    }),
  ),
});

/** Tokens are 32 random bytes in base64url: anything else is not worth a database lookup. */
export const FEEDBACK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A member of staff settling feedback whose typed email matched a customer. */
export const feedbackMatchSchema = z.object({
  interactionId: z.uuid({ error: msg('unknownFeedback') }),
  decision: z.enum(['confirm', 'reject'], { error: msg('confirmOrReject') }),
});

/** A personalised feedback link for one customer on one touchpoint, valid for 7, 30 or 90 days. */
export const personalFeedbackLinkSchema = z.object({
  customerId: z.uuid({ error: msg('unknownCustomer') }),
  touchpointId: z.uuid({ error: msg('chooseTouchpoint') }),
  days: z.preprocess(
    (value) => (value === '' || value === undefined ? 30 : value),
    z.coerce
      .number({ error: msg('chooseLinkDuration') })
      .pipe(z.union([z.literal(7), z.literal(30), z.literal(90)], { error: msg('chooseLinkDays') })),
  ),
});
