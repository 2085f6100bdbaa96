import 'server-only';
import { and, asc, count, desc, eq, gte, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { customers, interactions, journeyStages, touchpoints } from '@/db/schema';
import { FEEDBACK_TOKEN_PATTERN } from '@/lib/validation/feedback';

export interface PublicFeedbackTouchpoint {
  /** For checking a personalised link's signed customer token on the server; never rendered. */
  id: string;
  name: string;
  question: string | null;
}

/**
 * What the public page may show for a token: the touchpoint's name and question, nothing else.
 * Null when the token is malformed, unknown, rotated away or switched off.
 */
export async function findPublicFeedbackTouchpoint({
  token,
}: {
  token: string;
}): Promise<PublicFeedbackTouchpoint | null> {
  if (!FEEDBACK_TOKEN_PATTERN.test(token)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: touchpoints.id, name: touchpoints.name, question: touchpoints.feedbackQuestion })
    .from(touchpoints)
    .where(
      and(eq(touchpoints.feedbackToken, token), eq(touchpoints.feedbackEnabled, true), eq(touchpoints.active, true)),
    )
    .limit(1);
  return row ?? null;
}

export const FEEDBACK_RESPONSE_DAYS = 30;

export interface FeedbackLinkRow {
  id: string;
  name: string;
  stageName: string;
  active: boolean;
  enabled: boolean;
  token: string | null;
  question: string | null;
  responses: number;
}

/** Every touchpoint with its feedback link's state and its feedback count over the last 30 days. */
export async function listFeedbackLinks(): Promise<FeedbackLinkRow[]> {
  const db = await getDb();
  const recent = db
    .select({ touchpointId: interactions.touchpointId, responses: count().as('responses') })
    .from(interactions)
    .where(
      and(
        eq(interactions.source, 'feedback'),
        gte(interactions.occurredAt, sql`now() - make_interval(days => ${FEEDBACK_RESPONSE_DAYS})`),
      ),
    )
    .groupBy(interactions.touchpointId)
    .as('recent');
  return db
    .select({
      id: touchpoints.id,
      name: touchpoints.name,
      stageName: journeyStages.name,
      active: touchpoints.active,
      enabled: touchpoints.feedbackEnabled,
      token: touchpoints.feedbackToken,
      question: touchpoints.feedbackQuestion,
      responses: sql<number>`coalesce(${recent.responses}, 0)`.mapWith(Number),
    })
    .from(touchpoints)
    .innerJoin(journeyStages, eq(journeyStages.id, touchpoints.stageId))
    .leftJoin(recent, eq(recent.touchpointId, touchpoints.id))
    .orderBy(asc(journeyStages.position), asc(touchpoints.name));
}

/** The link a QR code encodes: only for a touchpoint whose link is switched on. */
export async function findEnabledFeedbackLink({
  touchpointId,
}: {
  touchpointId: string;
}): Promise<{ name: string; token: string } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ name: touchpoints.name, token: touchpoints.feedbackToken })
    .from(touchpoints)
    .where(and(eq(touchpoints.id, touchpointId), eq(touchpoints.feedbackEnabled, true)))
    .limit(1);
  return row?.token ? { name: row.name, token: row.token } : null;
}

export interface RecentFeedback {
  id: string;
  occurredAt: Date;
  touchpointName: string;
  customerName: string | null;
  expectation: number | null;
  experience: number | null;
  csat: number | null;
  nps: number | null;
  effort: number | null;
  comment: string | null;
  openDefectCount: number;
}

/** The latest feedback from the public pages, newest first. */
export async function listRecentFeedback({ limit = 10 }: { limit?: number } = {}): Promise<RecentFeedback[]> {
  const db = await getDb();
  return db
    .select({
      id: interactions.id,
      occurredAt: interactions.occurredAt,
      touchpointName: touchpoints.name,
      customerName: customers.name,
      expectation: interactions.expectation,
      experience: interactions.experience,
      csat: interactions.csat,
      nps: interactions.nps,
      effort: interactions.effort,
      comment: interactions.notes,
      openDefectCount: interactions.openDefectCount,
    })
    .from(interactions)
    .innerJoin(touchpoints, eq(touchpoints.id, interactions.touchpointId))
    .leftJoin(customers, eq(customers.id, interactions.customerId))
    .where(eq(interactions.source, 'feedback'))
    .orderBy(desc(interactions.occurredAt), desc(interactions.id))
    .limit(limit);
}

/** Touchpoints whose public feedback link is on: the ones a personalised link can be made for. */
export async function listLiveFeedbackTouchpoints(): Promise<{ id: string; name: string }[]> {
  const db = await getDb();
  return db
    .select({ id: touchpoints.id, name: touchpoints.name })
    .from(touchpoints)
    .where(and(eq(touchpoints.feedbackEnabled, true), eq(touchpoints.active, true)))
    .orderBy(asc(touchpoints.name));
}

export const UNVERIFIED_FEEDBACK_LIMIT = 20;

/** Feedback whose typed email matched this customer, still waiting for a member of staff to confirm. */
export async function listUnverifiedFeedbackFor(customerId: string) {
  const db = await getDb();
  return db
    .select({
      id: interactions.id,
      occurredAt: interactions.occurredAt,
      touchpointName: touchpoints.name,
      contactEmail: interactions.contactEmail,
    })
    .from(interactions)
    .innerJoin(touchpoints, eq(touchpoints.id, interactions.touchpointId))
    .where(and(eq(interactions.suggestedCustomerId, customerId), eq(interactions.customerMatch, 'unverified')))
    .orderBy(desc(interactions.occurredAt))
    .limit(UNVERIFIED_FEEDBACK_LIMIT);
}
