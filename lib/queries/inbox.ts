import 'server-only';
import { and, count, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { commentReviews, customers, interactions, journeyStages, touchpoints, users } from '@/db/schema';
import type { InteractionFilters } from '@/lib/validation/filters';
import type { InboxParams } from '@/lib/validation/inbox';
import { interactionConditions } from './filter-conditions';

export const INBOX_PAGE_SIZE = 25;

const assignees = alias(users, 'assignees');
const handlers = alias(users, 'handlers');

/**
 * The feedback inbox: commented interactions as filtered, newest first, with their review state.
 * `state` new: nobody has handled it yet; handled; or all.
 */
export async function listInbox({
  filters,
  params,
  userId,
}: {
  filters: InteractionFilters;
  params: InboxParams;
  userId: string;
}) {
  const db = await getDb();
  const conditions: (SQL | undefined)[] = [
    interactionConditions({ ...filters, commented: '1' }),
    params.state === 'new' ? isNull(commentReviews.handledAt) : undefined,
    params.state === 'handled' ? isNotNull(commentReviews.handledAt) : undefined,
    params.assigned === 'me' ? eq(commentReviews.assigneeId, userId) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: interactions.id,
        occurredAt: interactions.occurredAt,
        notes: interactions.notes,
        sentiment: interactions.sentiment,
        sentimentScore: interactions.sentimentScore,
        nps: interactions.nps,
        csat: interactions.csat,
        expectation: interactions.expectation,
        experience: interactions.experience,
        source: interactions.source,
        touchpointId: interactions.touchpointId,
        touchpointName: touchpoints.name,
        stageName: journeyStages.name,
        customerId: interactions.customerId,
        customerName: customers.name,
        openDefectCount: interactions.openDefectCount,
        assigneeId: commentReviews.assigneeId,
        assigneeName: assignees.name,
        handledAt: commentReviews.handledAt,
        handledByName: handlers.name,
      })
      .from(interactions)
      .innerJoin(touchpoints, eq(touchpoints.id, interactions.touchpointId))
      .innerJoin(journeyStages, eq(journeyStages.id, touchpoints.stageId))
      .leftJoin(customers, eq(customers.id, interactions.customerId))
      .leftJoin(commentReviews, eq(commentReviews.interactionId, interactions.id))
      .leftJoin(assignees, eq(assignees.id, commentReviews.assigneeId))
      .leftJoin(handlers, eq(handlers.id, commentReviews.handledById))
      .where(where)
      .orderBy(desc(interactions.occurredAt), desc(interactions.id))
      .limit(INBOX_PAGE_SIZE)
      .offset((params.page - 1) * INBOX_PAGE_SIZE),
    db
      .select({ n: count() })
      .from(interactions)
      .leftJoin(commentReviews, eq(commentReviews.interactionId, interactions.id))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0, pageSize: INBOX_PAGE_SIZE };
}

/** Managers and admins who can be given a comment, for the assign menu. */
export async function listInboxAssignees() {
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.active, true), sql`${users.role} in ('manager', 'admin')`))
    .orderBy(users.name);
}
