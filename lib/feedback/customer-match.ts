import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { customers, defects, interactions, touchpoints } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { DomainError } from '@/lib/errors';
import { signCustomerToken, type PersonalLinkDays } from './customer-token';
import { msg } from '@/lib/validation/messages';

const matchView = (row: typeof interactions.$inferSelect) => ({
  customerId: row.customerId,
  customerMatch: row.customerMatch,
  suggestedCustomerId: row.suggestedCustomerId,
  contactEmail: row.contactEmail,
});

/**
 * A member of staff settles feedback whose typed email matched a customer (`unverified`):
 * `confirm` attaches it, and its defects, to that customer; `reject` leaves it anonymous for good.
 * One transaction, audited with who decided; a second decision on the same answer is refused.
 */
export async function settleFeedbackMatch(
  actor: CurrentUser,
  input: { interactionId: string; decision: 'confirm' | 'reject' },
): Promise<{ interactionId: string; customerId: string | null }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(interactions)
      .where(eq(interactions.id, input.interactionId))
      .for('update')
      .limit(1);
    if (!existing) throw new DomainError('not-found', msg('feedbackGone'));
    if (existing.customerMatch !== 'unverified') throw new DomainError('conflict', msg('noUnconfirmedMatch'));

    let customerId: string | null = null;
    if (input.decision === 'confirm') {
      const [customer] = existing.suggestedCustomerId
        ? await tx
            .select({ id: customers.id })
            .from(customers)
            .where(eq(customers.id, existing.suggestedCustomerId))
            .for('share')
            .limit(1)
        : [];
      if (!customer) throw new DomainError('conflict', msg('matchedCustomerGone'));
      customerId = customer.id;
    }

    const [updated] = await tx
      .update(interactions)
      .set(
        input.decision === 'confirm'
          ? { customerId, customerMatch: 'confirmed', updatedAt: new Date() }
          : { customerMatch: 'rejected', updatedAt: new Date() },
      )
      .where(eq(interactions.id, existing.id))
      .returning();
    // A defect linked to an interaction follows it (docs/metrics-second-version.md).
    const moved =
      input.decision === 'confirm'
        ? await tx
            .update(defects)
            .set({ customerId, updatedAt: new Date() })
            .where(eq(defects.interactionId, existing.id))
            .returning({ id: defects.id })
        : [];
    await recordAudit(tx, {
      actor,
      action: input.decision === 'confirm' ? 'feedback.customer_confirmed' : 'feedback.customer_rejected',
      entityType: 'interaction',
      entityId: existing.id,
      before: matchView(existing),
      after: { ...matchView(updated!), defectsMoved: moved.length },
    });
    return { interactionId: existing.id, customerId };
  });
}

/**
 * A personalised feedback link (its path; the caller adds the origin): the touchpoint's public
 * link plus a signed token naming the customer, valid for `days`. Nothing is stored but the audit entry saying who made it for whom.
 */
export async function createPersonalFeedbackLink(
  actor: CurrentUser,
  input: { customerId: string; touchpointId: string; days: PersonalLinkDays },
  now = new Date(),
): Promise<{ path: string; expiresAt: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(eq(customers.id, input.customerId))
      .limit(1);
    if (!customer) throw new DomainError('not-found', msg('customerGone'));
    const [touchpoint] = await tx
      .select({ id: touchpoints.id, token: touchpoints.feedbackToken })
      .from(touchpoints)
      .where(
        and(
          eq(touchpoints.id, input.touchpointId),
          eq(touchpoints.feedbackEnabled, true),
          eq(touchpoints.active, true),
        ),
      )
      .limit(1);
    if (!touchpoint?.token)
      throw new DomainError('invalid', msg('noLiveFeedbackLink'), {
        touchpointId: [msg('chooseTouchpointWithLink')],
      });
    const expiresAt = new Date(now.getTime() + input.days * 86_400_000);
    const customerToken = signCustomerToken({ customerId: customer.id, touchpointId: touchpoint.id, expiresAt });
    await recordAudit(tx, {
      actor,
      action: 'feedback_link.personal_created',
      entityType: 'customer',
      entityId: customer.id,
      after: { touchpointId: touchpoint.id, expiresAt: expiresAt.toISOString() },
    });
    return {
      path: `/f/${touchpoint.token}?c=${customerToken}`,
      expiresAt: expiresAt.toISOString(),
    };
  });
}
