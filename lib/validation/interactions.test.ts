import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { logInteractionSchema } from './interactions';
import { msg } from './messages';

/** The field errors of a log-screen form, as the action hands them to the form. */
function fieldErrors(form: Record<string, string>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of logInteractionSchema.safeParse(form).error?.issues ?? [])
    (errors[String(issue.path[0])] ??= []).push(issue.message);
  return errors;
}

describe('logInteractionSchema', () => {
  it('says a customer is missing in the same answer as a missing touchpoint', () => {
    const errors = fieldErrors({ id: randomUUID(), customerMode: 'existing', customerId: '', touchpointId: '' });
    expect(errors.touchpointId).toBeDefined();
    expect(errors.customerId).toEqual([msg('chooseCustomerOrNone')]);
  });

  it('says a customer is missing when everything else is right', () => {
    const errors = fieldErrors({ id: randomUUID(), customerMode: 'existing', touchpointId: randomUUID() });
    expect(errors).toEqual({ customerId: [msg('chooseCustomerOrNone')] });
  });

  it('does not add a second error to a customer id that is not one', () => {
    const errors = fieldErrors({ id: randomUUID(), customerId: 'nope', touchpointId: '' });
    expect(errors.customerId).toEqual([msg('chooseCustomerFromList')]);
  });

  it('needs no customer for "No customer"', () => {
    const parsed = logInteractionSchema.parse({ id: randomUUID(), customerMode: 'none', touchpointId: randomUUID() });
    expect(parsed.interaction.customerId).toBeUndefined();
    expect(parsed.newCustomer).toBeUndefined();
  });
});
