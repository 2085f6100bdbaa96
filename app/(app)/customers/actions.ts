'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { guardedAction } from '@/lib/action';
import { isUniqueViolation } from '@/lib/db-errors';
import { DomainError } from '@/lib/errors';
import { createCustomer, DUPLICATE_REF_MESSAGE, updateCustomer } from '@/lib/customers/save-customer';
import { mergeCustomers } from '@/lib/customers/merge-customers';
import { createPersonalFeedbackLink } from '@/lib/feedback/customer-match';
import { requestOrigin } from '@/lib/feedback/public-url';
import { personalFeedbackLinkSchema } from '@/lib/validation/feedback';
import { createCustomerSchema, mergeCustomersSchema, updateCustomerSchema } from '@/lib/validation/customers';

const refTaken = () => new DomainError('conflict', DUPLICATE_REF_MESSAGE, { externalRef: [DUPLICATE_REF_MESSAGE] });

export const createCustomerAction = guardedAction(
  { permission: 'manageCustomers', schema: createCustomerSchema },
  async ({ confirmDuplicate, ...input }) => {
    const db = await getDb();
    try {
      const { customer } = await db.transaction((tx) =>
        createCustomer(tx, input, { refuseDuplicates: confirmDuplicate ? undefined : { nameField: 'name' } }),
      );
      revalidatePath('/customers');
      return { id: customer.id };
    } catch (error) {
      // Two people saving the same reference at once: the database's unique index decides.
      if (isUniqueViolation(error)) throw refTaken();
      throw error;
    }
  },
);

export const updateCustomerAction = guardedAction(
  { permission: 'manageCustomers', schema: updateCustomerSchema },
  async (input, { user }) => {
    const db = await getDb();
    try {
      const customer = await db.transaction((tx) => updateCustomer(tx, input.id, input, user));
      revalidatePath(`/customers/${customer.id}`);
      return { id: customer.id };
    } catch (error) {
      if (isUniqueViolation(error)) throw refTaken();
      throw error;
    }
  },
);

/** Managers fold a duplicate into the customer who stays; the history moves with it. */
export const mergeCustomersAction = guardedAction(
  { permission: 'mergeCustomers', schema: mergeCustomersSchema },
  async (input, { user }) => {
    try {
      const result = await mergeCustomers(user, input);
      revalidatePath('/customers');
      revalidatePath(`/customers/${result.keepId}`);
      return result;
    } catch (error) {
      if (isUniqueViolation(error)) throw refTaken();
      throw error;
    }
  },
);

/** A personalised feedback link whose answers count as this customer's (a signed customer token). */
export const createPersonalFeedbackLinkAction = guardedAction(
  { permission: 'manageCustomers', schema: personalFeedbackLinkSchema },
  async (input, { user }) => {
    const link = await createPersonalFeedbackLink(user, input);
    return { url: `${requestOrigin(await headers())}${link.path}`, expiresAt: link.expiresAt };
  },
);
