import { describe, expect, it } from 'vitest';
import { CUSTOMER_EXPORT_COLUMNS, INTERACTION_EXPORT_COLUMNS } from './columns';
import { guessColumn } from './guess-column';

describe('guessColumn', () => {
  it('maps other tools’ headers to ours by name, ignoring case, spaces and punctuation', () => {
    expect(guessColumn('Name', CUSTOMER_EXPORT_COLUMNS)).toBe('name');
    expect(guessColumn('External Ref', CUSTOMER_EXPORT_COLUMNS)).toBe('external_ref');
    expect(guessColumn('Customer E-mail', INTERACTION_EXPORT_COLUMNS)).toBe('customer_email');
    expect(guessColumn('E-mail', CUSTOMER_EXPORT_COLUMNS)).toBe('email');
    expect(guessColumn('Occurred At', INTERACTION_EXPORT_COLUMNS)).toBe('occurred_at');
    expect(guessColumn('Full Name', CUSTOMER_EXPORT_COLUMNS)).toBe('name');
    expect(guessColumn('Work E-mail', CUSTOMER_EXPORT_COLUMNS)).toBe('email');
    expect(guessColumn('Primary Customer E-mail', INTERACTION_EXPORT_COLUMNS)).toBe('customer_email');
  });

  it('leaves a header out when nothing fits', () => {
    expect(guessColumn('Loyalty tier', CUSTOMER_EXPORT_COLUMNS)).toBe('');
    expect(guessColumn('ID', INTERACTION_EXPORT_COLUMNS)).toBe('id');
    expect(guessColumn('Account ID', CUSTOMER_EXPORT_COLUMNS)).toBe('');
    expect(guessColumn('Tier', CUSTOMER_EXPORT_COLUMNS)).toBe('');
  });
});
