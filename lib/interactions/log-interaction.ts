import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { defectCategories, defects, interactions } from '@/db/schema';
import { msg } from '@/lib/validation/messages';
import { DomainError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createCustomer } from '@/lib/customers/save-customer';
import { isUniqueViolation } from '@/lib/db-errors';
import type { LogInteractionInput } from '@/lib/validation/interactions';
import { recordInteractions } from './record-interactions';

export interface LoggedInteraction {
  id: string;
  /** False when this id was stored before: a double click or a retry. */
  created: boolean;
  touchpointName: string;
  customer: { id: string; name: string; created: boolean } | null;
  defects: { id: string; categoryName: string; kind: string; lostRevenue: string }[];
}

/**
 * Logs one interaction from the log screen, creating its customer on the spot if asked, and
 * raising the touchpoint's auto defects, all in one transaction. Idempotent by the ids the
 * browser chose. The form was validated whole by logInteractionSchema; what the transaction
 * writes it reports from what it wrote, not by reading the rows again.
 */
export async function logInteraction(
  user: CurrentUser,
  { interaction, newCustomer }: LogInteractionInput,
): Promise<LoggedInteraction> {
  const db = await getDb();
  const attempt = () =>
    db.transaction(async (tx) => {
      let created: { id: string; name: string; created: boolean } | null = null;
      if (newCustomer) {
        const result = await createCustomer(tx, newCustomer.customer, {
          refuseDuplicates: newCustomer.confirmed ? undefined : { nameField: 'newCustomerName' },
        });
        created = { id: result.customer.id, name: result.customer.name, created: result.created };
      }
      const recorded = await recordInteractions(
        tx,
        [{ ...interaction, customerId: created?.id ?? interaction.customerId }],
        // A customer created (or found by its id) just now needs no second look.
        { source: 'staff', loggedById: user.id, customerChecked: Boolean(created) },
      );
      const customerId = created?.id ?? interaction.customerId;
      const customer =
        created ??
        (customerId ? { id: customerId, name: recorded.customerNames.get(customerId)!, created: false } : null);
      const touchpointName = recorded.touchpointNames.get(interaction.touchpointId)!;
      if (recorded.created.length === 1) {
        return {
          id: interaction.id,
          created: true,
          touchpointName,
          customer,
          defects: recorded.raised.map(({ id, categoryName, kind, lostRevenue }) => ({
            id,
            categoryName,
            kind,
            lostRevenue,
          })),
        } satisfies LoggedInteraction;
      }
      // Stored before: a double click or a retry. Only then are its rows read back.
      const [stored] = await tx
        .select({ loggedById: interactions.loggedById })
        .from(interactions)
        .where(eq(interactions.id, interaction.id));
      // An id is the browser's own: someone else's interaction is not "already saved" for them.
      if (stored?.loggedById !== user.id) throw new DomainError('conflict', msg('formAlreadyUsed'));
      const raised = await tx
        .select({
          id: defects.id,
          categoryName: defectCategories.name,
          kind: defects.kind,
          lostRevenue: defects.lostRevenue,
        })
        .from(defects)
        .innerJoin(defectCategories, eq(defectCategories.id, defects.categoryId))
        .where(eq(defects.interactionId, interaction.id));
      return {
        id: interaction.id,
        created: false,
        touchpointName,
        customer,
        defects: raised,
      } satisfies LoggedInteraction;
    });
  try {
    return await attempt();
  } catch (error) {
    // Two submissions of one form racing: the loser finds the winner's rows on a second try.
    if (isUniqueViolation(error)) return attempt();
    throw error;
  }
}
