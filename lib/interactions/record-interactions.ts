import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { selectPreparedRows } from '@/db/client';
import {
  customers,
  defects,
  interactions,
  jobs,
  lifecycleChanges,
  outboxEvents,
  type Interaction,
  type NewInteraction,
  type Touchpoint,
} from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { msg } from '@/lib/validation/messages';
import { DISPATCH_EVENT } from '@/lib/jobs/enqueue';
import type { InteractionInput } from '@/lib/validation/interactions';
import {
  lifecycleChangeAfterInteraction,
  newestPerCustomer,
  type CustomerLifecycleFacts,
  type LifecycleChange,
} from '@/lib/customers/apply-lifecycle';
import { DEFAULT_LIFECYCLE_RULES, type LifecycleRuleSettings } from '@/lib/customers/lifecycle-rules';
import type { AutoDefectSpec, RuleSettings } from '@/lib/defects/auto-rules';
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

// Rows per write statement. Each chunk travels as one JSON parameter (see writeChunk), so
// PostgreSQL's 65,534-parameter limit does not apply; this only bounds the statement's size.
const CHUNK = 5_000;

/** A touchpoint as recording needs it: its rules, opportunities and whether it is in use. */
type TouchpointFacts = RuleSettings & Pick<Touchpoint, 'id' | 'name' | 'active' | 'opportunities'>;

interface ExistingFacts extends CustomerLifecycleFacts {
  name: string;
  /** The customer's newest NPS answers before this write: [nps, occurredAt, id], newest first. */
  recent: [number, string, string][];
}

/** Everything the write needs to know, read in one statement. */
interface WriteContext {
  touchpoints: TouchpointFacts[];
  customers: ExistingFacts[];
  /** Ids of the inputs that are stored already (a retry or a re-run import). */
  existing: string[];
  categories: { id: string; name: string }[];
  rules: LifecycleRuleSettings | null;
}

/**
 * Stores interactions and the auto defects their touchpoints' rules raise, idempotently by id,
 * with their outbox events and the lifecycle moves they cause. Two round trips for up to CHUNK
 * interactions: one statement reads what the write needs (touchpoints, customers and their
 * lifecycle facts, which ids exist, the auto-defect categories, the lifecycle rules), and one
 * statement writes everything, so outside a transaction it still lands whole or not at all.
 * Larger batches are written chunk by chunk in one transaction. Unknown customers or touchpoints
 * throw a DomainError (invalid).
 */
export async function recordInteractions(
  db: DbOrTx,
  inputs: InteractionInput[],
  options: RecordOptions,
): Promise<RecordResult> {
  if (inputs.length <= CHUNK) return recordChunk(db, inputs, options);
  return db.transaction(async (tx) => {
    const parts: RecordResult[] = [];
    for (let i = 0; i < inputs.length; i += CHUNK)
      parts.push(await recordChunk(tx, inputs.slice(i, i + CHUNK), options));
    return {
      ids: parts.flatMap((p) => p.ids),
      created: parts.flatMap((p) => p.created),
      existing: parts.flatMap((p) => p.existing),
      defectsRaised: parts.reduce((n, p) => n + p.defectsRaised, 0),
      raised: parts.flatMap((p) => p.raised),
      touchpointNames: new Map(parts.flatMap((p) => [...p.touchpointNames])),
      customerNames: new Map(parts.flatMap((p) => [...p.customerNames])),
    };
  });
}

async function recordChunk(db: DbOrTx, inputs: InteractionInput[], options: RecordOptions): Promise<RecordResult> {
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

  const now = new Date();
  const ids = inputs.map((input) => (input.id ?? randomUUID()).toLowerCase());
  const touchpointIds = [...new Set(inputs.map((i) => i.touchpointId))];
  const customerIds = [...new Set(inputs.map((i) => i.customerId).filter((id): id is string => Boolean(id)))];
  const context = await readContext(db, touchpointIds, customerIds, ids);

  const touchpointById = new Map(context.touchpoints.map((t) => [t.id, t]));
  for (const id of touchpointIds) {
    const touchpoint = touchpointById.get(id);
    if (!touchpoint)
      throw new DomainError('invalid', msg('touchpointMissing'), {
        touchpointId: [msg('touchpointMissing')],
      });
    if (!touchpoint.active && !options.allowInactiveTouchpoints) {
      throw new DomainError('invalid', msg('touchpointNamedRetired', { name: touchpoint.name }), {
        touchpointId: [msg('touchpointRetired')],
      });
    }
  }
  const customerById = new Map(context.customers.map((c) => [c.id, c]));
  if (customerById.size !== customerIds.length)
    throw new DomainError('invalid', msg('customerMissing'), {
      customerId: [msg('customerMissing')],
    });

  // The auto defects' categories are seeded; one an admin removed is created again first.
  const categoryIds =
    context.categories.length === AUTO_CATEGORIES.length
      ? new Map(
          AUTO_CATEGORIES.map((name) => [
            name,
            context.categories.find((c) => c.name.toLowerCase() === name.toLowerCase())!.id,
          ]),
        )
      : await autoDefectCategoryIds(db);
  const categoryNames = new Map([...categoryIds].map(([name, id]) => [id, name]));
  const existing = new Set(context.existing);

  const rows = inputs.map((input, index) => {
    const id = ids[index]!;
    const touchpoint = touchpointById.get(input.touchpointId)!;
    const row = {
      id,
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
      ...(existing.has(id) ? {} : analyseComment(input.notes)),
      // Fixed now: a later change to the touchpoint leaves this interaction's history as it was.
      opportunities: touchpoint.opportunities,
      contactEmail: options.feedbackMatch?.contactEmail ?? null,
      customerMatch: options.feedbackMatch?.customerMatch ?? null,
      suggestedCustomerId: options.feedbackMatch?.suggestedCustomerId ?? null,
    };
    const defectRows = existing.has(id)
      ? []
      : autoDefectRows(row, touchpoint, categoryIds).map((d) => ({ ...d, id: randomUUID() }));
    return { row: { ...row, openDefectCount: defectRows.length }, defectRows, fresh: !existing.has(id) };
  });
  // Stored before: a retry or a re-run import, left as it was (nothing raised, moved or announced twice).
  const fresh = rows.filter((r) => r.fresh);
  const defectRows = fresh.flatMap((r) => r.defectRows);

  const changes = pendingLifecycleChanges(
    fresh,
    defectRows,
    customerById,
    touchpointById,
    categoryNames,
    context.rules,
  );
  const created = new Set(
    await writeChunk(
      db,
      fresh.map((r) => r.row),
      defectRows,
      // Imports load history: announcing every past row to people and webhooks would be noise.
      options.source !== 'import',
      changes,
      options.loggedById,
    ),
  );
  const raised: RaisedDefect[] = defectRows
    .filter((d) => created.has(d.interactionId))
    .map((d) => ({
      id: d.id,
      touchpointId: d.touchpointId,
      categoryId: d.categoryId,
      categoryName: categoryNames.get(d.categoryId)!,
      kind: d.kind,
      severity: d.severity,
      interactionId: d.interactionId,
      lostRevenue: d.lostRevenue,
    }));
  return {
    ids,
    created: ids.filter((id) => created.has(id)),
    existing: ids.filter((id) => !created.has(id)),
    defectsRaised: raised.length,
    raised,
    touchpointNames: new Map(context.touchpoints.map((t) => [t.id, t.name])),
    customerNames: new Map(context.customers.map((c) => [c.id, c.name])),
  };
}

const AUTO_CATEGORIES: AutoDefectSpec['categoryName'][] = ['Lost sale', 'Below expectations'];

/** The one read of a write: touchpoints, customers with their lifecycle facts, stored ids, categories, rules. */
export async function readContext(
  db: DbOrTx,
  touchpointIds: string[],
  customerIds: string[],
  ids: string[],
): Promise<WriteContext> {
  const [row] = await selectPreparedRows<WriteContext>(
    db,
    sql`select
      (select coalesce(json_agg(json_build_object(
          'id', t.id, 'name', t.name, 'active', t.active, 'opportunities', t.opportunities,
          'ruleLostSale', t.rule_lost_sale, 'ruleBelowExpectation', t.rule_below_expectation,
          'ruleBelowExpectationGap', t.rule_below_expectation_gap, 'ruleLowCsat', t.rule_low_csat,
          'ruleLowCsatMax', t.rule_low_csat_max, 'ruleLowNps', t.rule_low_nps, 'ruleLowNpsMax', t.rule_low_nps_max)), '[]')
        from touchpoints t where t.id = any(${sql.param(touchpointIds)}::uuid[])) as touchpoints,
      (select coalesce(json_agg(json_build_object(
          'id', c.id, 'name', c.name, 'lifecycle', c.lifecycle,
          'recent', (select coalesce(json_agg(json_build_array(x.nps, x.occurred_at, x.id) order by x.occurred_at desc, x.id desc), '[]')
             from (select i.nps, i.occurred_at, i.id from interactions i
                   where i.customer_id = c.id and i.nps is not null
                   order by i.occurred_at desc, i.id desc
                   limit greatest(1, coalesce((select s.advocate_after_promoters from lifecycle_settings s where s.id = 1), ${DEFAULT_LIFECYCLE_RULES.advocateAfterPromoters}))) x),
          'severe', (select json_build_object('severity', d.severity, 'categoryName', dc.name, 'touchpointName', dt.name, 'occurredAt', d.occurred_at)
             from defects d join defect_categories dc on dc.id = d.category_id join touchpoints dt on dt.id = d.touchpoint_id
             -- status as text: compared on the enum, the planner ANDs the customer's few defects
             -- with every open defect through the status index (0.3-0.6 ms per customer, most of
             -- a 1,000-row batch's read); the customer index alone finds a handful of rows.
             where d.customer_id = c.id and d.severity in ('major', 'critical') and d.status::text in ('open', 'investigating', 'action')
             order by d.occurred_at desc limit 1))), '[]')
        from customers c where c.id = any(${sql.param(customerIds)}::uuid[])) as customers,
      (select coalesce(json_agg(i.id), '[]') from interactions i where i.id = any(${sql.param(ids)}::uuid[])) as existing,
      (select coalesce(json_agg(json_build_object('id', dc.id, 'name', dc.name)), '[]') from defect_categories dc
        where lower(dc.name) in ('lost sale', 'below expectations')) as categories,
      (select json_build_object(
          'activeOnSale', s.active_on_sale, 'atRiskOnDetractor', s.at_risk_on_detractor,
          'atRiskOnSevereDefect', s.at_risk_on_severe_defect, 'atRiskAfterDays', s.at_risk_after_days,
          'advocateAfterPromoters', s.advocate_after_promoters, 'churnedAfterDays', s.churned_after_days)
        from lifecycle_settings s where s.id = 1) as rules`,
  );
  return row!;
}

type DefectRowWithId = DefectRow & { id: string };
interface PendingChange extends LifecycleChange {
  /** The interaction whose rule moved the customer: the move lands only if it is stored now. */
  causeId: string;
}

/**
 * The lifecycle moves the new interactions cause (docs/lifecycle.md): the facts read before the
 * write, with the new interactions' NPS answers and auto defects folded in, are the facts after it.
 */
export function pendingLifecycleChanges(
  fresh: { row: InteractionRow }[],
  defectRows: DefectRowWithId[],
  customers: Map<string, ExistingFacts>,
  touchpoints: Map<string, TouchpointFacts>,
  categoryNames: Map<string, string>,
  stored: LifecycleRuleSettings | null,
): PendingChange[] {
  const rules = stored ?? DEFAULT_LIFECYCLE_RULES;
  const k = Math.max(1, rules.advocateAfterPromoters ?? 1);
  const written = fresh.map(({ row }) => ({
    id: row.id,
    customerId: row.customerId ?? null,
    occurredAt: row.occurredAt,
    outcome: row.outcome ?? 'none',
    nps: row.nps ?? null,
    touchpointName: touchpoints.get(row.touchpointId)!.name,
  }));
  // The new answers and severe defects per customer, gathered once.
  const answersOf = new Map<string, { nps: number; at: number; id: string }[]>();
  for (const w of written) {
    if (w.customerId && w.nps !== null) {
      const list = answersOf.get(w.customerId) ?? [];
      list.push({ nps: w.nps, at: w.occurredAt.getTime(), id: w.id });
      answersOf.set(w.customerId, list);
    }
  }
  const severeOf = new Map<string, DefectRowWithId>();
  for (const d of defectRows) {
    if (!d.customerId || (d.severity !== 'major' && d.severity !== 'critical')) continue;
    const seen = severeOf.get(d.customerId);
    if (!seen || seen.occurredAt < d.occurredAt) severeOf.set(d.customerId, d);
  }
  const changes: PendingChange[] = [];
  for (const [customerId, newest] of newestPerCustomer(written)) {
    const facts = customers.get(customerId)!;
    const answers = [
      ...facts.recent.map(([nps, at, id]) => ({ nps, at: new Date(at).getTime(), id })),
      ...(answersOf.get(customerId) ?? []),
    ].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    let severe = facts.severe;
    const raised = severeOf.get(customerId);
    if (raised && (!severe || new Date(severe.occurredAt).getTime() < raised.occurredAt.getTime()))
      severe = {
        severity: raised.severity,
        categoryName: categoryNames.get(raised.categoryId)!,
        touchpointName: touchpoints.get(raised.touchpointId)!.name,
        occurredAt: raised.occurredAt.toISOString(),
      };
    const change = lifecycleChangeAfterInteraction(
      newest,
      { id: customerId, lifecycle: facts.lifecycle, recent_nps: answers.slice(0, k).map((a) => a.nps), severe },
      rules,
    );
    if (change) changes.push({ ...change, causeId: newest.id });
  }
  return changes;
}

type InteractionRow = Omit<NewInteraction, 'id' | 'occurredAt'> & { id: string; occurredAt: Date };
type DefectRow = ReturnType<typeof autoDefectRows>[number];

const camel = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * Rows as one JSON parameter, each row an array of its values in the columns' order, unpacked by
 * position: building a statement with a bind parameter per value cost more than running it.
 * `columns` names each SQL column with its type, once; each row is read by the camelCase form of
 * the name (a Date travels as its ISO string). By position rather than as objects read by
 * jsonb_to_recordset: half the bytes to write and send, and PostgreSQL unpacks 1,000 interactions
 * in ~5-9 ms instead of ~28-40 ms (measured side by side, prepared, on the bench database).
 */
function jsonRecordset(columns: Record<string, string>, rows: object[], alias: string) {
  const names = Object.keys(columns);
  const keys = names.map(camel);
  const width = keys.length;
  const json = JSON.stringify(
    rows.map((row) => {
      const values = new Array<unknown>(width);
      for (let c = 0; c < width; c++) values[c] = (row as Record<string, unknown>)[keys[c]!] ?? null;
      return values;
    }),
  );
  const values = names.map((name, c) =>
    columns[name] === 'text[]'
      ? // A JSON array of strings; null stays null, [] stays an empty array.
        `case when r->>${c} is not null then array(select jsonb_array_elements_text(r->${c})) end as ${name}`
      : `(r->>${c})::${columns[name]} as ${name}`,
  );
  return {
    list: sql.raw(names.join(', ')),
    from: sql`(select ${sql.raw(values.join(', '))} from jsonb_array_elements(${json}::jsonb) as r) as ${sql.raw(alias)}`,
  };
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

const DEFECT_COLUMNS = {
  id: 'uuid',
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

const CHANGE_COLUMNS = {
  cause_id: 'uuid',
  customer_id: 'uuid',
  from_lifecycle: 'lifecycle',
  to_lifecycle: 'lifecycle',
  rule: 'text',
  reason: 'text',
  occurred_at: 'timestamptz',
} as const;

/**
 * The one statement of a write: the interactions not stored yet, then — only for those stored
 * now, so a retried id raises, announces and moves nothing twice — their auto defects, their
 * outbox events with the jobs that dispatch them, and the lifecycle moves they cause (each only
 * if the customer is still where it was), with the moves' history. The rollup triggers run in
 * the same statement. Returns the ids stored now.
 */
async function writeChunk(
  db: DbOrTx,
  rows: InteractionRow[],
  defectRows: DefectRowWithId[],
  announce: boolean,
  changes: PendingChange[],
  actorId: string | null,
): Promise<string[]> {
  if (rows.length === 0) return [];
  // The company's search configuration read once for the statement (an uncorrelated subquery),
  // not per row as the column default would: the same value the default gives.
  const x = jsonRecordset(INTERACTION_COLUMNS, rows, 'x');
  const parts = [
    sql`with ins as (
      insert into ${interactions} (${x.list}, search_config) select ${x.list}, (select company_search_config()) from ${x.from}
      on conflict (id) do nothing returning ${announce ? INS_RETURNING : sql.raw('id')})`,
  ];
  if (defectRows.length) {
    const d = jsonRecordset(DEFECT_COLUMNS, defectRows, 'd');
    parts.push(sql`, raised as (
      insert into ${defects} (${d.list}) select ${d.list} from ${d.from} where d.interaction_id in (select id from ins)
      ${announce ? sql`returning id, touchpoint_id, category_id, kind, severity, interaction_id` : sql``})`);
  }
  if (announce) {
    // The events are built here from the rows as stored, not sent as JSON: interaction.created for
    // each new interaction, feedback.received for public feedback, defect.created per auto defect
    // (the payloads the event types document; a timestamp as JavaScript's toISOString writes it).
    // Their dispatch is one job for the statement's events, not one each.
    parts.push(sql`, announced as (
      insert into ${outboxEvents} (type, payload)
      select 'interaction.created', jsonb_build_object('interactionId', ins.id, 'touchpointId', ins.touchpoint_id,
        'customerId', ins.customer_id, 'source', ins.source, 'outcome', ins.outcome,
        'occurredAt', ${ISO_UTC('ins.occurred_at')}, 'actorId', ins.logged_by_id)
      from ins
      union all
      select 'feedback.received', jsonb_build_object('interactionId', ins.id, 'touchpointId', ins.touchpoint_id,
        'customerId', ins.customer_id, 'expectation', ins.expectation, 'experience', ins.experience, 'csat', ins.csat,
        'nps', ins.nps, 'effort', ins.effort, 'comment', ins.notes)
      from ins where ins.source = 'feedback'
      ${
        defectRows.length
          ? sql`union all
      select 'defect.created', jsonb_build_object('defectId', raised.id, 'touchpointId', raised.touchpoint_id,
        'categoryId', raised.category_id, 'kind', raised.kind, 'severity', raised.severity,
        'interactionId', raised.interaction_id, 'actorId', null)
      from raised`
          : sql``
      }
      returning id
    ), dispatched as (
      insert into ${jobs} (kind, payload) select ${DISPATCH_EVENT}, jsonb_build_object('eventIds', jsonb_agg(announced.id))
      from announced having count(*) > 0)`);
  }
  if (changes.length) {
    const c = jsonRecordset(
      CHANGE_COLUMNS,
      changes.map((change) => ({ ...change, fromLifecycle: change.from, toLifecycle: change.to })),
      'c',
    );
    parts.push(sql`, moves as (
      select * from ${c.from} where c.cause_id in (select id from ins)
    ), moved as (
      update ${customers} cu set lifecycle = moves.to_lifecycle, updated_at = now()
      from moves where cu.id = moves.customer_id and cu.lifecycle = moves.from_lifecycle
      returning cu.id
    ), recorded as (
      insert into ${lifecycleChanges} (customer_id, from_lifecycle, to_lifecycle, rule, reason, actor_id, occurred_at)
      select moves.customer_id, moves.from_lifecycle, moves.to_lifecycle, moves.rule, moves.reason, ${actorId}::uuid, moves.occurred_at
      from moves join moved on moved.id = moves.customer_id)`);
  }
  parts.push(sql` select id from ins`);
  const stored = await selectPreparedRows<{ id: string }>(db, sql.join(parts));
  return stored.map((r) => r.id);
}

// What the events read of each interaction stored now.
const INS_RETURNING = sql.raw(
  'id, touchpoint_id, customer_id, source, outcome, occurred_at, logged_by_id, expectation, experience, csat, nps, effort, notes',
);
/** A timestamp as JavaScript's Date.prototype.toISOString writes it (UTC, milliseconds). */
const ISO_UTC = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

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
