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
/** A text search configuration's name ('english', 'german', …). */
const regconfig = customType<{ data: string }>({ dataType: () => 'regconfig' });

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
    /** The user's UI language ('en', 'de'); null follows the company's locale. */
    language: text(),
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
    // The language the comment is indexed in: the company locale's text search configuration
    // when the notes were written (this default on insert; a BEFORE UPDATE OF notes trigger on a
    // change of the notes, migration search-config-default), moved to a new locale's by the
    // reindex-comment-search job. Never written by the app. See docs/voice-of-customer.md.
    searchConfig: regconfig()
      .notNull()
      .default(sql`company_search_config()`),
    // The comment's words for full-text search, kept by PostgreSQL itself in that language.
    notesSearch: tsvector().generatedAlwaysAs(sql`to_tsvector(search_config, coalesce(notes, ''))`),
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

// ---- Voice-of-customer and portfolio rollups ---------------------------------------------------
/*
 * Kept exact by database triggers generated from db/voice-rollup-sql.ts, like the dashboard's
 * rollups: writers append delta rows (delta = true), fold_voice_rollups() (a job every minute)
 * moves them into one folded row per key, readers always sum. The unique indexes on the folded
 * rows (<table>_key, NULLS NOT DISTINCT) are created by the voice-rollups migration, beside the
 * fold that relies on them. A null segment is "no customer, or a customer without a segment".
 */

/** Key phrases of unhappy comments (the keyword themes) per day × touchpoint × segment × phrase. */
export const commentPhraseDaily = pgTable(
  'comment_phrase_daily',
  {
    day: date().notNull(),
    touchpointId: uuid().notNull(),
    segmentId: uuid(),
    phrase: text().notNull(),
    comments: integer().notNull(),
    delta: boolean().notNull().default(true),
  },
  (t) => [
    index('comment_phrase_daily_day_idx').on(t.day),
    // A theme's touchpoints: the rows of a dozen phrases over the period.
    index('comment_phrase_daily_phrase_idx').on(t.phrase, t.day),
  ],
);

/** The same per day × phrase only: the days around whole months of an unscoped period. */
export const commentPhraseDailyTotal = pgTable(
  'comment_phrase_daily_total',
  {
    day: date().notNull(),
    phrase: text().notNull(),
    comments: integer().notNull(),
    delta: boolean().notNull().default(true),
  },
  (t) => [index('comment_phrase_daily_total_day_idx').on(t.day)],
);

/** The same per month × phrase: the unscoped themes of long periods read whole months here. */
export const commentPhraseMonthly = pgTable(
  'comment_phrase_monthly',
  {
    month: date().notNull(),
    phrase: text().notNull(),
    comments: integer().notNull(),
    delta: boolean().notNull().default(true),
  },
  (t) => [index('comment_phrase_monthly_month_idx').on(t.month)],
);

/** Per month × touchpoint × phrase: a theme's touchpoints, and themes scoped by touchpoint, stage or channel. */
export const commentPhraseMonthlyTouchpoint = pgTable(
  'comment_phrase_monthly_touchpoint',
  {
    month: date().notNull(),
    touchpointId: uuid().notNull(),
    phrase: text().notNull(),
    comments: integer().notNull(),
    delta: boolean().notNull().default(true),
  },
  (t) => [
    index('comment_phrase_monthly_touchpoint_month_idx').on(t.month),
    index('comment_phrase_monthly_touchpoint_phrase_idx').on(t.phrase, t.month),
  ],
);

/** Per month × segment × phrase: themes scoped by segment. */
export const commentPhraseMonthlySegment = pgTable(
  'comment_phrase_monthly_segment',
  {
    month: date().notNull(),
    segmentId: uuid(),
    phrase: text().notNull(),
    comments: integer().notNull(),
    delta: boolean().notNull().default(true),
  },
  (t) => [index('comment_phrase_monthly_segment_month_idx').on(t.month)],
);

/** Per month × touchpoint × segment × phrase: a theme's touchpoints within a segment, and scopes by both. */
export const commentPhraseMonthlyDetail = pgTable(
  'comment_phrase_monthly_detail',
  {
    month: date().notNull(),
    touchpointId: uuid().notNull(),
    segmentId: uuid(),
    phrase: text().notNull(),
    comments: integer().notNull(),
    delta: boolean().notNull().default(true),
  },
  (t) => [
    index('comment_phrase_monthly_detail_month_idx').on(t.month),
    index('comment_phrase_monthly_detail_phrase_idx').on(t.phrase, t.month),
  ],
);

/**
 * The portfolio's cells per day × the customer's segment × the customer's lifecycle (both as they
 * are now): customers' interactions (revenue won, NPS answers) and non-dismissed defects.
 */
export const portfolioDaily = pgTable(
  'portfolio_daily',
  {
    day: date().notNull(),
    segmentId: uuid(),
    lifecycle: lifecycleEnum().notNull(),
    // Unbounded: sums of many money values must never overflow.
    revenueWon: numeric().notNull().default('0'),
    npsResponses: integer().notNull().default(0),
    promoters: integer().notNull().default(0),
    detractors: integer().notNull().default(0),
    lostRevenue: numeric().notNull().default('0'),
    delta: boolean().notNull().default(true),
  },
  (t) => [index('portfolio_daily_day_idx').on(t.day)],
);

/** Retention: customers of a first-contact cohort (month) with contact in a month. */
export const retentionMonthly = pgTable(
  'retention_monthly',
  {
    cohort: date().notNull(),
    month: date().notNull(),
    customers: integer().notNull(),
    delta: boolean().notNull().default(true),
  },
  (t) => [index('retention_monthly_cohort_idx').on(t.cohort, t.month)],
);

/**
 * Defection's base as steps: the running sum of `customers` over the months up to M is the number
 * of customers with contact in the 365 days before M began (docs/portfolio.md).
 */
export const defectionBaseSteps = pgTable(
  'defection_base_steps',
  {
    month: date().notNull(),
    customers: integer().notNull(),
    delta: boolean().notNull().default(true),
  },
  (t) => [index('defection_base_steps_month_idx').on(t.month)],
);

/**
 * The company's own settings, one row (id 1), set by admins: the name shown in the shell, emails
 * and the feedback page; the ISO 4217 currency of every amount; the IANA time zone whose calendar
 * days, weeks and months every rollup, filter and chart counts in; the BCP 47 locale that
 * formats numbers and dates and picks the default language; the first day of the week (1 = Monday
 * … 7 = Sunday, as ISO 8601 numbers them).
 */
export const companySettings = pgTable(
  'company_settings',
  {
    id: integer().primaryKey().default(1),
    name: text().notNull().default('OutsideIn'),
    currency: text().notNull().default('GBP'),
    timeZone: text().notNull().default('UTC'),
    locale: text().notNull().default('en-GB'),
    weekStart: integer().notNull().default(1),
    /*
     * A time zone change in progress (docs/settings.md "Time zone"): the zone asked for, the zone
     * the shadow rollups are being built in (set while they exist, so the triggers feed them too),
     * and the rebuild's progress in rollup tables done of total, or its error.
     */
    pendingTimeZone: text(),
    rebuildTimeZone: text(),
    rebuildDone: integer().notNull().default(0),
    rebuildTotal: integer().notNull().default(0),
    rebuildError: text(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('company_settings_one_row', sql`${t.id} = 1`),
    check('company_settings_week_start', sql`${t.weekStart} BETWEEN 1 AND 7`),
    check('company_settings_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
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
    // The backlog cards count the defects recorded on the day an age boundary falls in.
    index('defects_created_at_idx').on(t.createdAt),
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
  (t) => [
    index('defect_events_defect_idx').on(t.defectId, t.createdAt),
    // The backlog cards' closes of the last 60 days, without reading every other event.
    index('defect_events_closed_idx')
      .on(t.createdAt)
      .where(sql`(${t.changes} -> 'status' ->> 'to') = 'closed'`),
  ],
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
 * Rollups for the dashboard (docs/performance.md), kept exact by database triggers on
 * interactions, defects and customers (generated by db/rollup-sql.ts), so every write path
 * (forms, API, imports, defect triage, edits, deletes) updates them in its own transaction without
 * knowing they exist. Days and months are UTC. A null segment is "no customer, or a customer
 * without a segment".
 *
 * A key may have several rows: writers append delta rows (delta = true) and a fold moves them into
 * the key's one folded row. Readers always sum. The unique index on the folded rows
 * (<table>_key, NULLS NOT DISTINCT) is created by the rollup migration, beside the fold that
 * relies on it.
 */

const interactionMeasures = () => ({
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
});

const defectMeasures = () => ({
  defects: integer().notNull().default(0),
  // Unbounded: a sum of many values each up to MAX_MONEY (lib/validation) must never overflow.
  lostRevenue: numeric().notNull().default('0'),
});

/** Interactions and their non-dismissed defects per day × touchpoint × segment. */
export const metricsDaily = pgTable(
  'metrics_daily',
  {
    day: date().notNull(),
    touchpointId: uuid().notNull(),
    segmentId: uuid(),
    ...interactionMeasures(),
    ...defectMeasures(),
    delta: boolean().notNull().default(true),
  },
  (t) => [index('metrics_daily_day_idx').on(t.day, t.touchpointId, t.segmentId)],
);

/** The same per month (its first day): a year's dashboard reads 12 months, not 365 days. */
export const metricsMonthly = pgTable(
  'metrics_monthly',
  {
    month: date().notNull(),
    touchpointId: uuid().notNull(),
    segmentId: uuid(),
    ...interactionMeasures(),
    ...defectMeasures(),
    delta: boolean().notNull().default(true),
  },
  (t) => [index('metrics_monthly_month_idx').on(t.month, t.touchpointId, t.segmentId)],
);

/** Non-dismissed defects per day × touchpoint × segment × category, for the Pareto. */
export const defectCategoryDaily = pgTable(
  'defect_category_daily',
  {
    day: date().notNull(),
    touchpointId: uuid().notNull(),
    segmentId: uuid(),
    categoryId: uuid().notNull(),
    ...defectMeasures(),
    delta: boolean().notNull().default(true),
  },
  (t) => [index('defect_category_daily_day_idx').on(t.day, t.touchpointId, t.segmentId, t.categoryId)],
);

/** The Pareto's rollup per month: defects and lost revenue only, by category. */
export const defectCategoryMonthly = pgTable(
  'defect_category_monthly',
  {
    month: date().notNull(),
    touchpointId: uuid().notNull(),
    segmentId: uuid(),
    categoryId: uuid().notNull(),
    ...defectMeasures(),
    delta: boolean().notNull().default(true),
  },
  (t) => [index('defect_category_monthly_month_idx').on(t.month, t.touchpointId, t.segmentId, t.categoryId)],
);

/** The trend's four measures per day × touchpoint, without the segment: the trend by day over long periods. */
export const trendDaily = pgTable(
  'trend_daily',
  {
    day: date().notNull(),
    touchpointId: uuid().notNull(),
    units: integer().notNull().default(0),
    opportunities: integer().notNull().default(0),
    defectiveUnits: integer().notNull().default(0),
    defects: integer().notNull().default(0),
    delta: boolean().notNull().default(true),
  },
  // The measures are in the index too, so a year by day (~10,000 rows at any volume) is read from
  // the index alone; its prepared, generic plan chose this index and paid a heap visit per row.
  (t) => [
    index('trend_daily_covering_idx').on(t.day, t.touchpointId, t.units, t.opportunities, t.defectiveUnits, t.defects),
  ],
);

/**
 * The trend's measures per day for the whole company: the unfiltered dashboard's trend by day or
 * week reads one row per day (plus unfolded deltas) instead of one per day × touchpoint.
 */
export const trendTotalDaily = pgTable(
  'trend_total_daily',
  {
    day: date().notNull(),
    units: integer().notNull().default(0),
    opportunities: integer().notNull().default(0),
    defectiveUnits: integer().notNull().default(0),
    defects: integer().notNull().default(0),
    delta: boolean().notNull().default(true),
  },
  (t) => [index('trend_total_daily_day_idx').on(t.day)],
);

/** The unfiltered Pareto's rollup per day: defects and lost revenue by category only. */
export const categoryTotalDaily = pgTable(
  'category_total_daily',
  {
    day: date().notNull(),
    categoryId: uuid().notNull(),
    ...defectMeasures(),
    delta: boolean().notNull().default(true),
  },
  (t) => [index('category_total_daily_day_idx').on(t.day, t.categoryId)],
);

/** The same per month: a year's unfiltered Pareto reads about 12 × categories rows. */
export const categoryTotalMonthly = pgTable(
  'category_total_monthly',
  {
    month: date().notNull(),
    categoryId: uuid().notNull(),
    ...defectMeasures(),
    delta: boolean().notNull().default(true),
  },
  (t) => [index('category_total_monthly_month_idx').on(t.month, t.categoryId)],
);

/**
 * Every defect by the UTC day it was recorded, status, due date and whether it has an owner: the
 * dashboard's backlog cards (open, overdue, unassigned, by age, opened in 30 days) read this
 * instead of counting every open defect. Its unique key (NULLS NOT DISTINCT) is created with the
 * triggers (db/rollup-sql.ts), which keep it.
 */
export const defectBacklogDaily = pgTable('defect_backlog_daily', {
  raisedOn: date().notNull(),
  status: defectStatusEnum().notNull(),
  dueOn: date(),
  assigned: boolean().notNull(),
  defects: integer().notNull().default(0),
  delta: boolean().notNull().default(true),
});

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

// Secrets every app instance on this database must share, generated once by the first instance
// (lib/auth/secret.ts): the signing key of sessions and tokens when AUTH_SECRET is not set.
export const appSecrets = pgTable('app_secrets', {
  name: text().primaryKey(),
  value: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
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
    /** The title and body in the recipient's language when it was written (rows before 0018 have only these). */
    title: text().notNull(),
    body: text(),
    /** The event's facts the texts are written from, so the list translates them for its reader. */
    params: jsonb().$type<Record<string, string | number | null>>(),
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
export type CompanySettings = typeof companySettings.$inferSelect;
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
