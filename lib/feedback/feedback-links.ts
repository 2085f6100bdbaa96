import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { touchpoints } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { generateFeedbackToken } from './token';
import { msg } from '@/lib/validation/messages';

type Change = 'enable' | 'rotate' | 'disable';

// The token itself never goes into the audit log: it is as good as the link.
const stateOf = (t: { feedbackEnabled: boolean; feedbackToken: string | null; feedbackQuestion: string | null }) => ({
  enabled: t.feedbackEnabled,
  hasLink: t.feedbackToken !== null,
  question: t.feedbackQuestion,
});

async function lockTouchpoint(tx: DbOrTx, touchpointId: string) {
  const [touchpoint] = await tx.select().from(touchpoints).where(eq(touchpoints.id, touchpointId)).for('update');
  if (!touchpoint) throw new DomainError('not-found', msg('touchpointGone'));
  return touchpoint;
}

/**
 * Turns a touchpoint's feedback link on (keeping its old link, if it had one, so printed codes work
 * again), rotates it (a new token: every old link and printed code stops working) or switches it off.
 */
export async function changeFeedbackLink(
  actor: CurrentUser,
  input: { touchpointId: string; change: Change },
): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const touchpoint = await lockTouchpoint(tx, input.touchpointId);
    if (input.change !== 'disable' && !touchpoint.active) {
      throw new DomainError('conflict', msg('touchpointRetiredReactivate', { name: touchpoint.name }));
    }
    const next =
      input.change === 'enable'
        ? { feedbackEnabled: true, feedbackToken: touchpoint.feedbackToken ?? generateFeedbackToken() }
        : input.change === 'rotate'
          ? { feedbackEnabled: true, feedbackToken: generateFeedbackToken() }
          : { feedbackEnabled: false, feedbackToken: touchpoint.feedbackToken };
    if (
      input.change !== 'rotate' &&
      next.feedbackEnabled === touchpoint.feedbackEnabled &&
      next.feedbackToken === touchpoint.feedbackToken
    )
      return;
    const [updated] = await tx
      .update(touchpoints)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(touchpoints.id, touchpoint.id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: `feedback_link.${input.change === 'enable' ? 'enabled' : input.change === 'rotate' ? 'rotated' : 'disabled'}`,
      entityType: 'touchpoint',
      entityId: touchpoint.id,
      before: stateOf(touchpoint),
      after: stateOf(updated!),
    });
  });
}

/** Sets the optional question shown above the comment box; blank removes it. */
export async function setFeedbackQuestion(
  actor: CurrentUser,
  input: { touchpointId: string; question: string },
): Promise<void> {
  const db = await getDb();
  const question = input.question.trim() || null;
  await db.transaction(async (tx) => {
    const touchpoint = await lockTouchpoint(tx, input.touchpointId);
    if (touchpoint.feedbackQuestion === question) return;
    const [updated] = await tx
      .update(touchpoints)
      .set({ feedbackQuestion: question, updatedAt: new Date() })
      .where(eq(touchpoints.id, touchpoint.id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'feedback_link.question_changed',
      entityType: 'touchpoint',
      entityId: touchpoint.id,
      before: stateOf(touchpoint),
      after: stateOf(updated!),
    });
  });
}
