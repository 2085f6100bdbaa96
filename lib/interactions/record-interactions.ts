import 'server-only';
import { randomUUID } from 'node:crypto';
import { inArray, sql, type SQL } from 'drizzle-orm';
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
  /** The caller created or checked every customer in this transaction: no second look. */
  customerChecked?: boolean;
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
  /** The auto defects raised now, as stored. */
  raised: RaisedDefect[];
  /** The names of the touchpoints, and of the customers checked, by id: callers need not read them again. */
  touchpointNames: Map<string, string>;
  customerNames: Map<string, string>;
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
  if (inputs.length === 0)
    return {
      ids: [],
      created: [],
      existing: [],
      defectsRaised: 0,
      raised: [],
      touchpointNames: new Map(),
      customerNames: new Map(),
    };

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
  const customerNames = new Map<string, string>();
  if (customerIds.length && !options.customerChecked) {
    for (let i = 0; i < customerIds.length; i += ID_CHUNK) {
      const rows = await tx
        .select({ id: customers.id, name: customers.name })
        .from(customers)
        .where(inArray(customers.id, customerIds.slice(i, i + ID_CHUNK)));
      for (const row of rows) customerNames.set(row.id, row.name);
    }
    if (customerNames.size !== customerIds.length)
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

  const categoryNames = new Map([...categoryIds].map(([name, id]) => [id, name]));
  const created: string[] = [];
  const raisedAll: RaisedDefect[] = [];
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
    const raised = newDefects.length ? await insertDefectRows(tx, newDefects, categoryNames) : [];
    raisedAll.push(...raised);
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
  return {
    ids,
    created,
    existing: ids.filter((id) => !createdSet.has(id)),
    defectsRaised: raisedAll.length,
    raised: raisedAll,
    touchpointNames: new Map(touchpointRows.map((t) => [t.id, t.name])),
    customerNames,
  };
}

type InteractionRow = Omit<NewInteraction, 'id' | 'occurredAt'> & { id: string; occurredAt: Date };
type DefectRow = ReturnType<typeof autoDefectRows>[number];

const camel = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * Inserts rows sent as one JSON parameter and unpacked by jsonb_to_recordset: building a statement
 * with a bind parameter per value cost more than running it, and this keeps large imports fast on
 * both drivers. `columns` names each SQL column with its type, once; each row is read by the
 * camelCase form of the name (a Date travels as its ISO string).
 */
async function insertJsonRows<T>(
  tx: DbOrTx,
  table: typeof interactions | typeof defects,
  columns: Record<string, string>,
  rows: object[],
  tail: SQL,
): Promise<T[]> {
  const names = Object.keys(columns);
  const json = JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(names.map((name) => [name, (row as Record<string, unknown>)[camel(name)] ?? null])),
    ),
  );
  const list = sql.raw(names.join(', '));
  const typed = sql.raw(names.map((name) => `${name} ${columns[name]}`).join(', '));
  return selectRows<T>(
    tx,
    sql`insert into ${table} (${list}) select ${list} from jsonb_to_recordset(${json}::jsonb) as x(${typed}) ${tail}`,
  );
}

// The columns a logged, imported or API interaction is stored with: listed once.
const INTERACTION_COLUMNS = {
  id: 'uuid',
  customer_id: 'uuid',
  touchpoint_id: 'uuid',
  logged_by_id: 'uuid',
  occurred_at: 'timestamptz',
  source: 'interaction_source',
  outcome: 'outcome',
  sale_value: 'numeric',
  expectation: 'smallint',
  experience: 'smallint',
  csat: 'smallint',
  nps: 'smallint',
  effort: 'smallint',
  notes: 'text',
  sentiment: 'sentiment',
  sentiment_score: 'real',
  comment_phrases: 'text[]',
  open_defect_count: 'integer',
  opportunities: 'integer',
  contact_email: 'text',
  customer_match: 'customer_match',
  suggested_customer_id: 'uuid',
} as const;

/** Inserts interactions, skipping ids already stored, and returns the ids inserted now. */
async function insertInteractionRows(tx: DbOrTx, rows: InteractionRow[]): Promise<string[]> {
  const inserted = await insertJsonRows<{ id: string }>(
    tx,
    interactions,
    INTERACTION_COLUMNS,
    rows,
    sql`on conflict (id) do nothing returning id`,
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
      touchpointId: d.touchpointId,
      categoryId: d.categoryId,
      kind: d.kind,
      severity: d.severity,
      interactionId: d.interactionId,
      actorId: null,
    })),
  );
}

/** An auto defect as stored, with its category's name. */
export interface RaisedDefect {
  id: string;
  touchpointId: string;
  categoryId: string;
  categoryName: string;
  kind: string;
  severity: string;
  interactionId: string;
  lostRevenue: string;
}

const DEFECT_COLUMNS = {
  touchpoint_id: 'uuid',
  interaction_id: 'uuid',
  customer_id: 'uuid',
  category_id: 'uuid',
  kind: 'defect_kind',
  severity: 'severity',
  lost_revenue: 'numeric',
  occurred_at: 'timestamptz',
  auto_rule: 'auto_rule',
} as const;

async function insertDefectRows(
  tx: DbOrTx,
  rows: DefectRow[],
  categoryNames: Map<string, string>,
): Promise<RaisedDefect[]> {
  const stored = await insertJsonRows<Omit<RaisedDefect, 'categoryName'>>(
    tx,
    defects,
    DEFECT_COLUMNS,
    rows,
    sql`returning id, touchpoint_id as "touchpointId", category_id as "categoryId", kind, severity, interaction_id as "interactionId", lost_revenue::text as "lostRevenue"`,
  );
  return stored.map((d) => ({ ...d, categoryName: categoryNames.get(d.categoryId)! }));
}
