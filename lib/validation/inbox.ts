import { z } from 'zod';
import { SEVERITIES } from '@/lib/enums';

/** The feedback inbox's forms and URL. */

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const interactionId = z.uuid({ error: 'Unknown comment.' });

export const setCommentHandledSchema = z.object({
  interactionId,
  handled: z.enum(['1', '0'], { error: 'Use 1 or 0.' }),
});

export const assignCommentSchema = z.object({
  interactionId,
  /** Blank: nobody. */
  assigneeId: z.preprocess(blankToUndefined, z.uuid({ error: 'Choose a person from the list.' }).optional()),
});

/** Raise a defect (kind complaint) from a comment; the same fields open a case on it. */
export const raiseFromCommentSchema = z.object({
  interactionId,
  categoryId: z.uuid({ error: 'Choose a category.' }),
  severity: z.preprocess(blankToUndefined, z.enum(SEVERITIES, { error: 'Choose a severity.' }).default('minor')),
});
export type RaiseFromCommentInput = z.output<typeof raiseFromCommentSchema>;

export const INBOX_STATES = ['new', 'handled', 'all'] as const;

/** The inbox's own URL parameters, on top of the interactions filters. */
export const inboxParamsSchema = z.object({
  state: z.preprocess(single, z.enum(INBOX_STATES).catch('new')),
  /** me: assigned to the signed-in manager. */
  assigned: z.preprocess(single, z.enum(['me']).optional().catch(undefined)),
  page: z.preprocess(single, z.coerce.number().int().min(1).max(100_000).catch(1)),
});
export type InboxParams = z.output<typeof inboxParamsSchema>;
