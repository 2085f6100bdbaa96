/**
 * Every enumerated value the app stores, with the words the UI shows for it. Client-safe: it
 * imports nothing, so forms and client components take their choices from here without pulling
 * the Drizzle tables into a browser bundle. `db/schema.ts` builds its PostgreSQL enums from these
 * lists, so the database and the forms cannot drift; adding a value here needs a migration.
 */

/** Labels by value; also readable with any string (a stored value, a query parameter), giving undefined for unknown ones. */
type Labels<K extends string> = Record<K, string> & Partial<Record<string, string>>;

export const ROLES = ['admin', 'manager', 'staff'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Labels<Role> = { admin: 'Admin', manager: 'Manager', staff: 'Staff' };

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
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Labels<Channel> = {
  in_person: 'In person',
  phone: 'Phone',
  email: 'Email',
  web: 'Web',
  chat: 'Chat',
  social: 'Social media',
  mail: 'Mail',
  advertising: 'Advertising',
  other: 'Other',
};

export const CUSTOMER_MATCHES = ['signed_link', 'unverified', 'confirmed', 'rejected'] as const;

export const LIFECYCLES = ['prospect', 'active', 'at_risk', 'churned', 'advocate'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];
export const LIFECYCLE_LABELS: Labels<Lifecycle> = {
  prospect: 'Prospect',
  active: 'Active',
  at_risk: 'At risk',
  churned: 'Churned',
  advocate: 'Advocate',
};

/** A comment's sentiment (lib/voice/analyse-comment.ts). */
export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];
export const SENTIMENT_LABELS: Labels<Sentiment> = { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' };

/** Where an interaction came from. */
export const SOURCES = ['staff', 'feedback', 'import', 'api'] as const;
export type Source = (typeof SOURCES)[number];
export const SOURCE_LABELS: Labels<Source> = {
  staff: 'Staff',
  feedback: 'Feedback',
  import: 'Import',
  api: 'API',
};

export const OUTCOMES = ['none', 'resolved', 'unresolved', 'sale_won', 'sale_lost', 'escalated'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Labels<Outcome> = {
  none: 'No outcome',
  resolved: 'Resolved',
  unresolved: 'Unresolved',
  sale_won: 'Sale won',
  sale_lost: 'Sale lost',
  escalated: 'Escalated',
};

export const DEFECT_KINDS = ['lost_sale', 'below_expectation', 'low_satisfaction', 'complaint', 'process'] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];
export const KIND_LABELS: Labels<DefectKind> = {
  lost_sale: 'Lost sale',
  below_expectation: 'Below expectation',
  low_satisfaction: 'Low satisfaction',
  complaint: 'Complaint',
  process: 'Process failure',
};

export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Labels<Severity> = { minor: 'Minor', major: 'Major', critical: 'Critical' };

export const DEFECT_STATUSES = ['open', 'investigating', 'action', 'verified', 'closed', 'dismissed'] as const;
export type DefectStatus = (typeof DEFECT_STATUSES)[number];
export const DEFECT_STATUS_LABELS: Labels<DefectStatus> = {
  open: 'Open',
  investigating: 'Investigating',
  action: 'Action',
  verified: 'Verified',
  closed: 'Closed',
  dismissed: 'Dismissed',
};

/** Which auto-defect rule raised a defect; manual defects have none. */
export const AUTO_RULES = ['lost_sale', 'below_expectation', 'low_csat', 'low_nps'] as const;
export type AutoRule = (typeof AUTO_RULES)[number];
export const AUTO_RULE_LABELS: Labels<AutoRule> = {
  lost_sale: 'Lost-sale rule',
  below_expectation: 'Below-expectation rule',
  low_csat: 'Low-CSAT rule',
  low_nps: 'Low-NPS rule',
};

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
export const CASE_STATUS_LABELS: Labels<CaseStatus> = {
  open: 'Open',
  investigating: 'Investigating',
  action: 'Action',
  monitoring: 'Monitoring',
  proved: 'Proved',
  not_effective: 'Not effective',
  closed: 'Closed',
};

export const CASE_SCOPES = ['company', 'stage', 'touchpoint'] as const;
export const SUBGROUPS = ['day', 'week'] as const;

export const JOB_STATUSES = ['pending', 'running', 'done', 'dead'] as const;
export const MAIL_STATUSES = ['queued', 'sent', 'kept', 'failed'] as const;
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'dead'] as const;
