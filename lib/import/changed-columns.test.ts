import { describe, expect, it } from 'vitest';
import { changedInteractionColumns, type StoredInteractionValues } from './changed-columns';

const stored: StoredInteractionValues = {
  customerId: 'c1',
  touchpointId: 't1',
  occurredAt: new Date('2026-01-05T10:00:00Z'),
  outcome: 'sale_won',
  saleValue: '300.00',
  expectation: 4,
  experience: 3,
  csat: null,
  nps: 9,
  effort: null,
  notes: null,
};

const same = {
  id: 'i1',
  customerId: 'c1',
  touchpointId: 't1',
  occurredAt: new Date('2026-01-05T10:00:00.000Z'),
  outcome: 'sale_won' as const,
  saleValue: 300,
  expectation: 4,
  experience: 3,
  nps: 9,
};

describe('changedInteractionColumns', () => {
  it('finds nothing when a re-imported row is the stored one (numeric money, missing = null)', () => {
    expect(changedInteractionColumns(stored, same)).toEqual([]);
  });

  it('names each column whose value changed, including one cleared', () => {
    expect(
      changedInteractionColumns(stored, { ...same, saleValue: 250, csat: 2, nps: undefined, notes: 'Called back' }),
    ).toEqual(['sale_value', 'csat', 'nps', 'notes']);
    expect(changedInteractionColumns(stored, { ...same, customerId: undefined, touchpointId: 't2' })).toEqual([
      'customer',
      'touchpoint',
    ]);
  });
});
