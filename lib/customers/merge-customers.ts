import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { customers, defects, interactions } from '@/db/schema';
import { msg } from '@/lib/validation/messages';
import { DomainError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';

export interface MergeResult {
  keepId: string;
  movedInteractions: number;
  movedDefects: number;
}

const CONTACT_FIELDS = ['email', 'phone', 'company', 'segmentId', 'ownerId', 'externalRef'] as const;

/**
 * Merges a duplicate customer into the one that stays, in one transaction: every interaction and
 * defect of the duplicate moves to the kept customer, the kept customer takes the details it
 * lacked and the earlier "customer since", the duplicate is deleted, and an audit event records
 * both as they were.
 *
 * The rollup triggers key metrics_daily by the customer's segment, read when a row changes: the
 * history is re-pointed while both customers still exist, so each row's contribution leaves the
 * duplicate's segment and joins the kept one's exactly (migration 0004_metric-rollup-triggers).
 */
export async function mergeCustomers(
  actor: CurrentUser,
  { keepId, duplicateId }: { keepId: string; duplicateId: string },
): Promise<MergeResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Both rows locked in id order, so two merges of the same pair queue instead of deadlocking.
    const rows = await tx
      .select()
      .from(customers)
      .where(inArray(customers.id, [keepId, duplicateId]))
      .orderBy(asc(customers.id))
      .for('update');
    const keep = rows.find((r) => r.id === keepId);
    const duplicate = rows.find((r) => r.id === duplicateId);
    if (!keep) throw new DomainError('not-found', msg('customerGone'));
    if (!duplicate)
      throw new DomainError('not-found', msg('duplicateGone'), {
        duplicateId: [msg('customerGone')],
      });

    const movedInteractions = await tx
      .update(interactions)
      .set({ customerId: keepId })
      .where(eq(interactions.customerId, duplicateId))
      .returning({ id: interactions.id });
    // Feedback whose typed email suggested the duplicate now suggests the customer who stays.
    await tx
      .update(interactions)
      .set({ suggestedCustomerId: keepId })
      .where(eq(interactions.suggestedCustomerId, duplicateId));
    const movedDefects = await tx
      .update(defects)
      .set({ customerId: keepId })
      .where(eq(defects.customerId, duplicateId))
      .returning({ id: defects.id });

    // The kept customer takes what it lacked; the duplicate's reference is freed first (unique).
    const filled: Partial<Record<(typeof CONTACT_FIELDS)[number], string>> = {};
    for (const field of CONTACT_FIELDS) {
      const value = duplicate[field];
      if (keep[field] === null && value !== null) filled[field] = value;
    }
    await tx.delete(customers).where(eq(customers.id, duplicateId));
    await tx
      .update(customers)
      .set({
        ...filled,
        createdAt: sql`least(${customers.createdAt}, ${duplicate.createdAt.toISOString()}::timestamptz)`,
        updatedAt: new Date(),
      })
      .where(eq(customers.id, keepId));

    await recordAudit(tx, {
      actor,
      action: 'customer.merge',
      entityType: 'customer',
      entityId: keepId,
      before: { kept: keep, duplicate },
      after: {
        filled,
        movedInteractions: movedInteractions.length,
        movedDefects: movedDefects.length,
      },
    });
    return { keepId, movedInteractions: movedInteractions.length, movedDefects: movedDefects.length };
  });
}
