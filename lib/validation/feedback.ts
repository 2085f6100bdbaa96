import { z } from 'zod';
import { FEEDBACK_COMMENT_MAX, FEEDBACK_QUESTION_MAX } from '@/lib/feedback/limits';

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** A customer's optional answer on a scale; blank means they skipped the question. */
const answer = (min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'Choose one of the answers.' })
      .int({ error: 'Choose one of the answers.' })
      .min(min, { error: 'Choose one of the answers.' })
      .max(max, { error: 'Choose one of the answers.' })
      .optional(),
  );

/** What the public feedback page sends. Every question is optional, but at least one is answered. */
export const feedbackSubmissionSchema = z
  .object({
    // Rendered into the form, so a double submit stores one interaction.
    id: z.preprocess(blankToUndefined, z.uuid({ error: 'Reload the page and try again.' }).optional()),
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
          error: `Please keep your comment under ${FEEDBACK_COMMENT_MAX.toLocaleString('en-GB')} characters.`,
        })
        .optional(),
    ),
    email: z.preprocess(
      (value) => (typeof value === 'string' ? blankToUndefined(value.trim()) : blankToUndefined(value)),
      z
        .email({ error: 'Enter a valid email address, or leave it empty.' })
        .max(254, { error: 'That email address is too long.' })
        .optional(),
    ),
  })
  .refine(
    (v) =>
      [v.expectation, v.experience, v.csat, v.nps, v.effort, v.comment].some(
        (answered) => answered !== undefined && answered !== '',
      ),
    { error: 'Answer at least one question before sending.' },
  );

export const feedbackLinkSchema = z.object({
  touchpointId: z.uuid({ error: 'Unknown touchpoint.' }),
});

export const feedbackQuestionSchema = z.object({
  touchpointId: z.uuid({ error: 'Unknown touchpoint.' }),
  question: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() : value),
    z.string({ error: 'Enter the question, or leave it empty.' }).max(FEEDBACK_QUESTION_MAX, {
      error: `Keep the question under ${FEEDBACK_QUESTION_MAX} characters.`,
    }),
  ),
});

/** Tokens are 32 random bytes in base64url: anything else is not worth a database lookup. */
export const FEEDBACK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A member of staff settling feedback whose typed email matched a customer. */
export const feedbackMatchSchema = z.object({
  interactionId: z.uuid({ error: 'Unknown feedback.' }),
  decision: z.enum(['confirm', 'reject'], { error: 'Choose to confirm or reject the match.' }),
});

/** A personalised feedback link for one customer on one touchpoint, valid for 7, 30 or 90 days. */
export const personalFeedbackLinkSchema = z.object({
  customerId: z.uuid({ error: 'Unknown customer.' }),
  touchpointId: z.uuid({ error: 'Choose a touchpoint.' }),
  days: z.preprocess(
    (value) => (value === '' || value === undefined ? 30 : value),
    z.coerce
      .number({ error: 'Choose how long the link works.' })
      .pipe(z.union([z.literal(7), z.literal(30), z.literal(90)], { error: 'Choose 7, 30 or 90 days.' })),
  ),
});
