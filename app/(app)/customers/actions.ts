'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { guardedAction } from '@/lib/action';
import { DomainError } from '@/lib/errors';
import {
  createCustomer,
  DUPLICATE_REF_MESSAGE,
  isUniqueViolation,
  updateCustomer,
} from '@/lib/customers/save-customer';
import { customerInputSchema, updateCustomerSchema } from '@/lib/validation/customers';

const refTaken = () => new DomainError('conflict', DUPLICATE_REF_MESSAGE, { externalRef: [DUPLICATE_REF_MESSAGE] });

export const createCustomerAction = guardedAction(
  { permission: 'manageCustomers', schema: customerInputSchema },
  async (input) => {
    const db = await getDb();
    try {
      const { customer } = await db.transaction((tx) => createCustomer(tx, input));
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
  async (input) => {
    const db = await getDb();
    try {
      const customer = await db.transaction((tx) => updateCustomer(tx, input.id, input));
      revalidatePath(`/customers/${customer.id}`);
      return { id: customer.id };
    } catch (error) {
      if (isUniqueViolation(error)) throw refTaken();
      throw error;
    }
  },
);
