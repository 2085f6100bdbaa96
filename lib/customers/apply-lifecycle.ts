import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { selectRows } from '@/db/client';
import { lifecycleSettings } from '@/db/schema';
import {
  decideLifecycle,
  decideSilence,
  DEFAULT_LIFECYCLE_RULES,
  type Lifecycle,
  type LifecycleDecision,
  type LifecycleRuleSettings,
} from './lifecycle-rules';
import { msg } from '@/lib/validation/messages';

/** Customers per facts query (one uuid[] parameter each). */
const CHUNK = 2_000;

/** The admin's lifecycle rules, or the defaults when the settings row is missing. */
export async function getLifecycleRules(tx: DbOrTx): Promise<LifecycleRuleSettings> {
  const [row] = await tx.select().from(lifecycleSettings).where(eq(lifecycleSettings.id, 1)).limit(1);
  if (!row) return DEFAULT_LIFECYCLE_RULES;
  return {
    activeOnSale: row.activeOnSale,
    atRiskOnDetractor: row.atRiskOnDetractor,
    atRiskOnSevereDefect: row.atRiskOnSevereDefect,
    atRiskAfterDays: row.atRiskAfterDays,
    advocateAfterPromoters: row.advocateAfterPromoters,
    churnedAfterDays: row.churnedAfterDays,
  };
}

export interface LifecycleChange extends LifecycleDecision {
  customerId: string;
  from: Lifecycle;
  /** When the causing event happened (see customer_lifecycle_changes.occurred_at). */
  occurredAt: Date;
}

/** Writes lifecycle changes and their history rows, each only if the customer is still where it was. */
export async function applyLifecycleChanges(
  tx: DbOrTx,
  changes: LifecycleChange[],
  actorId: string | null,
): Promise<void> {
  if (changes.length === 0) return;
  const json = JSON.stringify(
    changes.map((c) => ({
      customer_id: c.customerId,
      from_lifecycle: c.from,
      to_lifecycle: c.to,
      rule: c.rule,
      reason: c.reason,
      occurred_at: c.occurredAt.toISOString(),
    })),
  );
  await tx.execute(sql`
    with x as (
      select * from jsonb_to_recordset(${json}::jsonb)
        as x(customer_id uuid, from_lifecycle lifecycle, to_lifecycle lifecycle, rule text, reason text, occurred_at timestamptz)
    ), moved as (
      update customers c set lifecycle = x.to_lifecycle, updated_at = now()
      from x where c.id = x.customer_id and c.lifecycle = x.from_lifecycle
      returning c.id
    )
    insert into customer_lifecycle_changes (customer_id, from_lifecycle, to_lifecycle, rule, reason, actor_id, occurred_at)
    select x.customer_id, x.from_lifecycle, x.to_lifecycle, x.rule, x.reason, ${actorId}::uuid, x.occurred_at
    from x join moved on moved.id = x.customer_id`);
}

/** What the rules read about a customer: its lifecycle, latest NPS answers and newest open severe defect. */
export interface CustomerLifecycleFacts {
  id: string;
  lifecycle: Lifecycle;
  recent_nps: number[] | null;
  severe: { severity: string; categoryName: string; touchpointName: string; occurredAt: string } | null;
}

/** The defect rule's change happened when the defect did; any other rule's when the interaction did. */
function causeTime(decision: LifecycleDecision, facts: Pick<CustomerLifecycleFacts, 'severe'>, fallback: Date): Date {
  return decision.rule === 'severe_defect' && facts.severe ? new Date(facts.severe.occurredAt) : fallback;
}

async function factsOf(
  tx: DbOrTx,
  customerIds: string[],
  rules: LifecycleRuleSettings,
): Promise<CustomerLifecycleFacts[]> {
  const k = Math.max(1, rules.advocateAfterPromoters ?? 1);
  const rows: CustomerLifecycleFacts[] = [];
  for (let i = 0; i < customerIds.length; i += CHUNK) {
    rows.push(
      ...(await selectRows<CustomerLifecycleFacts>(
        tx,
        sql`select c.id, c.lifecycle,
              (select array_agg(x.nps order by x.occurred_at desc, x.id desc) from (
                 select i.nps, i.occurred_at, i.id from interactions i
                 where i.customer_id = c.id and i.nps is not null
                 order by i.occurred_at desc, i.id desc limit ${k}) x) as recent_nps,
              (select json_build_object('severity', d.severity, 'categoryName', dc.name, 'touchpointName', t.name, 'occurredAt', d.occurred_at)
                 from defects d join defect_categories dc on dc.id = d.category_id join touchpoints t on t.id = d.touchpoint_id
                 -- status as text, so the planner reads the customer's few defects by the customer
                 -- index instead of ANDing them with every open defect (see record-interactions.ts).
                 where d.customer_id = c.id and d.severity in ('major', 'critical') and d.status::text in ('open', 'investigating', 'action')
                 order by d.occurred_at desc limit 1) as severe
            from customers c where c.id = any(${sql.param(customerIds.slice(i, i + CHUNK))}::uuid[])`,
      )),
    );
  }
  return rows;
}

/** What an interaction tells about its customer: the newest one written now, per customer. */
export interface WrittenInteraction {
  customerId: string | null;
  occurredAt: Date;
  outcome: string;
  nps: number | null;
  touchpointName: string;
}

/**
 * Applies the lifecycle rules to the customers of interactions just written, in the caller's
 * transaction: per customer, the newest interaction written decides, with the customer's latest
 * NPS answers and open major or critical defects.
 */
export async function applyLifecycleAfterInteractions(
  tx: DbOrTx,
  written: WrittenInteraction[],
  actorId: string | null,
): Promise<void> {
  const newest = newestPerCustomer(written);
  if (newest.size === 0) return;
  const rules = await getLifecycleRules(tx);
  const changes = (await factsOf(tx, [...newest.keys()], rules)).flatMap((facts) => {
    const change = lifecycleChangeAfterInteraction(newest.get(facts.id)!, facts, rules);
    return change ? [change] : [];
  });
  await applyLifecycleChanges(tx, changes, actorId);
}

/** Per customer, the newest of the interactions written: the one the rules judge. */
export function newestPerCustomer<T extends WrittenInteraction>(written: T[]): Map<string, T> {
  const newest = new Map<string, T>();
  for (const w of written) {
    if (!w.customerId) continue;
    const seen = newest.get(w.customerId);
    if (!seen || seen.occurredAt < w.occurredAt) newest.set(w.customerId, w);
  }
  return newest;
}

/** What the newest interaction written for a customer does to its lifecycle, given the facts after the write. */
export function lifecycleChangeAfterInteraction(
  w: WrittenInteraction,
  facts: CustomerLifecycleFacts,
  rules: LifecycleRuleSettings,
): LifecycleChange | null {
  const decision = decideLifecycle(
    {
      current: facts.lifecycle,
      interaction: { outcome: w.outcome, nps: w.nps, touchpointName: w.touchpointName },
      recentNps: facts.recent_nps ?? [],
      severeDefect: facts.severe,
    },
    rules,
  );
  if (!decision || decision.to === facts.lifecycle) return null;
  return {
    ...decision,
    customerId: facts.id,
    from: facts.lifecycle,
    occurredAt: causeTime(decision, facts, w.occurredAt),
  };
}

/** Applies the defect rule to customers whose defects were just written, in the caller's transaction. */
export async function applyLifecycleAfterDefects(
  tx: DbOrTx,
  customerIds: (string | null | undefined)[],
  actorId: string | null,
): Promise<void> {
  const ids = [...new Set(customerIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return;
  const rules = await getLifecycleRules(tx);
  if (!rules.atRiskOnSevereDefect) return;
  const changes: LifecycleChange[] = [];
  for (const facts of await factsOf(tx, ids, rules)) {
    const decision = decideLifecycle(
      { current: facts.lifecycle, recentNps: facts.recent_nps ?? [], severeDefect: facts.severe },
      rules,
    );
    if (decision && decision.to !== facts.lifecycle)
      changes.push({
        ...decision,
        customerId: facts.id,
        from: facts.lifecycle,
        occurredAt: causeTime(decision, facts, new Date()),
      });
  }
  await applyLifecycleChanges(tx, changes, actorId);
}

/**
 * The silence rules, for the daily job: customers whose last contact (or, without any, whose
 * creation) is at least the configured days ago. Returns how many changed.
 */
export async function applySilenceRules(tx: DbOrTx, now: Date = new Date()): Promise<number> {
  const rules = await getLifecycleRules(tx);
  const shortest = Math.min(rules.atRiskAfterDays ?? Infinity, rules.churnedAfterDays ?? Infinity);
  if (!Number.isFinite(shortest)) return 0;
  const rows = await selectRows<{ id: string; lifecycle: Lifecycle; days: number; last: string }>(
    tx,
    sql`select c.id, c.lifecycle, s.last,
          floor(extract(epoch from (${now.toISOString()}::timestamptz - s.last)) / 86400)::int as days
        from customers c
        cross join lateral (select coalesce(
            (select max(i.occurred_at) from interactions i where i.customer_id = c.id), c.created_at) as last) s
        where c.lifecycle in ('active', 'at_risk', 'advocate')
          and coalesce((select max(i.occurred_at) from interactions i where i.customer_id = c.id), c.created_at)
              <= ${now.toISOString()}::timestamptz - make_interval(days => ${shortest})`,
  );
  const changes: LifecycleChange[] = [];
  for (const row of rows) {
    const decision = decideSilence(row.lifecycle, row.days, rules);
    if (!decision) continue;
    // The silence began at the last contact; the rule's day count was reached that many days later.
    const days = decision.rule === 'long_silence' ? rules.churnedAfterDays : rules.atRiskAfterDays;
    const reached = new Date(new Date(row.last).getTime() + (days ?? row.days) * 86_400_000);
    changes.push({ ...decision, customerId: row.id, from: row.lifecycle, occurredAt: reached > now ? now : reached });
  }
  await applyLifecycleChanges(tx, changes, null);
  return changes.length;
}

/** A change made by a person (the customer form): recorded in the history with who did it. */
export async function recordManualLifecycleChange(
  tx: DbOrTx,
  change: { customerId: string; from: Lifecycle | null; to: Lifecycle; actorId: string },
): Promise<void> {
  await tx.execute(sql`insert into customer_lifecycle_changes (customer_id, from_lifecycle, to_lifecycle, rule, reason, actor_id)
    values (${change.customerId}, ${change.from}, ${change.to}, null, ${msg('lifecycleSetByHand')}, ${change.actorId})`);
}
