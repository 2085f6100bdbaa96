import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { commentReviews, defectCategories, defectEvents, defects, interactions, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/roles';
import { openCase } from '@/lib/cases/mutations';
import { applyLifecycleAfterDefects } from '@/lib/customers/apply-lifecycle';
import { DomainError } from '@/lib/errors';
import { recountOpenDefects } from '@/lib/interactions/auto-defects';
import { emitEvent } from '@/lib/jobs/enqueue';
import type { RaiseFromCommentInput } from '@/lib/validation/inbox';
import { msg } from '@/lib/validation/messages';

/**
 * The feedback inbox's actions on one comment: handle it, assign it, raise a defect or open a case
 * from it. Each runs in one transaction with its audit event (docs/voice-of-customer.md, "Feedback
 * inbox").
 */

type Actor = Pick<CurrentUser, 'id' | 'role' | 'email'>;

function assertManager(actor: Actor) {
  if (!can(actor.role, 'triageDefects')) throw new DomainError('forbidden', msg('inboxManagerOnly'));
}

/** The commented interaction, locked for this change; refused when gone or without a comment. */
async function lockComment(tx: DbOrTx, interactionId: string) {
  const [row] = await tx
    .select({
      id: interactions.id,
      notes: interactions.notes,
      touchpointId: interactions.touchpointId,
      customerId: interactions.customerId,
      occurredAt: interactions.occurredAt,
    })
    .from(interactions)
    .where(eq(interactions.id, interactionId))
    .for('update')
    .limit(1);
  if (!row) throw new DomainError('not-found', msg('commentGone'));
  if (!row.notes?.trim()) throw new DomainError('invalid', msg('noComment'));
  const [review] = await tx.select().from(commentReviews).where(eq(commentReviews.interactionId, interactionId));
  return { interaction: { ...row, notes: row.notes }, review: review ?? null };
}

type ReviewPatch = Partial<Pick<typeof commentReviews.$inferInsert, 'assigneeId' | 'handledAt' | 'handledById'>>;

async function saveReview(tx: DbOrTx, interactionId: string, patch: ReviewPatch) {
  await tx
    .insert(commentReviews)
    .values({ interactionId, ...patch, updatedAt: new Date() })
    .onConflictDoUpdate({ target: commentReviews.interactionId, set: { ...patch, updatedAt: new Date() } });
}

const reviewView = (review: { assigneeId: string | null; handledAt: Date | null } | null) => ({
  assigneeId: review?.assigneeId ?? null,
  handled: Boolean(review?.handledAt),
});

/** Marks a comment handled, or new again. */
export async function setCommentHandled(actor: Actor, input: { interactionId: string; handled: '1' | '0' }) {
  assertManager(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { review } = await lockComment(tx, input.interactionId);
    const handled = input.handled === '1';
    await saveReview(tx, input.interactionId, {
      handledAt: handled ? (review?.handledAt ?? new Date()) : null,
      handledById: handled ? (review?.handledById ?? actor.id) : null,
    });
    await recordAudit(tx, {
      actor,
      action: handled ? 'comment.handled' : 'comment.reopened',
      entityType: 'interaction',
      entityId: input.interactionId,
      before: reviewView(review),
      after: { ...reviewView(review), handled },
    });
    return { handled };
  });
}

/** Gives a comment to a manager or admin to look into, or to nobody. */
export async function assignComment(actor: Actor, input: { interactionId: string; assigneeId?: string }) {
  assertManager(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { review } = await lockComment(tx, input.interactionId);
    if (input.assigneeId) {
      const [person] = await tx
        .select({ role: users.role, active: users.active })
        .from(users)
        .where(eq(users.id, input.assigneeId));
      if (!person?.active || !can(person.role, 'triageDefects'))
        throw new DomainError('invalid', msg('fieldsNeedAttention'), {
          assigneeId: [msg('chooseActiveLead')],
        });
    }
    await saveReview(tx, input.interactionId, { assigneeId: input.assigneeId ?? null });
    await recordAudit(tx, {
      actor,
      action: 'comment.assigned',
      entityType: 'interaction',
      entityId: input.interactionId,
      before: reviewView(review),
      after: { ...reviewView(review), assigneeId: input.assigneeId ?? null },
    });
    return { assigneeId: input.assigneeId ?? null };
  });
}

const TITLE_CHARS = 80;

/**
 * Records the comment as a complaint defect linked to its interaction (same touchpoint, customer
 * and time, the comment as its description), and marks the comment handled.
 */
export async function raiseDefectFromComment(
  actor: Actor,
  input: RaiseFromCommentInput,
): Promise<{ defectId: string }> {
  assertManager(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { interaction, review } = await lockComment(tx, input.interactionId);
    const [category] = await tx
      .select({ active: defectCategories.active })
      .from(defectCategories)
      .where(eq(defectCategories.id, input.categoryId));
    if (!category?.active)
      throw new DomainError('invalid', msg('fieldsNeedAttention'), {
        categoryId: [msg('chooseCategoryFromList')],
      });
    const text = interaction.notes.trim().replace(/\s+/g, ' ');
    const [created] = await tx
      .insert(defects)
      .values({
        touchpointId: interaction.touchpointId,
        interactionId: interaction.id,
        customerId: interaction.customerId,
        categoryId: input.categoryId,
        kind: 'complaint',
        severity: input.severity,
        lostRevenue: '0.00',
        occurredAt: interaction.occurredAt,
        title: `Complaint: ${text.length > TITLE_CHARS ? `${text.slice(0, TITLE_CHARS - 1)}…` : text}`,
        description: interaction.notes,
        createdById: actor.id,
        touched: true,
      })
      .returning({ id: defects.id });
    const defectId = created!.id;
    await recountOpenDefects(tx, [interaction.id]);
    await applyLifecycleAfterDefects(tx, [interaction.customerId], actor.id);
    await tx.insert(defectEvents).values({ defectId, actorId: actor.id, type: 'created' });
    await emitEvent(tx, 'defect.created', {
      defectId,
      touchpointId: interaction.touchpointId,
      categoryId: input.categoryId,
      kind: 'complaint',
      severity: input.severity,
      interactionId: interaction.id,
      actorId: actor.id,
    });
    await saveReview(tx, interaction.id, {
      handledAt: review?.handledAt ?? new Date(),
      handledById: review?.handledById ?? actor.id,
    });
    await recordAudit(tx, {
      actor,
      action: 'comment.defect_raised',
      entityType: 'interaction',
      entityId: interaction.id,
      before: reviewView(review),
      after: { handled: true, assigneeId: review?.assigneeId ?? null, defectId },
    });
    return { defectId };
  });
}

/**
 * Raises the comment's defect and opens a case on it (or adds it to its touchpoint chart's open
 * case). Two steps: when the case cannot be opened, the defect stays recorded and the error says so.
 */
export async function openCaseFromComment(
  actor: Actor,
  input: RaiseFromCommentInput,
): Promise<{ defectId: string; caseId: string }> {
  const { defectId } = await raiseDefectFromComment(actor, input);
  // Version 1: the defect was created just now.
  const opened = await openCase(actor, { items: [{ id: defectId, version: 1 }] });
  const db = await getDb();
  await recordAudit(db, {
    actor,
    action: 'comment.case_opened',
    entityType: 'interaction',
    entityId: input.interactionId,
    after: { defectId, caseId: opened.id, existingCase: opened.existing },
  });
  return { defectId, caseId: opened.id };
}
