/**
 * Every enumerated value the app stores, with the words the UI shows for it. Client-safe: it
 * imports nothing, so forms and client components take their choices from here without pulling
 * the Drizzle tables into a browser bundle. `db/schema.ts` builds its PostgreSQL enums from these
 * lists, so the database and the forms cannot drift; adding a value here needs a migration.
 */

export const ROLES = ['admin', 'manager', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export const CHANNELS = [
  'in_person',
  'phone',
  'email',
  'web',
  'chat',
  'social',
  'mail',
  'advertising',
  'other',
] as const;

export const CUSTOMER_MATCHES = ['signed_link', 'unverified', 'confirmed', 'rejected'] as const;

export const LIFECYCLES = ['prospect', 'active', 'at_risk', 'churned', 'advocate'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

/** A comment's sentiment (lib/voice/analyse-comment.ts). */
export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** Where an interaction came from. */
export const SOURCES = ['staff', 'feedback', 'import', 'api'] as const;

export const OUTCOMES = ['none', 'resolved', 'unresolved', 'sale_won', 'sale_lost', 'escalated'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const DEFECT_KINDS = ['lost_sale', 'below_expectation', 'low_satisfaction', 'complaint', 'process'] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];

export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DEFECT_STATUSES = ['open', 'investigating', 'action', 'verified', 'closed', 'dismissed'] as const;
export type DefectStatus = (typeof DEFECT_STATUSES)[number];

/** Statuses past their due date's reach: verified defects wait only for a manager to close them. */
export const NOT_DUE_STATUSES: readonly DefectStatus[] = ['verified', 'closed', 'dismissed'];

/** Which auto-defect rule raised a defect; manual defects have none. */
export const AUTO_RULES = ['lost_sale', 'below_expectation', 'low_csat', 'low_nps'] as const;
export type AutoRule = (typeof AUTO_RULES)[number];

/** The case workflow (docs/cases.md). */
export const CASE_STATUSES = [
  'open',
  'investigating',
  'action',
  'monitoring',
  'proved',
  'not_effective',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_SCOPES = ['company', 'stage', 'touchpoint'] as const;
export const SUBGROUPS = ['day', 'week'] as const;

export const JOB_STATUSES = ['pending', 'running', 'done', 'dead'] as const;
export const MAIL_STATUSES = ['queued', 'sent', 'kept', 'failed'] as const;
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'dead'] as const;
