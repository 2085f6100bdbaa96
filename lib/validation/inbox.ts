import { z } from 'zod';
import { SEVERITIES } from '@/lib/enums';
import { msg } from './messages';

/** The feedback inbox's forms and URL. */

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const interactionId = z.uuid({ error: msg('unknownComment') });

export const setCommentHandledSchema = z.object({
  interactionId,
  handled: z.enum(['1', '0'], { error: msg('useOneOrZero') }),
});

export const assignCommentSchema = z.object({
  interactionId,
  /** Blank: nobody. */
  assigneeId: z.preprocess(blankToUndefined, z.uuid({ error: msg('choosePersonFromList') }).optional()),
});

/** Raise a defect (kind complaint) from a comment; the same fields open a case on it. */
export const raiseFromCommentSchema = z.object({
  interactionId,
  categoryId: z.uuid({ error: msg('chooseCategory') }),
  severity: z.preprocess(blankToUndefined, z.enum(SEVERITIES, { error: msg('chooseSeverity') }).default('minor')),
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
