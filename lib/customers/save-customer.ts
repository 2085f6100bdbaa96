import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { customers, segments, users, type Customer } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { msg } from '@/lib/validation/messages';
import { DomainError, type FieldErrors } from '@/lib/errors';
import type { CustomerInput } from '@/lib/validation/customers';
import { recordManualLifecycleChange } from './apply-lifecycle';
import { describeDuplicate, findDuplicateCustomers } from './find-duplicates';

export const DUPLICATE_REF_MESSAGE = msg('duplicateExternalRef');

/** Checks the references a customer points at, on ids loaded from the database. */
async function checkReferences(
  tx: DbOrTx,
  input: CustomerInput,
  existing?: { id: string; ownerId: string | null },
): Promise<void> {
  const exceptId = existing?.id;
  const errors: FieldErrors = {};
  if (input.segmentId) {
    const [segment] = await tx
      .select({ id: segments.id })
      .from(segments)
      .where(eq(segments.id, input.segmentId))
      .limit(1);
    if (!segment) errors.segmentId = [msg('segmentMissing')];
  }
  // An owner who has since left may stay on the customers they had; nobody new is given them.
  if (input.ownerId && input.ownerId !== existing?.ownerId) {
    const [owner] = await tx.select({ active: users.active }).from(users).where(eq(users.id, input.ownerId)).limit(1);
    if (!owner?.active) errors.ownerId = [msg('chooseActiveOwner')];
  }
  if (input.externalRef) {
    const [taken] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.externalRef, input.externalRef), exceptId ? ne(customers.id, exceptId) : undefined))
      .limit(1);
    if (taken) errors.externalRef = [DUPLICATE_REF_MESSAGE];
  }
  if (Object.keys(errors).length) {
    throw new DomainError(
      errors.externalRef ? 'conflict' : 'invalid',
      errors.externalRef ? DUPLICATE_REF_MESSAGE : msg('fieldsNeedAttention'),
      errors,
    );
  }
}

const columnsOf = (input: CustomerInput) => ({
  name: input.name,
  email: input.email ?? null,
  phone: input.phone ?? null,
  company: input.company ?? null,
  segmentId: input.segmentId ?? null,
  lifecycle: input.lifecycle,
  ownerId: input.ownerId ?? null,
  externalRef: input.externalRef ?? null,
});

export const DUPLICATE_CUSTOMER_MESSAGE = msg('duplicateCustomer');

/**
 * Creates a customer; with a client-chosen id, a second call with the same id returns the
 * customer stored by the first instead of creating another. With `refuseDuplicates`, a customer
 * whose name, email or phone matches an existing one is refused (409) until the person confirms;
 * the field names say where the warning shows on the form that sent it.
 */
export async function createCustomer(
  tx: DbOrTx,
  input: CustomerInput,
  options: { refuseDuplicates?: { nameField: string } } = {},
): Promise<{ customer: Customer; created: boolean }> {
  if (input.id) {
    const [existing] = await tx.select().from(customers).where(eq(customers.id, input.id)).limit(1);
    if (existing) return { customer: existing, created: false };
  }
  await checkReferences(tx, input);
  if (options.refuseDuplicates) {
    const matches = await findDuplicateCustomers(tx, input);
    // The same form sent twice at once: the other submission stored this very customer meanwhile.
    const same = input.id ? matches.find((m) => m.id === input.id) : undefined;
    if (same) {
      const [existing] = await tx.select().from(customers).where(eq(customers.id, same.id)).limit(1);
      if (existing) return { customer: existing, created: false };
    }
    if (matches.length) {
      throw new DomainError('conflict', DUPLICATE_CUSTOMER_MESSAGE, {
        [options.refuseDuplicates.nameField]: matches.map(describeDuplicate),
      });
    }
  }
  const [customer] = await tx
    .insert(customers)
    .values({ ...(input.id ? { id: input.id } : {}), ...columnsOf(input) })
    .returning();
  return { customer: customer!, created: true };
}

/**
 * Updates a customer's details; 404 when it is gone. A lifecycle set by hand goes into the
 * lifecycle history and the audit log, with who set it.
 */
export async function updateCustomer(
  tx: DbOrTx,
  id: string,
  input: CustomerInput,
  actor: Pick<CurrentUser, 'id' | 'email'>,
): Promise<Customer> {
  const [existing] = await tx
    .select({ id: customers.id, ownerId: customers.ownerId, lifecycle: customers.lifecycle })
    .from(customers)
    .where(eq(customers.id, id))
    .limit(1);
  if (!existing) throw new DomainError('not-found', msg('customerGone'));
  await checkReferences(tx, input, existing);
  const [customer] = await tx
    .update(customers)
    .set({ ...columnsOf(input), updatedAt: new Date() })
    .where(eq(customers.id, id))
    .returning();
  if (existing.lifecycle !== input.lifecycle) {
    await recordManualLifecycleChange(tx, {
      customerId: id,
      from: existing.lifecycle,
      to: input.lifecycle,
      actorId: actor.id,
    });
    await recordAudit(tx, {
      actor,
      action: 'customer.lifecycle_changed',
      entityType: 'customer',
      entityId: id,
      before: { lifecycle: existing.lifecycle },
      after: { lifecycle: input.lifecycle },
    });
  }
  return customer!;
}
