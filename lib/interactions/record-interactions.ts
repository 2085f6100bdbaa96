import 'server-only';
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { customers, defects, interactions, touchpoints, type Interaction, type Touchpoint } from '@/db/schema';
import { ActionError } from '@/lib/action';
import type { InteractionInput } from '@/lib/validation/interactions';
import { autoDefectCategoryIds, autoDefectRows } from './auto-defects';

export interface RecordOptions {
  source: Interaction['source'];
  loggedById: string | null;
  /** Refuse touchpoints an admin switched off (forms and the API); imports of history allow them. */
  allowInactiveTouchpoints?: boolean;
}

export interface RecordResult {
  /** Every input's id, in input order, whether created now or stored before. */
  ids: string[];
  created: string[];
  /** Ids that were already stored: a retry or a re-run import, left as they were. */
  existing: string[];
  defectsRaised: number;
}

// Rows × columns must stay under PostgreSQL's 65,534 bind parameters per statement.
const CHUNK = 2_000;

/**
 * Stores interactions and the auto defects their touchpoints' rules raise, idempotently by id.
 * Run it inside a transaction: the interactions, their defects and their open-defect counts land
 * together or not at all. Unknown customers or touchpoints throw an ActionError (422).
 */
export async function recordInteractions(tx: DbOrTx, inputs: InteractionInput[], options: RecordOptions): Promise<RecordResult> {
  if (inputs.length === 0) return { ids: [], created: [], existing: [], defectsRaised: 0 };

  const touchpointIds = [...new Set(inputs.map((i) => i.touchpointId))];
  const touchpointRows = await tx.select().from(touchpoints).where(inArray(touchpoints.id, touchpointIds));
  const touchpointById = new Map<string, Touchpoint>(touchpointRows.map((t) => [t.id, t]));
  for (const id of touchpointIds) {
    const touchpoint = touchpointById.get(id);
    if (!touchpoint) throw new ActionError(422, 'That touchpoint does not exist.', { touchpointId: ['That touchpoint does not exist.'] });
    if (!touchpoint.active && !options.allowInactiveTouchpoints) {
      throw new ActionError(422, `The touchpoint "${touchpoint.name}" is no longer in use.`, { touchpointId: ['That touchpoint is no longer in use.'] });
    }
  }

  const customerIds = [...new Set(inputs.map((i) => i.customerId).filter((id): id is string => Boolean(id)))];
  if (customerIds.length) {
    const found = new Set<string>();
    for (let i = 0; i < customerIds.length; i += CHUNK) {
      const rows = await tx.select({ id: customers.id }).from(customers).where(inArray(customers.id, customerIds.slice(i, i + CHUNK)));
      for (const row of rows) found.add(row.id);
    }
    if (found.size !== customerIds.length) throw new ActionError(422, 'That customer does not exist.', { customerId: ['That customer does not exist.'] });
  }

  const categoryIds = await autoDefectCategoryIds(tx);
  const now = new Date();
  const rows = inputs.map((input) => {
    const row = {
      id: input.id ?? randomUUID(),
      customerId: input.customerId ?? null,
      touchpointId: input.touchpointId,
      loggedById: options.loggedById,
      occurredAt: input.occurredAt ?? now,
      source: options.source,
      outcome: input.outcome,
      saleValue: input.saleValue === undefined ? null : input.saleValue.toFixed(2),
      expectation: input.expectation ?? null,
      experience: input.experience ?? null,
      csat: input.csat ?? null,
      nps: input.nps ?? null,
      effort: input.effort ?? null,
      notes: input.notes ?? null,
    };
    const defectRows = autoDefectRows(row, touchpointById.get(row.touchpointId)!, categoryIds);
    return { row: { ...row, openDefectCount: defectRows.length }, defectRows };
  });

  const created: string[] = [];
  let defectsRaised = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const inserted = await tx
      .insert(interactions)
      .values(chunk.map((c) => c.row))
      .onConflictDoNothing({ target: interactions.id })
      .returning({ id: interactions.id });
    const insertedIds = new Set(inserted.map((r) => r.id));
    created.push(...inserted.map((r) => r.id));
    // Defects only for interactions stored now: a retried id raises nothing twice.
    const newDefects = chunk.filter((c) => insertedIds.has(c.row.id)).flatMap((c) => c.defectRows);
    for (let j = 0; j < newDefects.length; j += CHUNK) {
      await tx.insert(defects).values(newDefects.slice(j, j + CHUNK));
    }
    defectsRaised += newDefects.length;
  }

  const createdSet = new Set(created);
  const ids = rows.map((r) => r.row.id);
  return { ids, created, existing: ids.filter((id) => !createdSet.has(id)), defectsRaised };
}
