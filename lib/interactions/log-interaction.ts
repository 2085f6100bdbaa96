import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { customers, defectCategories, defects, interactions, touchpoints } from '@/db/schema';
import { DomainError, type FieldErrors } from '@/lib/errors';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createCustomer } from '@/lib/customers/save-customer';
import { isUniqueViolation } from '@/lib/db-errors';
import { customerInputSchema } from '@/lib/validation/customers';
import type { InteractionInput, LogInteractionInput } from '@/lib/validation/interactions';
import { recordInteractions } from './record-interactions';

export interface LoggedInteraction {
  id: string;
  /** False when this id was stored before: a double click or a retry. */
  created: boolean;
  touchpointName: string;
  customer: { id: string; name: string; created: boolean } | null;
  defects: { id: string; categoryName: string; kind: string; lostRevenue: string }[];
}

const NEW_CUSTOMER_FIELDS = {
  name: 'newCustomerName',
  email: 'newCustomerEmail',
  company: 'newCustomerCompany',
  phone: 'newCustomerPhone',
} as const;

/**
 * Logs one interaction from the log screen, creating its customer on the spot if asked, and
 * raising the touchpoint's auto defects, all in one transaction. Idempotent by the ids the
 * browser chose.
 */
export async function logInteraction(user: CurrentUser, input: LogInteractionInput): Promise<LoggedInteraction> {
  let newCustomer = null;
  if (input.customerMode === 'new') {
    const parsed = customerInputSchema.safeParse({
      id: input.newCustomerId,
      name: input.newCustomerName ?? '',
      email: input.newCustomerEmail,
      company: input.newCustomerCompany,
      phone: input.newCustomerPhone,
    });
    if (!parsed.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = NEW_CUSTOMER_FIELDS[issue.path[0] as keyof typeof NEW_CUSTOMER_FIELDS] ?? 'newCustomerName';
        (fieldErrors[key] ??= []).push(issue.message);
      }
      throw new DomainError('invalid', 'Some fields need attention.', fieldErrors);
    }
    newCustomer = parsed.data;
  } else if (input.customerMode === 'existing' && !input.customerId) {
    throw new DomainError('invalid', 'Some fields need attention.', {
      customerId: ['Choose a customer, create one, or choose “No customer”.'],
    });
  }

  const db = await getDb();
  const attempt = () =>
    db.transaction(async (tx) => {
      let customer: LoggedInteraction['customer'] = null;
      if (newCustomer) {
        const result = await createCustomer(tx, newCustomer, {
          refuseDuplicates: input.newCustomerConfirmed ? undefined : { nameField: 'newCustomerName' },
        });
        customer = { id: result.customer.id, name: result.customer.name, created: result.created };
      } else if (input.customerMode === 'existing' && input.customerId) {
        const [row] = await tx
          .select({ id: customers.id, name: customers.name })
          .from(customers)
          .where(eq(customers.id, input.customerId))
          .limit(1);
        if (!row)
          throw new DomainError('invalid', 'That customer does not exist.', {
            customerId: ['That customer does not exist.'],
          });
        customer = { ...row, created: false };
      }
      const interaction: InteractionInput = {
        id: input.id,
        customerId: customer?.id,
        touchpointId: input.touchpointId,
        occurredAt: input.occurredAt,
        outcome: input.outcome,
        saleValue: input.saleValue,
        expectation: input.expectation,
        experience: input.experience,
        csat: input.csat,
        nps: input.nps,
        effort: input.effort,
        notes: input.notes,
      };
      const recorded = await recordInteractions(tx, [interaction], { source: 'staff', loggedById: user.id });
      const [stored] = await tx
        .select({ touchpointName: touchpoints.name, loggedById: interactions.loggedById })
        .from(interactions)
        .innerJoin(touchpoints, eq(touchpoints.id, interactions.touchpointId))
        .where(eq(interactions.id, input.id));
      const raised = await tx
        .select({
          id: defects.id,
          categoryName: defectCategories.name,
          kind: defects.kind,
          lostRevenue: defects.lostRevenue,
        })
        .from(defects)
        .innerJoin(defectCategories, eq(defectCategories.id, defects.categoryId))
        .where(eq(defects.interactionId, input.id));
      const created = recorded.created.length === 1;
      // An id is the browser's own: someone else's interaction is not "already saved" for them.
      if (!created && stored?.loggedById !== user.id)
        throw new DomainError('conflict', 'That form was already used. Reload the page and try again.');
      return {
        id: input.id,
        created,
        touchpointName: stored?.touchpointName ?? '',
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
