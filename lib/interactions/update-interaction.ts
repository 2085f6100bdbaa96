import 'server-only';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import type { DbOrTx } from '@/db';
import { customers, defects, interactions, touchpoints, type Interaction, type Touchpoint } from '@/db/schema';
import { msg } from '@/lib/validation/messages';
import { DomainError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { z } from 'zod';
import type { InteractionInput, updateInteractionSchema } from '@/lib/validation/interactions';
import { applyLifecycleAfterInteractions } from '@/lib/customers/apply-lifecycle';
import { analyseComment } from '@/lib/voice/analyse-comment';
import { syncAutoDefects } from './auto-defects';
import { canEditInteraction } from './edit-window';

export const EDIT_REFUSED_MESSAGE = msg('editRefused');

const auditView = (row: Interaction) => ({
  customerId: row.customerId,
  touchpointId: row.touchpointId,
  occurredAt: row.occurredAt.toISOString(),
  outcome: row.outcome,
  saleValue: row.saleValue,
  expectation: row.expectation,
  experience: row.experience,
  csat: row.csat,
  nps: row.nps,
  effort: row.effort,
  notes: row.notes,
});

/** The fields an edit or a re-import may change, exactly as a new interaction takes them. */
export type InteractionEdit = Omit<InteractionInput, 'id'>;

/**
 * Writes an edit to a stored interaction, re-applies its touchpoint's auto-defect rules and
 * records the before and after in the audit log: the one way an interaction changes, from the
 * edit form and from a CSV re-import alike. Run it in the caller's transaction.
 */
export async function saveInteractionEdit(
  tx: DbOrTx,
  {
    existing,
    input,
    touchpoint,
    actor,
    via,
  }: { existing: Interaction; input: InteractionEdit; touchpoint: Touchpoint; actor: CurrentUser; via?: 'import' },
) {
  const [updated] = await tx
    .update(interactions)
    .set({
      customerId: input.customerId ?? null,
      touchpointId: input.touchpointId,
      occurredAt: input.occurredAt ?? existing.occurredAt,
      outcome: input.outcome,
      saleValue: input.saleValue === undefined ? null : input.saleValue.toFixed(2),
      expectation: input.expectation ?? null,
      experience: input.experience ?? null,
      csat: input.csat ?? null,
      nps: input.nps ?? null,
      effort: input.effort ?? null,
      notes: input.notes ?? null,
      ...analyseComment(input.notes),
      // Public feedback whose customer staff change by hand: their choice is the confirmation.
      ...(existing.customerMatch && (input.customerId ?? null) !== existing.customerId
        ? { customerMatch: input.customerId ? ('confirmed' as const) : ('rejected' as const) }
        : {}),
      updatedAt: new Date(),
    })
    .where(eq(interactions.id, existing.id))
    .returning();
  const changes = await syncAutoDefects(tx, updated!, touchpoint);
  await applyLifecycleAfterInteractions(
    tx,
    [
      {
        customerId: updated!.customerId,
        occurredAt: updated!.occurredAt,
        outcome: updated!.outcome,
        nps: updated!.nps,
        touchpointName: touchpoint.name,
      },
    ],
    actor.id,
  );
  await recordAudit(tx, {
    actor,
    action: 'interaction.updated',
    entityType: 'interaction',
    entityId: existing.id,
    before: auditView(existing),
    after: {
      ...auditView(updated!),
      autoDefectsAdded: changes.added,
      autoDefectsRemoved: changes.removed,
      defectsMoved: changes.moved,
      ...(via ? { via } : {}),
    },
  });
  return changes;
}

/**
 * Edits an interaction and re-applies its touchpoint's auto-defect rules in one transaction.
 * Staff may edit their own for 24 hours, managers and admins any; checked on the stored row.
 */
export async function updateInteraction(user: CurrentUser, input: z.output<typeof updateInteractionSchema>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(interactions).where(eq(interactions.id, input.id)).for('update').limit(1);
    if (!existing) throw new DomainError('not-found', msg('interactionGone'));
    if (!canEditInteraction(user, existing)) throw new DomainError('forbidden', EDIT_REFUSED_MESSAGE);

    const [touchpoint] = await tx.select().from(touchpoints).where(eq(touchpoints.id, input.touchpointId)).limit(1);
    if (!touchpoint)
      throw new DomainError('invalid', msg('touchpointMissing'), {
        touchpointId: [msg('touchpointMissing')],
      });
    // A touchpoint switched off since stays on its old interactions, but nothing new moves there.
    if (!touchpoint.active && touchpoint.id !== existing.touchpointId) {
      throw new DomainError('invalid', msg('touchpointRetired'), {
        touchpointId: [msg('touchpointRetired')],
      });
    }
    if (input.customerId) {
      const [customer] = await tx
        .select({ id: customers.id })
        .from(customers)
        .where(eq(customers.id, input.customerId))
        .limit(1);
      if (!customer)
        throw new DomainError('invalid', msg('customerMissing'), {
          customerId: [msg('customerMissing')],
        });
    }

    const changes = await saveInteractionEdit(tx, { existing, input, touchpoint, actor: user });
    return { id: input.id, ...changes };
  });
}

/** Deletes an interaction and its defects (admins only: the caller checks the permission), audited. */
export async function deleteInteraction(user: CurrentUser, id: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(interactions).where(eq(interactions.id, id)).for('update').limit(1);
    if (!existing) throw new DomainError('not-found', msg('interactionGone'));
    const [defectCount] = await tx.select({ n: count() }).from(defects).where(eq(defects.interactionId, id));
    await tx.delete(interactions).where(eq(interactions.id, id));
    await recordAudit(tx, {
      actor: user,
      action: 'interaction.deleted',
      entityType: 'interaction',
      entityId: id,
      before: {
        ...auditView(existing),
        source: existing.source,
        loggedById: existing.loggedById,
        defects: defectCount?.n ?? 0,
      },
      after: null,
    });
    return { id, customerId: existing.customerId, defectsDeleted: defectCount?.n ?? 0 };
  });
}
