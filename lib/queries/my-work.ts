import 'server-only';
import { and, count, desc, eq, notInArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { customers, defects, interactions, touchpoints } from '@/db/schema';
import { overdueDefect } from './filter-conditions';
import { companyToday } from './zone';
import type { Outcome } from '@/lib/enums';

export interface RecentInteraction {
  id: string;
  occurredAt: Date;
  touchpointName: string;
  customerId: string | null;
  customerName: string | null;
  outcome: Outcome;
  openDefectCount: number;
}

/** The interactions a user logged most recently. */
export async function listRecentInteractionsLoggedBy({
  userId,
  limit = 20,
}: {
  userId: string;
  limit?: number;
}): Promise<RecentInteraction[]> {
  const db = await getDb();
  return db
    .select({
      id: interactions.id,
      occurredAt: interactions.occurredAt,
      touchpointName: touchpoints.name,
      customerId: interactions.customerId,
      customerName: customers.name,
      outcome: interactions.outcome,
      openDefectCount: interactions.openDefectCount,
    })
    .from(interactions)
    .innerJoin(touchpoints, eq(touchpoints.id, interactions.touchpointId))
    .leftJoin(customers, eq(customers.id, interactions.customerId))
    .where(eq(interactions.loggedById, userId))
    .orderBy(desc(interactions.occurredAt))
    .limit(limit);
}

export interface AssignedDefectCounts {
  open: number;
  overdue: number;
  /** Follow-ups due today or in the next seven days. */
  dueSoon: number;
}

/**
 * How many unfinished defects a user owns and can act on, and how many of those are past their
 * follow-up date. A verified defect waits for a manager to close it: it counts only for people who
 * may close it (`canClose`).
 */
export async function countDefectsAssignedTo({
  userId,
  canClose = false,
}: {
  userId: string;
  canClose?: boolean;
}): Promise<AssignedDefectCounts> {
  const db = await getDb();
  const [row] = await db
    .select({
      open: count(),
      overdue: count(sql`case when ${overdueDefect} then 1 end`),
      dueSoon: count(
        sql`case when ${defects.dueOn} between ${companyToday()} and ${companyToday()} + 7 and ${defects.status} <> 'verified' then 1 end`,
      ),
    })
    .from(defects)
    .where(
      and(
        eq(defects.ownerId, userId),
        notInArray(defects.status, canClose ? ['closed', 'dismissed'] : ['verified', 'closed', 'dismissed']),
      ),
    );
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0, dueSoon: row?.dueSoon ?? 0 };
}
