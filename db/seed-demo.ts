import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { enabledRuleCount, evaluateAutoDefects } from '@/lib/defects/auto-rules';
import { hashPassword } from '@/lib/auth/password';
import { FIX_DAYS_AGO, FIXED_TOUCHPOINT, seedDemoCases } from '@/lib/cases/demo-cases';
import { WINDOW_SUBGROUPS } from '@/lib/cases/evaluate-charts';
import { generateFeedbackToken } from '@/lib/feedback/token';
import { applyLifecycleAfterInteractions, applySilenceRules } from '@/lib/customers/apply-lifecycle';
import { analyseComment } from '@/lib/voice/analyse-comment';
import { insertRows, type DbOrTx } from './client';
import { demoComment } from './seed-comments';
import {
  companySettings,
  customers,
  defectCategories,
  defectEvents,
  defects,
  interactions,
  journeyStages,
  segments,
  touchpoints,
  users,
  type NewCustomer,
  type NewDefect,
  type NewInteraction,
} from './schema';
import { SEED_LOCK } from './seed-lock';
import {
  CATEGORIES,
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  CORRECTIVE_ACTIONS,
  DEGRADATION_DAYS,
  DEGRADING_TOUCHPOINT,
  DEMO_COMPANY_NAME,
  DEMO_USERS,
  EXTRA_STAFF,
  FIRST_NAMES,
  LAST_NAMES,
  ROOT_CAUSES,
  SEGMENTS,
  STAGES,
  TOUCHPOINTS,
} from './seed-catalog';

type NewDefectEvent = typeof defectEvents.$inferInsert;

export interface SeedOptions {
  /** 1 gives about 1,000 customers and 35,000 interactions over 12 months. */
  scale?: number;
  /** The end of the demo year; interactions lie in the 365 days before it. */
  now?: Date;
  log?: (line: string) => void;
}

export interface SeedSummary {
  users: number;
  stages: number;
  touchpoints: number;
  customers: number;
  interactions: number;
  defects: number;
}

const DAY = 86_400_000;
const INTERACTIONS_PER_DAY = 95;

/** mulberry32: a tiny deterministic PRNG, so every seed run builds the same company. */
function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const normal = () => {
    const u = Math.max(next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  const weighted = <T>(items: readonly T[], weight: (item: T) => number): T => {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let roll = next() * total;
    for (const item of items) {
      roll -= weight(item);
      if (roll <= 0) return item;
    }
    return items[items.length - 1] as T;
  };
  return { next, int, pick, normal, weighted };
}

const withoutSegmentName = <T extends { segmentName: string }>(row: T): Omit<T, 'segmentName'> => {
  const copy: Partial<T> = { ...row };
  delete copy.segmentName;
  return copy as Omit<T, 'segmentName'>;
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)));

const STATUS_PATH = ['open', 'investigating', 'action', 'verified', 'closed'] as const;

/**
 * The history events of a demo defect: triage (a category set by a manager, an owner assigned),
 * then each status move its owner made to reach where it stands, spread over the time since it
 * occurred and never later than now.
 */
function demoDefectHistory({
  defectId,
  occurredAt,
  now,
  managerId,
  ownerId,
  status,
  recategorised,
  rootCause,
  correctiveAction,
  dismissReason,
  random,
}: {
  defectId: string;
  occurredAt: Date;
  now: Date;
  managerId: string;
  ownerId: string | null;
  status: NewDefect['status'] & string;
  recategorised: { from: string; to: string } | null;
  rootCause: string | null;
  correctiveAction: string | null;
  dismissReason: string | null;
  random: ReturnType<typeof createRandom>;
}): NewDefectEvent[] {
  const events: NewDefectEvent[] = [];
  const span = Math.max(0, now.getTime() - occurredAt.getTime());
  let at = occurredAt.getTime();
  // Each step takes a share of the time left, so steps stay in order and before now.
  const step = () => {
    at += (now.getTime() - at) * (0.1 + 0.25 * random.next());
    return new Date(Math.min(at, occurredAt.getTime() + span));
  };
  if (recategorised && recategorised.from !== recategorised.to)
    events.push({
      defectId,
      actorId: managerId,
      type: 'updated',
      changes: { categoryId: { from: recategorised.from, to: recategorised.to } },
      createdAt: step(),
    });
  if (!ownerId) return events;
  events.push({
    defectId,
    actorId: managerId,
    type: 'assigned',
    changes: { ownerId: { from: null, to: ownerId } },
    createdAt: step(),
  });
  if (status === 'dismissed') {
    events.push({
      defectId,
      actorId: ownerId,
      type: 'status',
      changes: { status: { from: 'open', to: 'dismissed' }, dismissReason: { from: null, to: dismissReason } },
      createdAt: step(),
    });
    return events;
  }
  const target = STATUS_PATH.indexOf(status as (typeof STATUS_PATH)[number]);
  for (let i = 1; i <= target; i++) {
    const to = STATUS_PATH[i]!;
    events.push({
      defectId,
      actorId: ownerId,
      type: 'status',
      changes: {
        status: { from: STATUS_PATH[i - 1], to },
        ...(to === 'action'
          ? { rootCause: { from: null, to: rootCause }, correctiveAction: { from: null, to: correctiveAction } }
          : {}),
      },
      createdAt: step(),
    });
  }
  return events;
}

/** Removes every row from every table; the schema stays. */
export async function clearDatabase(db: DbOrTx): Promise<void> {
  await db.execute(
    sql`truncate table case_events, case_signals, cases, defect_events, defects, interactions, customers, touchpoints, journey_stages, segments, defect_categories, api_keys, audit_events, users restart identity cascade`,
  );
}

export async function isDatabaseEmpty(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * Fills an empty database with a deterministic, believable company: the same counts on every
 * run, dated relative to `now`. Auto defects come from the same rules the app applies. All in one
 * transaction: a process killed while seeding leaves the database empty, never half-filled, and
 * the next start seeds it again from scratch.
 */
export async function seedDemoData(db: DbOrTx, options: SeedOptions = {}): Promise<SeedSummary> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    return insertDemoData(tx, options);
  });
}

/** Seeds the demo company only when the database has no users yet (checked under the seed lock). */
export async function seedDemoDataIfEmpty(db: DbOrTx, options: SeedOptions = {}): Promise<SeedSummary | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    return (await isDatabaseEmpty(tx)) ? insertDemoData(tx, options) : null;
  });
}

async function insertDemoData(db: DbOrTx, options: SeedOptions): Promise<SeedSummary> {
  const scale = options.scale ?? 1;
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const random = createRandom(20_260_101);
  // Comments draw from their own sequence, so adding them left every other demo number as it was.
  const commentRandom = createRandom(20_260_317);

  // The demo company has a name of its own; its currency, locale, time zone and week start stay the
  // defaults (GBP, en-GB, UTC, Monday), so the demo's numbers read as they always have.
  await db
    .insert(companySettings)
    .values({ id: 1, name: DEMO_COMPANY_NAME })
    .onConflictDoUpdate({ target: companySettings.id, set: { name: DEMO_COMPANY_NAME } });

  // Users: hashing is the slow part, so the extra staff share one hash.
  const staffHash = await hashPassword(DEMO_USERS.find((u) => u.role === 'staff')!.password);
  const userRows = [
    ...(await Promise.all(
      DEMO_USERS.map(async (u) => ({
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash: await hashPassword(u.password),
      })),
    )),
    ...EXTRA_STAFF.map((name) => ({
      email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@outsidein.test`,
      name,
      role: 'staff' as const,
      passwordHash: staffHash,
    })),
  ];
  const insertedUsers = await db.insert(users).values(userRows).returning({ id: users.id, role: users.role });
  const staffIds = insertedUsers.filter((u) => u.role === 'staff').map((u) => u.id);
  const managerId = insertedUsers.find((u) => u.role === 'manager')!.id;

  const stageRows = await db
    .insert(journeyStages)
    .values(STAGES.map((s, position) => ({ ...s, position })))
    .returning({ id: journeyStages.id, name: journeyStages.name });
  const stageId = new Map(stageRows.map((s) => [s.name, s.id]));

  const touchpointRows = await db
    .insert(touchpoints)
    .values(
      TOUCHPOINTS.map((t) => ({
        name: t.name,
        description: t.description,
        stageId: stageId.get(t.stage)!,
        channel: t.channel,
        // Never fewer than the enabled auto-defect rules (three by default, four with low NPS).
        opportunities: Math.max(
          t.opportunities,
          enabledRuleCount({
            ruleLostSale: true,
            ruleBelowExpectation: true,
            ruleLowCsat: true,
            ruleLowNps: t.ruleLowNps ?? false,
          }),
        ),
        ruleLowNps: t.ruleLowNps ?? false,
        // Where the demo company asks for feedback, the link is on: the answers below came through it.
        feedbackEnabled: t.feedbackLink ?? false,
        feedbackToken: t.feedbackLink ? generateFeedbackToken() : null,
      })),
    )
    .returning();
  const touchpointByName = new Map(touchpointRows.map((t) => [t.name, t]));

  const segmentRows = await db
    .insert(segments)
    .values(SEGMENTS.map((s) => ({ name: s.name })))
    .returning({ id: segments.id, name: segments.name });
  const segmentId = new Map(segmentRows.map((s) => [s.name, s.id]));

  const categoryRows = await db
    .insert(defectCategories)
    .values(CATEGORIES.map((name) => ({ name })))
    .returning({ id: defectCategories.id, name: defectCategories.name });
  const categoryId = new Map(categoryRows.map((c) => [c.name, c.id]));

  // Customers.
  const customerCount = Math.max(50, Math.round(1_000 * scale));
  const customerRows: (NewCustomer & { id: string; segmentName: string })[] = [];
  for (let i = 0; i < customerCount; i++) {
    const segment = random.weighted(SEGMENTS, (s) => s.share);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const business = segment.name !== 'Homeowners';
    const company = business ? `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_SUFFIXES)}` : null;
    const mailDomain = company ? company.toLowerCase().replace(/[^a-z]+/g, '') + '.example' : 'mail.example';
    customerRows.push({
      id: randomUUID(),
      segmentName: segment.name,
      name: `${first} ${last}`,
      email: `${first}.${last}.${i + 1}`.toLowerCase().replace(/[^a-z0-9.]+/g, '') + `@${mailDomain}`,
      phone: `+44 7${String(random.int(100_000_000, 999_999_999))}`,
      company,
      segmentId: segmentId.get(segment.name)!,
      lifecycle: random.weighted(
        ['prospect', 'active', 'at_risk', 'churned', 'advocate'] as const,
        (l) => ({ prospect: 3, active: 5, at_risk: 1, churned: 1, advocate: 1 })[l],
      ),
      ownerId: random.next() < 0.7 ? random.pick(staffIds) : null,
      externalRef: `CRM-${String(10_001 + i)}`,
    });
  }

  // Interactions and the defects their touchpoints' rules raise.
  const interactionRows: NewInteraction[] = [];
  const defectRows: NewDefect[] = [];
  const segmentSale = new Map(SEGMENTS.map((s) => [s.name, s]));
  const feedbackTouchpoints = TOUCHPOINTS.filter((t) => t.feedbackLink);
  const eventRows: NewDefectEvent[] = [];
  // Each customer's first contact, so "customer since" comes before their history.
  const firstContact = new Map<string, number>();
  // The degrading touchpoint keeps its full-scale volume over the monitored charts' window at any
  // scale: below it, a week holds too few interactions for a judgeable subgroup (n·p̄ ≥ 5), and the
  // demo's signal case (lib/cases/demo-cases.ts) would never open.
  const degradingSpec = TOUCHPOINTS.find((t) => t.name === DEGRADING_TOUCHPOINT)!;
  const degradingShare = degradingSpec.weight / TOUCHPOINTS.reduce((s, t) => s + t.weight, 0);
  const monitoredDays = 7 * (WINDOW_SUBGROUPS.week + 1);

  for (let daysAgo = 364; daysAgo >= 0; daysAgo--) {
    const dayStart = now.getTime() - daysAgo * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const weekendFactor = weekday === 0 || weekday === 6 ? 0.55 : 1;
    const trend = 0.85 + 0.3 * ((364 - daysAgo) / 364); // the business grows through the year
    const count = Math.round(INTERACTIONS_PER_DAY * scale * weekendFactor * trend * (0.8 + 0.4 * random.next()));
    const topUp =
      daysAgo < monitoredDays
        ? Math.max(0, Math.round(INTERACTIONS_PER_DAY * (1 - scale) * weekendFactor * trend * degradingShare))
        : 0;

    for (let n = 0; n < count + topUp; n++) {
      const toppedUp = n >= count;
      const fromFeedback = !toppedUp && random.next() < 0.08;
      // Feedback arrives only through the links the company turned on.
      const spec = toppedUp
        ? degradingSpec
        : random.weighted(fromFeedback ? feedbackTouchpoints : TOUCHPOINTS, (t) => t.weight);
      const touchpoint = touchpointByName.get(spec.name)!;
      const occurredAt = new Date(dayStart - random.next() * 11 * 3_600_000);
      const degraded = spec.name === DEGRADING_TOUCHPOINT && daysAgo < DEGRADATION_DAYS;
      // The demo's proved case: this touchpoint was worse until its fix (lib/cases/demo-cases.ts).
      const beforeFix = spec.name === FIXED_TOUCHPOINT && daysAgo > FIX_DAYS_AGO;
      // Most experiences meet expectations; each touchpoint's own quality shifts that.
      const quality = 0.45 + spec.quality - (degraded ? 1.5 : 0) - (beforeFix ? 1.2 : 0);
      // Half of those answering came through a personalised link, whose signed token names them.
      const customer = fromFeedback && random.next() < 0.5 ? null : random.pick(customerRows);
      if (customer && (firstContact.get(customer.id) ?? Infinity) > occurredAt.getTime())
        firstContact.set(customer.id, occurredAt.getTime());
      const sale = segmentSale.get(customer?.segmentName ?? 'Homeowners')!;

      let outcome: NewInteraction['outcome'] = 'none';
      let saleValue: number | null = null;
      const roll = random.next();
      // A feedback form records scores and a comment, never a sale.
      if (fromFeedback) {
        // no outcome
      } else if (spec.kind === 'sales') {
        // Bad experiences lose sales: the lost share rises as quality falls.
        const lostShare = Math.max(0.04, 0.12 - quality * 0.1);
        if (roll < 0.3) outcome = 'sale_won';
        else if (roll < 0.3 + lostShare) outcome = 'sale_lost';
        if (outcome !== 'none')
          saleValue = Math.round(sale.saleMin + (sale.saleMax - sale.saleMin) * random.next() ** 2);
      } else if (spec.kind === 'service') {
        const unresolvedShare = Math.max(0.03, 0.1 - quality * 0.08);
        outcome =
          roll < 0.62
            ? 'resolved'
            : roll < 0.62 + unresolvedShare
              ? 'unresolved'
              : roll < 0.67 + unresolvedShare
                ? 'escalated'
                : 'none';
      }

      let expectation: number | null = null;
      let experience: number | null = null;
      let csat: number | null = null;
      let nps: number | null = null;
      let effort: number | null = null;
      if (fromFeedback || random.next() < 0.6) {
        expectation = random.weighted([3, 4, 5], (e) => ({ 3: 3, 4: 5, 5: 2 })[e]!);
        const felt = expectation + quality + random.normal() * 0.65;
        experience = clamp(felt, 1, 5);
        csat = clamp(felt + random.normal() * 0.5, 1, 5);
        nps = clamp((felt - 1) * 2.6 + random.normal() * 1.3, 0, 10);
        effort = clamp(felt * 1.35 + random.normal() * 0.8, 1, 7);
      }

      const notes = demoComment(
        {
          touchpoint: spec.name,
          causes: spec.causes,
          unhappy:
            (experience !== null && expectation !== null && experience < expectation) ||
            (nps !== null && nps <= 6) ||
            (csat !== null && csat <= 2),
          happy:
            (nps !== null && nps >= 9) || (experience !== null && expectation !== null && experience > expectation),
          fromFeedback,
        },
        commentRandom.next,
      );
      const id = randomUUID();
      const autoDefects = evaluateAutoDefects({ outcome, saleValue, expectation, experience, csat, nps }, touchpoint);
      let openDefects = 0;
      for (const auto of autoDefects) {
        const ageDays = daysAgo;
        // Triage has put older below-expectation defects in a cause category.
        const triaged = ageDays > 10 && auto.kind !== 'lost_sale';
        // A few causes dominate, as in any real Pareto: the first listed cause is most likely.
        const category = triaged
          ? random.next() < 0.6
            ? spec.causes[0]!
            : random.pick(spec.causes)
          : auto.categoryName;
        const status =
          ageDays > 60
            ? random.weighted(
                ['closed', 'verified', 'dismissed'] as const,
                (s) => ({ closed: 80, verified: 14, dismissed: 6 })[s],
              )
            : ageDays > 14
              ? random.weighted(
                  ['investigating', 'action', 'verified', 'closed', 'dismissed'] as const,
                  (s) => ({ investigating: 8, action: 12, verified: 20, closed: 55, dismissed: 5 })[s],
                )
              : random.weighted(['open', 'investigating'] as const, (s) => ({ open: 75, investigating: 25 })[s]);
        const worked = status !== 'open';
        const causes = ROOT_CAUSES[category] ?? ROOT_CAUSES.Other!;
        const actions = CORRECTIVE_ACTIONS[category] ?? CORRECTIVE_ACTIONS.Other!;
        if (status !== 'dismissed') openDefects++;
        const defectId = randomUUID();
        const ownerId = worked ? random.pick(staffIds) : null;
        const rootCause = ['action', 'verified', 'closed'].includes(status) ? random.pick(causes) : null;
        const correctiveAction = ['action', 'verified', 'closed'].includes(status) ? random.pick(actions) : null;
        const dismissReason = status === 'dismissed' ? 'Customer confirmed it was not our fault.' : null;
        // The history that led here, so a defect's page tells the same story as its fields.
        const history = demoDefectHistory({
          defectId,
          occurredAt,
          now,
          managerId,
          ownerId,
          status,
          recategorised: triaged ? { from: categoryId.get(auto.categoryName)!, to: categoryId.get(category)! } : null,
          rootCause,
          correctiveAction,
          dismissReason,
          random,
        });
        eventRows.push(...history);
        defectRows.push({
          id: defectId,
          version: 1 + history.length,
          createdAt: occurredAt,
          updatedAt: history.at(-1)?.createdAt ?? occurredAt,
          touchpointId: touchpoint.id,
          interactionId: id,
          customerId: customer?.id ?? null,
          categoryId: categoryId.get(category)!,
          kind: auto.kind,
          severity: auto.severity,
          lostRevenue: auto.lostRevenue.toFixed(2),
          occurredAt,
          status,
          ownerId,
          dueOn: worked ? new Date(occurredAt.getTime() + 21 * DAY).toISOString().slice(0, 10) : null,
          rootCause,
          correctiveAction,
          dismissReason,
          autoRule: auto.rule,
          touched: history.length > 0,
        });
      }

      interactionRows.push({
        id,
        customerId: customer?.id ?? null,
        touchpointId: touchpoint.id,
        loggedById: fromFeedback ? null : random.pick(staffIds),
        occurredAt,
        source: fromFeedback ? 'feedback' : 'staff',
        customerMatch: fromFeedback && customer ? 'signed_link' : null,
        outcome,
        saleValue: saleValue === null ? null : saleValue.toFixed(2),
        expectation,
        experience,
        csat,
        nps,
        effort,
        notes,
        ...analyseComment(notes),
        openDefectCount: openDefects,
        createdAt: occurredAt,
        updatedAt: occurredAt,
      });
    }
  }

  // A customer was added a little before their first contact; one with no contact yet, some day this year.
  for (const customer of customerRows) {
    const first = firstContact.get(customer.id) ?? now.getTime() - random.int(0, 364) * DAY;
    const added = new Date(first - random.int(0, 20) * DAY - random.next() * DAY);
    customer.createdAt = added;
    customer.updatedAt = added;
  }
  // Set-based: one JSON parameter per table (db/client.ts insertRows), not a bind parameter per value.
  await insertRows(db, customers, customerRows.map(withoutSegmentName));
  log(`seed: ${customerRows.length} customers`);
  await insertRows(db, interactions, interactionRows);
  log(`seed: ${interactionRows.length} interactions`);
  await insertRows(db, defects, defectRows);
  log(`seed: ${defectRows.length} defects`);
  await insertRows(db, defectEvents, eventRows);
  log(`seed: ${eventRows.length} defect history events`);
  const story = await seedDemoCases(db, { now });
  log(`seed: ${story.cases} cases`);
  // The lifecycle rules (docs/lifecycle.md) read each customer's newest interaction, then the
  // silence rules run as the nightly job would: customers move, each change with its reason.
  const touchpointName = new Map(touchpointRows.map((t) => [t.id, t.name]));
  await applyLifecycleAfterInteractions(
    db,
    interactionRows.map((r) => ({
      customerId: r.customerId ?? null,
      occurredAt: r.occurredAt,
      outcome: r.outcome ?? 'none',
      nps: r.nps ?? null,
      touchpointName: touchpointName.get(r.touchpointId) ?? '',
    })),
    null,
  );
  const silent = await applySilenceRules(db, now);
  log(`seed: lifecycle rules applied (${silent} customers moved by silence)`);

  return {
    users: userRows.length,
    stages: stageRows.length,
    touchpoints: touchpointRows.length,
    customers: customerRows.length,
    interactions: interactionRows.length,
    defects: defectRows.length,
  };
}
