import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
// Relative, so drizzle-kit resolves it too. The one lib module db/ may import: it imports nothing.
import {
  AUTO_RULES,
  CASE_SCOPES,
  CASE_STATUSES,
  CHANNELS,
  CUSTOMER_MATCHES,
  DEFECT_KINDS,
  DEFECT_STATUSES,
  SENTIMENTS,
  JOB_STATUSES,
  LIFECYCLES,
  MAIL_STATUSES,
  OUTCOMES,
  ROLES,
  SEVERITIES,
  SOURCES,
  SUBGROUPS,
  WEBHOOK_DELIVERY_STATUSES,
} from '../lib/enums';

// Column names are camelCase here and snake_case in SQL (casing: 'snake_case' in the client and
// in drizzle.config.ts).

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const money = () => numeric({ precision: 14, scale: 2 });
const lower = (column: AnyPgColumn): SQL => sql`lower(${column})`;
// PostgreSQL's full-text document type; drizzle has no built-in column for it.
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const roleEnum = pgEnum('role', ROLES);
export const channelEnum = pgEnum('channel', CHANNELS);
export const lifecycleEnum = pgEnum('lifecycle', LIFECYCLES);
export const sourceEnum = pgEnum('interaction_source', SOURCES);
export const sentimentEnum = pgEnum('sentiment', SENTIMENTS);
/**
 * How a public feedback answer came to belong to a customer (lib/feedback/customer-match.ts):
 * `signed_link`, a personalised link's signed customer token verified; `unverified`, only the typed
 * email matched `suggestedCustomerId` and the answer stays anonymous until a member of staff
 * confirms; `confirmed` by staff; `rejected` by staff (not that customer).
 */
export const customerMatchEnum = pgEnum('customer_match', CUSTOMER_MATCHES);
export const outcomeEnum = pgEnum('outcome', OUTCOMES);
export const defectKindEnum = pgEnum('defect_kind', DEFECT_KINDS);
export const severityEnum = pgEnum('severity', SEVERITIES);
export const defectStatusEnum = pgEnum('defect_status', DEFECT_STATUSES);
// Which auto-defect rule raised a defect; null for manual defects.
export const autoRuleEnum = pgEnum('auto_rule', AUTO_RULES);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    role: roleEnum().notNull().default('staff'),
    active: boolean().notNull().default(true),
    passwordHash: text().notNull(),
    mustChangePassword: boolean().notNull().default(false),
    /** Raised to end every session of the user: sessions carry the version they were issued with. */
    sessionVersion: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_lower_key').on(lower(t.email))],
);

export const journeyStages = pgTable(
  'journey_stages',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    description: text(),
    position: integer().notNull(),
    // Who answers for this stage's cases when a signal opens one (docs/cases.md).
    ownerId: uuid().references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('journey_stages_name_key').on(lower(t.name)),
    index('journey_stages_position_idx').on(t.position),
  ],
);

export const touchpoints = pgTable(
  'touchpoints',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    description: text(),
    stageId: uuid()
      .notNull()
      .references(() => journeyStages.id, { onDelete: 'restrict' }),
    channel: channelEnum().notNull(),
    active: boolean().notNull().default(true),
    opportunities: integer().notNull().default(1),
    // The experience score (1–5) this touchpoint aims to deliver.
    expectationTarget: smallint().notNull().default(4),
    ruleLostSale: boolean().notNull().default(true),
    ruleBelowExpectation: boolean().notNull().default(true),
    ruleBelowExpectationGap: smallint().notNull().default(1),
    ruleLowCsat: boolean().notNull().default(true),
    ruleLowCsatMax: smallint().notNull().default(2),
    ruleLowNps: boolean().notNull().default(false),
    ruleLowNpsMax: smallint().notNull().default(6),
    feedbackToken: text(),
    feedbackEnabled: boolean().notNull().default(false),
    feedbackQuestion: text(),
    // Who answers for this touchpoint's cases when a signal opens one (docs/cases.md).
    ownerId: uuid().references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('touchpoints_stage_name_key').on(t.stageId, lower(t.name)),
    uniqueIndex('touchpoints_feedback_token_key').on(t.feedbackToken),
    check('touchpoints_opportunities_range', sql`${t.opportunities} between 1 and 1000`),
    check('touchpoints_expectation_target_range', sql`${t.expectationTarget} between 1 and 5`),
    check('touchpoints_below_expectation_gap_range', sql`${t.ruleBelowExpectationGap} between 1 and 4`),
    check('touchpoints_low_csat_max_range', sql`${t.ruleLowCsatMax} between 1 and 4`),
    check('touchpoints_low_nps_max_range', sql`${t.ruleLowNpsMax} between 0 and 9`),
  ],
);

export const segments = pgTable(
  'segments',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('segments_name_key').on(lower(t.name))],
);

export const customers = pgTable(
  'customers',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    email: text(),
    phone: text(),
    company: text(),
    segmentId: uuid().references(() => segments.id, { onDelete: 'restrict' }),
    lifecycle: lifecycleEnum().notNull().default('prospect'),
    ownerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    externalRef: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('customers_external_ref_key').on(t.externalRef),
    index('customers_email_lower_idx').on(lower(t.email)),
    index('customers_name_lower_idx').on(lower(t.name)),
    index('customers_segment_idx').on(t.segmentId),
    index('customers_owner_idx').on(t.ownerId),
  ],
);

export const interactions = pgTable(
  'interactions',
  {
    // Chosen by the client when it likes, so a resubmitted form or a re-run import stores once.
    id: uuid().primaryKey().defaultRandom(),
    customerId: uuid().references(() => customers.id, { onDelete: 'restrict' }),
    touchpointId: uuid()
      .notNull()
      .references(() => touchpoints.id, { onDelete: 'restrict' }),
    loggedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    source: sourceEnum().notNull().default('staff'),
    outcome: outcomeEnum().notNull().default('none'),
    saleValue: money(),
    expectation: smallint(),
    experience: smallint(),
    csat: smallint(),
    nps: smallint(),
    effort: smallint(),
    notes: text(),
    // Public feedback only: the email the customer typed, kept as given and never trusted.
    contactEmail: text(),
    customerMatch: customerMatchEnum(),
    // The customer an unverified email matched: shown to staff, counted for nobody until confirmed.
    suggestedCustomerId: uuid().references(() => customers.id, { onDelete: 'set null' }),
    // The comment's words for full-text search, kept by PostgreSQL itself. Language configuration
    // 'english' (stemming, English stop words) until the company settings choose one by locale;
    // see docs/voice-of-customer.md.
    notesSearch: tsvector().generatedAlwaysAs(sql`to_tsvector('english', coalesce(notes, ''))`),
    // Computed from the notes whenever they are written (lib/voice/analyse-comment.ts); null
    // when there is no comment.
    sentiment: sentimentEnum(),
    sentimentScore: real(),
    // The comment's key phrases (lowercase, stop words removed), counted by the themes section.
    commentPhrases: text().array(),
    // The opportunities per interaction its touchpoint had when it was stored, so changing a
    // touchpoint later leaves history as it was (docs/metrics-second-version.md). A trigger
    // (migration interaction-opportunities) fills it from the touchpoint when left at 0, the
    // default, and a check keeps it in 1–1000 once filled.
    opportunities: integer().notNull().default(0),
    // Count of this interaction's non-dismissed defects, kept in the same transaction as the
    // defects, so "defective units" never needs a join (see docs/architecture.md).
    openDefectCount: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('interactions_occurred_at_idx').on(t.occurredAt),
    index('interactions_touchpoint_occurred_idx').on(t.touchpointId, t.occurredAt),
    index('interactions_customer_occurred_idx').on(t.customerId, t.occurredAt),
    index('interactions_logged_by_occurred_idx').on(t.loggedById, t.occurredAt),
    // Feedback awaiting a staff confirmation, found from the customer it may belong to.
    index('interactions_suggested_customer_idx')
      .on(t.suggestedCustomerId)
      .where(sql`${t.customerMatch} = 'unverified'`),
    // Feedback is a small share of all interactions: a partial index finds the latest cheaply.
    index('interactions_feedback_occurred_idx')
      .on(t.occurredAt)
      .where(sql`${t.source} = 'feedback'`),
    index('interactions_notes_search_idx').using('gin', t.notesSearch),
    index('interactions_comment_phrases_idx').using('gin', t.commentPhrases),
    check('interactions_expectation_range', sql`${t.expectation} between 1 and 5`),
    check('interactions_experience_range', sql`${t.experience} between 1 and 5`),
    check('interactions_csat_range', sql`${t.csat} between 1 and 5`),
    check('interactions_nps_range', sql`${t.nps} between 0 and 10`),
    check('interactions_effort_range', sql`${t.effort} between 1 and 7`),
    check('interactions_sale_value_nonnegative', sql`${t.saleValue} >= 0`),
    check('interactions_open_defect_count_nonnegative', sql`${t.openDefectCount} >= 0`),
    // An unverified match belongs to nobody yet; a verified or confirmed one names its customer.
    check(
      'interactions_customer_match_consistent',
      sql`(${t.customerMatch} is distinct from 'unverified' or ${t.customerId} is null) and (${t.customerMatch} not in ('signed_link', 'confirmed') or ${t.customerId} is not null)`,
    ),
  ],
);

/**
 * The feedback inbox's state of one comment (an interaction's notes): who is looking into it and
 * whether a manager has handled it. No row: a new comment nobody has touched.
 */
export const commentReviews = pgTable(
  'comment_reviews',
  {
    interactionId: uuid()
      .primaryKey()
      .references(() => interactions.id, { onDelete: 'cascade' }),
    assigneeId: uuid().references(() => users.id, { onDelete: 'set null' }),
    handledAt: timestamp({ withTimezone: true }),
    handledById: uuid().references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [index('comment_reviews_assignee_idx').on(t.assigneeId)],
);

/**
 * The lifecycle rules, one row (id 1), set by admins (docs/lifecycle.md). A null number turns its
 * rule off.
 */
export const lifecycleSettings = pgTable(
  'lifecycle_settings',
  {
    id: integer().primaryKey().default(1),
    activeOnSale: boolean().notNull().default(true),
    atRiskOnDetractor: boolean().notNull().default(true),
    atRiskOnSevereDefect: boolean().notNull().default(true),
    atRiskAfterDays: integer().default(90),
    advocateAfterPromoters: integer().default(2),
    churnedAfterDays: integer().default(365),
    updatedAt: updatedAt(),
  },
  (t) => [check('lifecycle_settings_one_row', sql`${t.id} = 1`)],
);

/** Every change of a customer's lifecycle, by a rule or by hand, with its reason. */
export const lifecycleChanges = pgTable(
  'customer_lifecycle_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    fromLifecycle: lifecycleEnum(),
    toLifecycle: lifecycleEnum().notNull(),
    /** Which rule moved it (lib/customers/lifecycle-rules.ts), or null when a person did. */
    rule: text(),
    reason: text().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /**
     * When the change happened: the time of the event that caused it (the interaction's or the
     * defect's occurred_at; for the silence rules, last contact + the configured days); the write
     * time for a change by hand.
     */
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the row was written. */
    createdAt: createdAt(),
  },
  (t) => [index('customer_lifecycle_changes_customer_idx').on(t.customerId, t.occurredAt)],
);

export const defectCategories = pgTable(
  'defect_categories',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('defect_categories_name_key').on(lower(t.name))],
);

export const defects = pgTable(
  'defects',
  {
    id: uuid().primaryKey().defaultRandom(),
    touchpointId: uuid()
      .notNull()
      .references(() => touchpoints.id, { onDelete: 'restrict' }),
    interactionId: uuid().references(() => interactions.id, { onDelete: 'cascade' }),
    customerId: uuid().references(() => customers.id, { onDelete: 'set null' }),
    categoryId: uuid()
      .notNull()
      .references(() => defectCategories.id, { onDelete: 'restrict' }),
    kind: defectKindEnum().notNull(),
    severity: severityEnum().notNull().default('minor'),
    lostRevenue: money().notNull().default('0'),
    // For a defect linked to an interaction this equals the interaction's occurred_at.
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    status: defectStatusEnum().notNull().default('open'),
    ownerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    dueOn: date(),
    title: text(),
    description: text(),
    rootCause: text(),
    correctiveAction: text(),
    dismissReason: text(),
    autoRule: autoRuleEnum(),
    // Set once a person edits an auto defect: re-evaluation then leaves it alone.
    touched: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    // The case (investigation) whose corrective action answers for this defect: many to one.
    caseId: uuid().references((): AnyPgColumn => cases.id, { onDelete: 'set null' }),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('defects_case_idx').on(t.caseId),
    uniqueIndex('defects_interaction_rule_key').on(t.interactionId, t.autoRule),
    index('defects_occurred_at_idx').on(t.occurredAt),
    index('defects_touchpoint_occurred_idx').on(t.touchpointId, t.occurredAt),
    index('defects_status_idx').on(t.status),
    index('defects_owner_status_idx').on(t.ownerId, t.status),
    index('defects_category_idx').on(t.categoryId),
    index('defects_customer_idx').on(t.customerId),
    check('defects_lost_revenue_nonnegative', sql`${t.lostRevenue} >= 0`),
    check('defects_version_positive', sql`${t.version} >= 1`),
  ],
);

// The history of a defect: every change and comment, with who and when.
export const defectEvents = pgTable(
  'defect_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    defectId: uuid()
      .notNull()
      .references(() => defects.id, { onDelete: 'cascade' }),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    type: text().notNull(),
    changes: jsonb().$type<Record<string, { from: unknown; to: unknown }>>(),
    comment: text(),
    createdAt: createdAt(),
  },
  (t) => [index('defect_events_defect_idx').on(t.defectId, t.createdAt)],
);

export const caseStatusEnum = pgEnum('case_status', CASE_STATUSES);
export const caseScopeEnum = pgEnum('case_scope', CASE_SCOPES);
export const subgroupEnum = pgEnum('subgroup', SUBGROUPS);

/** The subgroup that raised (or was picked to open) a case, as the chart showed it. */
export interface CaseSignal {
  period: string;
  rule: string | null;
  side: 'above' | 'below' | null;
  n: number;
  d: number;
  p: number | null;
  centre: number | null;
  ucl: number | null;
  lcl: number | null;
}

/** The latest proof of a case's corrective action (see lib/cases/proof.ts). */
export interface CaseVerdict {
  outcome: 'proved' | 'not_effective' | 'pending';
  text: string;
  pValue: number | null;
  test: string | null;
  evaluatedAt: string;
}

/**
 * A case: the investigation of a special cause on a monitored p-chart (docs/cases.md). The chart
 * is the whole company, a stage or a touchpoint (optionally one defect category), on daily or
 * weekly subgroups; the chart key names it, so a second signal finds the open case.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid().primaryKey().defaultRandom(),
    number: integer().generatedAlwaysAsIdentity(),
    title: text().notNull(),
    chartKey: text().notNull(),
    scope: caseScopeEnum().notNull(),
    stageId: uuid().references(() => journeyStages.id, { onDelete: 'restrict' }),
    touchpointId: uuid().references(() => touchpoints.id, { onDelete: 'restrict' }),
    categoryId: uuid().references(() => defectCategories.id, { onDelete: 'restrict' }),
    subgroup: subgroupEnum().notNull().default('day'),
    // 'signal' when a monitored chart opened it, 'manual' when a manager did.
    origin: text().notNull(),
    signal: jsonb().$type<CaseSignal>(),
    status: caseStatusEnum().notNull().default('open'),
    ownerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    rootCause: text(),
    correctiveAction: text(),
    // T: the first day the corrective action is in force; the proof compares before and from it.
    effectiveOn: date(),
    closeReason: text(),
    verdict: jsonb().$type<CaseVerdict>(),
    version: integer().notNull().default(1),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('cases_number_key').on(t.number),
    index('cases_chart_status_idx').on(t.chartKey, t.status),
    index('cases_status_idx').on(t.status),
    index('cases_owner_status_idx').on(t.ownerId, t.status),
    check('cases_version_positive', sql`${t.version} >= 1`),
    check('cases_origin_known', sql`${t.origin} in ('signal', 'manual')`),
  ],
);

/** Every signal a monitored chart raised, once per chart and subgroup, with the case it went to. */
export const caseSignals = pgTable(
  'case_signals',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    chartKey: text().notNull(),
    period: date().notNull(),
    signal: jsonb().$type<CaseSignal>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('case_signals_chart_period_key').on(t.chartKey, t.period),
    index('case_signals_case_idx').on(t.caseId),
  ],
);

/** The history of a case: every change and comment, with who and when (null: the nightly evaluation). */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    type: text().notNull(),
    changes: jsonb().$type<Record<string, { from: unknown; to: unknown }>>(),
    comment: text(),
    createdAt: createdAt(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.createdAt)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    // The first characters of the key, shown in lists so a key can be recognised.
    prefix: text().notNull(),
    secretHash: text().notNull(),
    scopes: text().array().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_secret_hash_key').on(t.secretHash)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    // Kept as text so the log still says who acted after the user is gone.
    actorLabel: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_events_created_at_idx').on(t.createdAt),
    index('audit_events_action_created_idx').on(t.action, t.createdAt),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
  ],
);

// One row per accepted (or honeypot-caught) public feedback submission, keyed by a keyed hash of
// the sender's address, never the address itself: the feedback form's rate limit, shared by every
// app instance. Rows past the window are pruned as new ones arrive.
export const feedbackRateHits = pgTable(
  'feedback_rate_hits',
  {
    id: uuid().primaryKey().defaultRandom(),
    addressHash: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('feedback_rate_hits_address_created_idx').on(t.addressHash, t.createdAt),
    index('feedback_rate_hits_created_at_idx').on(t.createdAt),
  ],
);

/*
 * Rollups for the dashboard (docs/architecture.md), kept exact by database triggers on
 * interactions, defects and customers (migration 0004_metric-rollup-triggers), so every write path
 * (forms, API, imports, defect triage, edits, deletes) updates them in its own transaction without
 * knowing they exist. Days are UTC. A null segment is "no customer, or a customer without a
 * segment". Opportunities are not stored: they are units × the touchpoint's current
 * opportunities per interaction, as the definition asks.
 */

/** Interactions and their non-dismissed defects per day × touchpoint × segment. */
export const metricsDaily = pgTable(
  'metrics_daily',
  {
    day: date().notNull(),
    touchpointId: uuid().notNull(),
    segmentId: uuid(),
    units: integer().notNull().default(0),
    opportunities: integer().notNull().default(0),
    defectiveUnits: integer().notNull().default(0),
    csatResponses: integer().notNull().default(0),
    csatSatisfied: integer().notNull().default(0),
    npsResponses: integer().notNull().default(0),
    promoters: integer().notNull().default(0),
    detractors: integer().notNull().default(0),
    effortResponses: integer().notNull().default(0),
    effortSum: integer().notNull().default(0),
    gapResponses: integer().notNull().default(0),
    gapSum: integer().notNull().default(0),
    defects: integer().notNull().default(0),
    // Unbounded: a sum of many values each up to MAX_MONEY (lib/validation) must never overflow.
    lostRevenue: numeric().notNull().default('0'),
  },
  (t) => [unique('metrics_daily_key').on(t.day, t.touchpointId, t.segmentId).nullsNotDistinct()],
);

/** Non-dismissed defects per day × touchpoint × segment × category, for the Pareto. */
export const defectCategoryDaily = pgTable(
  'defect_category_daily',
  {
    day: date().notNull(),
    touchpointId: uuid().notNull(),
    segmentId: uuid(),
    categoryId: uuid().notNull(),
    defects: integer().notNull().default(0),
    // Unbounded: a sum of many values each up to MAX_MONEY (lib/validation) must never overflow.
    lostRevenue: numeric().notNull().default('0'),
  },
  (t) => [unique('defect_category_daily_key').on(t.day, t.touchpointId, t.segmentId, t.categoryId).nullsNotDistinct()],
);

// ---- Notifications and integrations ----------------------------------------------------------

// The durable outbox: every event is written in the same transaction as the change that caused it.
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_events_created_idx').on(t.createdAt)],
);

export const jobStatusEnum = pgEnum('job_status', JOB_STATUSES);

// The queue the job runner works through: event dispatch, mail, webhook deliveries, scheduled jobs.
export const jobs = pgTable(
  'jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: jobStatusEnum().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(10),
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // A running job whose runner died is taken again once this has passed.
    lockedUntil: timestamp({ withTimezone: true }),
    // No retry is scheduled after this (webhooks: 24 hours after the first attempt).
    expiresAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: createdAt(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('jobs_due_idx').on(t.status, t.runAt), index('jobs_finished_idx').on(t.finishedAt)],
);

// One row per runner role: the instance holding an unexpired lease is the one that runs jobs.
export const jobRunnerLeases = pgTable('job_runner_leases', {
  name: text().primaryKey(),
  holder: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  acquiredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastRunAt: timestamp({ withTimezone: true }),
});

export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text().primaryKey(),
  nextRunAt: timestamp({ withTimezone: true }).notNull(),
  lastRunAt: timestamp({ withTimezone: true }),
});

export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    eventId: uuid(),
    type: text().notNull(),
    title: text().notNull(),
    body: text(),
    href: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    uniqueIndex('notifications_event_user_key').on(t.eventId, t.userId, t.type),
  ],
);

// A row only where a user departed from the defaults (lib/notifications/preferences.ts).
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    inApp: boolean().notNull(),
    email: boolean().notNull(),
  },
  (t) => [unique('notification_preferences_user_type_key').on(t.userId, t.type)],
);

export const mailStatusEnum = pgEnum('mail_status', MAIL_STATUSES);

// Every message, sent or not: without SMTP it stays here ("kept") for admins to read.
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    toAddress: text().notNull(),
    kind: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    unsubscribeUrl: text(),
    status: mailStatusEnum().notNull().default('queued'),
    error: text(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('mail_messages_created_idx').on(t.createdAt)],
);

export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: uuid().primaryKey().defaultRandom(),
  url: text().notNull(),
  description: text(),
  eventTypes: text().array().notNull(),
  // Needed in clear to sign; shown to the admin once, when created.
  secret: text().notNull(),
  active: boolean().notNull().default(true),
  // Set at the first failure after a success; the endpoint is disabled when it lasts too long.
  failingSince: timestamp({ withTimezone: true }),
  disabledAt: timestamp({ withTimezone: true }),
  disabledReason: text(),
  createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const webhookDeliveryStatusEnum = pgEnum('webhook_delivery_status', WEBHOOK_DELIVERY_STATUSES);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    // The `webhook-id` header: the event's id, the same on every retry and redelivery.
    eventId: uuid().notNull(),
    eventType: text().notNull(),
    body: text().notNull(),
    status: webhookDeliveryStatusEnum().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    responseStatus: integer(),
    latencyMs: integer(),
    responseExcerpt: text(),
    error: text(),
    createdAt: createdAt(),
    lastAttemptAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt)],
);

// A single row of integration settings an admin can change.
export const integrationSettings = pgTable(
  'integration_settings',
  {
    id: smallint().primaryKey().default(1),
    allowPrivateWebhookTargets: boolean().notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [check('integration_settings_single_row', sql`${t.id} = 1`)],
);

export type User = typeof users.$inferSelect;
export type JourneyStage = typeof journeyStages.$inferSelect;
export type Touchpoint = typeof touchpoints.$inferSelect;
export type NewTouchpoint = typeof touchpoints.$inferInsert;
export type Segment = typeof segments.$inferSelect;
export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
export type Interaction = typeof interactions.$inferSelect;
export type CommentReview = typeof commentReviews.$inferSelect;
export type LifecycleSettings = typeof lifecycleSettings.$inferSelect;
export type NewInteraction = typeof interactions.$inferInsert;
export type DefectCategory = typeof defectCategories.$inferSelect;
export type Defect = typeof defects.$inferSelect;
export type NewDefect = typeof defects.$inferInsert;
export type DefectEvent = typeof defectEvents.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type Case = typeof cases.$inferSelect;
export type CaseEvent = typeof caseEvents.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type OutboxEvent = typeof outboxEvents.$inferSelect;
export type Job = typeof jobs.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type MailMessage = typeof mailMessages.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
