import type { InteractionInput } from '@/lib/validation/interactions';

/** A stored interaction's editable values, as the database returns them. */
export interface StoredInteractionValues {
  customerId: string | null;
  touchpointId: string;
  occurredAt: Date;
  outcome: string;
  saleValue: string | null;
  expectation: number | null;
  experience: number | null;
  csat: number | null;
  nps: number | null;
  effort: number | null;
  notes: string | null;
}

/**
 * The CSV columns whose values in an imported row differ from the stored interaction with the
 * same id: empty when the row is the same, so a re-import can say exactly what it would change.
 */
export function changedInteractionColumns(stored: StoredInteractionValues, row: InteractionInput): string[] {
  const changed: string[] = [];
  if ((row.customerId ?? null) !== stored.customerId) changed.push('customer');
  if (row.touchpointId !== stored.touchpointId) changed.push('touchpoint');
  if (row.occurredAt && row.occurredAt.getTime() !== stored.occurredAt.getTime()) changed.push('occurred_at');
  if (row.outcome !== stored.outcome) changed.push('outcome');
  const storedSale = stored.saleValue === null ? null : Number(stored.saleValue);
  if ((row.saleValue ?? null) !== storedSale) changed.push('sale_value');
  for (const score of ['expectation', 'experience', 'csat', 'nps', 'effort'] as const) {
    if ((row[score] ?? null) !== stored[score]) changed.push(score);
  }
  if ((row.notes ?? null) !== stored.notes) changed.push('notes');
  return changed;
}
