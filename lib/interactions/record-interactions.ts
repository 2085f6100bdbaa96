import 'server-only';
import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { selectRows } from '@/db/client';
import {
  customers,
  defects,
  interactions,
  touchpoints,
  type Interaction,
  type NewInteraction,
  type Touchpoint,
} from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { emitEvents } from '@/lib/jobs/enqueue';
import type { InteractionInput } from '@/lib/validation/interactions';
import { applyLifecycleAfterInteractions } from '@/lib/customers/apply-lifecycle';
import { analyseComment } from '@/lib/voice/analyse-comment';
import { autoDefectCategoryIds, autoDefectRows } from './auto-defects';

export interface RecordOptions {
  source: Interaction['source'];
  loggedById: string | null;
  /** Refuse touchpoints an admin switched off (forms and the API); imports of history allow them. */
  allowInactiveTouchpoints?: boolean;
  /** The public feedback form's one row: the typed email and how its customer was matched. */
  feedbackMatch?: Pick<NewInteraction, 'contactEmail' | 'customerMatch' | 'suggestedCustomerId'>;
}

export interface RecordResult {
  /** Every input's id, in input order, whether created now or stored before. */
  ids: string[];
  created: string[];
  /** Ids that were already stored: a retry or a re-run import, left as they were. */
  existing: string[];
  defectsRaised: number;
}

// Rows per statement. Each chunk travels as one JSON parameter (see insertInteractionRows), so
// PostgreSQL's 65,534-parameter limit does not apply; this only bounds the statement's size.
const CHUNK = 5_000;
// Customer ids per existence check (one parameter each).
const ID_CHUNK = 2_000;

/**
 * Stores interactions and the auto defects their touchpoints' rules raise, idempotently by id.
 * Run it inside a transaction: the interactions, their defects and their open-defect counts land
 * together or not at all. Unknown customers or touchpoints throw a DomainError (invalid).
 */
export async function recordInteractions(
  tx: DbOrTx,
  inputs: InteractionInput[],
  options: RecordOptions,
): Promise<RecordResult> {
  if (inputs.length === 0) return { ids: [], created: [], existing: [], defectsRaised: 0 };

  const touchpointIds = [...new Set(inputs.map((i) => i.touchpointId))];
  const touchpointRows = await tx.select().from(touchpoints).where(inArray(touchpoints.id, touchpointIds));
  const touchpointById = new Map<string, Touchpoint>(touchpointRows.map((t) => [t.id, t]));
  for (const id of touchpointIds) {
    const touchpoint = touchpointById.get(id);
    if (!touchpoint)
      throw new DomainError('invalid', 'That touchpoint does not exist.', {
        touchpointId: ['That touchpoint does not exist.'],
      });
    if (!touchpoint.active && !options.allowInactiveTouchpoints) {
      throw new DomainError('invalid', `The touchpoint "${touchpoint.name}" is no longer in use.`, {
        touchpointId: ['That touchpoint is no longer in use.'],
      });
    }
  }

  const customerIds = [...new Set(inputs.map((i) => i.customerId).filter((id): id is string => Boolean(id)))];
  if (customerIds.length) {
    const found = new Set<string>();
    for (let i = 0; i < customerIds.length; i += ID_CHUNK) {
      const rows = await tx
        .select({ id: customers.id })
        .from(customers)
        .where(inArray(customers.id, customerIds.slice(i, i + ID_CHUNK)));
      for (const row of rows) found.add(row.id);
    }
    if (found.size !== customerIds.length)
      throw new DomainError('invalid', 'That customer does not exist.', {
        customerId: ['That customer does not exist.'],
      });
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
      ...analyseComment(input.notes),
      // Fixed now: a later change to the touchpoint leaves this interaction's history as it was.
      opportunities: touchpointById.get(input.touchpointId)!.opportunities,
      contactEmail: options.feedbackMatch?.contactEmail ?? null,
      customerMatch: options.feedbackMatch?.customerMatch ?? null,
      suggestedCustomerId: options.feedbackMatch?.suggestedCustomerId ?? null,
    };
    const defectRows = autoDefectRows(row, touchpointById.get(row.touchpointId)!, categoryIds);
    return { row: { ...row, openDefectCount: defectRows.length }, defectRows };
  });

  const created: string[] = [];
  let defectsRaised = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const insertedIds = new Set(
      await insertInteractionRows(
        tx,
        chunk.map((c) => c.row),
      ),
    );
    created.push(...chunk.filter((c) => insertedIds.has(c.row.id)).map((c) => c.row.id));
    // Defects only for interactions stored now: a retried id raises nothing twice.
    const newDefects = chunk.filter((c) => insertedIds.has(c.row.id)).flatMap((c) => c.defectRows);
    const raised = newDefects.length ? await insertDefectRows(tx, newDefects) : [];
    defectsRaised += newDefects.length;
    // Imports load history: announcing every past row to people and webhooks would be noise.
    if (options.source !== 'import') {
      const stored = chunk.filter((c) => insertedIds.has(c.row.id)).map((c) => c.row);
      await emitInteractionEvents(tx, stored, raised);
    }
  }

  const createdSet = new Set(created);
  // The customers' lifecycle follows what was just stored (lib/customers/lifecycle-rules.ts).
  await applyLifecycleAfterInteractions(
    tx,
    rows
      .filter((r) => createdSet.has(r.row.id))
      .map(({ row }) => ({
        customerId: row.customerId,
        occurredAt: row.occurredAt,
        outcome: row.outcome,
        nps: row.nps,
        touchpointName: touchpointById.get(row.touchpointId)!.name,
      })),
    options.loggedById,
  );
  const ids = rows.map((r) => r.row.id);
  return { ids, created, existing: ids.filter((id) => !createdSet.has(id)), defectsRaised };
}

type InteractionRow = Omit<NewInteraction, 'id' | 'occurredAt'> & { id: string; occurredAt: Date };
type DefectRow = ReturnType<typeof autoDefectRows>[number];

/**
 * Inserts interactions, skipping ids already stored, and returns the ids inserted now. The rows go
 * as one JSON parameter unpacked by jsonb_to_recordset: building a statement with a bind parameter
 * per value cost more than running it, and this keeps large imports fast on both drivers.
 */
async function insertInteractionRows(tx: DbOrTx, rows: InteractionRow[]): Promise<string[]> {
  const json = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      customer_id: r.customerId,
      touchpoint_id: r.touchpointId,
      logged_by_id: r.loggedById,
      occurred_at: r.occurredAt.toISOString(),
      source: r.source,
      outcome: r.outcome,
      sale_value: r.saleValue,
      expectation: r.expectation,
      experience: r.experience,
      csat: r.csat,
      nps: r.nps,
      effort: r.effort,
      notes: r.notes,
      sentiment: r.sentiment,
      sentiment_score: r.sentimentScore,
      comment_phrases: r.commentPhrases,
      open_defect_count: r.openDefectCount,
      opportunities: r.opportunities,
      contact_email: r.contactEmail ?? null,
      customer_match: r.customerMatch ?? null,
      suggested_customer_id: r.suggestedCustomerId ?? null,
    })),
  );
  const inserted = await selectRows<{ id: string }>(
    tx,
    sql`insert into ${interactions} (id, customer_id, touchpoint_id, logged_by_id, occurred_at, source, outcome, sale_value, expectation, experience, csat, nps, effort, notes, sentiment, sentiment_score, comment_phrases, open_defect_count, opportunities, contact_email, customer_match, suggested_customer_id)
      select id, customer_id, touchpoint_id, logged_by_id, occurred_at, source, outcome, sale_value, expectation, experience, csat, nps, effort, notes, sentiment, sentiment_score, comment_phrases, open_defect_count, opportunities, contact_email, customer_match, suggested_customer_id
      from jsonb_to_recordset(${json}::jsonb) as x(id uuid, customer_id uuid, touchpoint_id uuid, logged_by_id uuid, occurred_at timestamptz, source interaction_source,
        outcome outcome, sale_value numeric, expectation smallint, experience smallint, csat smallint, nps smallint, effort smallint, notes text,
        sentiment sentiment, sentiment_score real, comment_phrases text[], open_defect_count integer, opportunities integer,
        contact_email text, customer_match customer_match, suggested_customer_id uuid)
      on conflict (id) do nothing
      returning id`,
  );
  return inserted.map((r) => r.id);
}

/** interaction.created for each stored interaction, feedback.received for public feedback, defect.created per auto defect. */
async function emitInteractionEvents(tx: DbOrTx, stored: InteractionRow[], raised: RaisedDefect[]): Promise<void> {
  await emitEvents(
    tx,
    'interaction.created',
    stored.map((r) => ({
      interactionId: r.id,
      touchpointId: r.touchpointId,
      customerId: r.customerId ?? null,
      source: r.source,
      outcome: r.outcome,
      occurredAt: r.occurredAt.toISOString(),
      actorId: r.loggedById ?? null,
    })),
  );
  await emitEvents(
    tx,
    'feedback.received',
    stored
      .filter((r) => r.source === 'feedback')
      .map((r) => ({
        interactionId: r.id,
        touchpointId: r.touchpointId,
        customerId: r.customerId ?? null,
        expectation: r.expectation ?? null,
        experience: r.experience ?? null,
        csat: r.csat ?? null,
        nps: r.nps ?? null,
        effort: r.effort ?? null,
        comment: r.notes ?? null,
      })),
  );
  await emitEvents(
    tx,
    'defect.created',
    raised.map((d) => ({
      defectId: d.id,
      touchpointId: d.touchpoint_id,
      categoryId: d.category_id,
      kind: d.kind,
      severity: d.severity,
      interactionId: d.interaction_id,
      actorId: null,
    })),
  );
}

interface RaisedDefect {
  id: string;
  touchpoint_id: string;
  category_id: string;
  kind: string;
  severity: string;
  interaction_id: string;
}

async function insertDefectRows(tx: DbOrTx, rows: DefectRow[]): Promise<RaisedDefect[]> {
  const json = JSON.stringify(
    rows.map((d) => ({
      touchpoint_id: d.touchpointId,
      interaction_id: d.interactionId,
      customer_id: d.customerId,
      category_id: d.categoryId,
      kind: d.kind,
      severity: d.severity,
      lost_revenue: d.lostRevenue,
      occurred_at: d.occurredAt.toISOString(),
      auto_rule: d.autoRule,
    })),
  );
  return selectRows<RaisedDefect>(
    tx,
    sql`insert into ${defects} (touchpoint_id, interaction_id, customer_id, category_id, kind, severity, lost_revenue, occurred_at, auto_rule)
      select touchpoint_id, interaction_id, customer_id, category_id, kind, severity, lost_revenue, occurred_at, auto_rule
      from jsonb_to_recordset(${json}::jsonb) as x(touchpoint_id uuid, interaction_id uuid, customer_id uuid, category_id uuid, kind defect_kind, severity severity,
        lost_revenue numeric, occurred_at timestamptz, auto_rule auto_rule)
      returning id, touchpoint_id, category_id, kind, severity, interaction_id`,
  );
}
