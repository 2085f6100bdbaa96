import 'server-only';
import { asc, count, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  apiKeys,
  customers,
  defectCategories,
  defects,
  journeyStages,
  segments,
  touchpoints,
  users,
} from '@/db/schema';
import type { ListKind } from '@/lib/validation/admin-lists';

/** Journey stages in order, each with how many touchpoints use it. */
export async function listStagesWithUsage() {
  const db = await getDb();
  const usage = db
    .select({ stageId: touchpoints.stageId, n: count().as('touchpoint_count') })
    .from(touchpoints)
    .groupBy(touchpoints.stageId)
    .as('usage');
  return db
    .select({
      id: journeyStages.id,
      name: journeyStages.name,
      description: journeyStages.description,
      position: journeyStages.position,
      ownerId: journeyStages.ownerId,
      touchpoints: sql<number>`coalesce(${usage.n}, 0)`.mapWith(Number),
    })
    .from(journeyStages)
    .leftJoin(usage, eq(usage.stageId, journeyStages.id))
    .orderBy(asc(journeyStages.position), asc(journeyStages.name));
}

/** Defect categories or customer segments, with how many defects or customers use each. */
export async function listListItemsWithUsage(kind: ListKind) {
  const db = await getDb();
  if (kind === 'category') {
    const usage = db
      .select({ id: defects.categoryId, n: count().as('use_count') })
      .from(defects)
      .groupBy(defects.categoryId)
      .as('usage');
    return db
      .select({
        id: defectCategories.id,
        name: defectCategories.name,
        active: defectCategories.active,
        uses: sql<number>`coalesce(${usage.n}, 0)`.mapWith(Number),
      })
      .from(defectCategories)
      .leftJoin(usage, eq(usage.id, defectCategories.id))
      .orderBy(asc(defectCategories.name));
  }
  const usage = db
    .select({ id: customers.segmentId, n: count().as('use_count') })
    .from(customers)
    .groupBy(customers.segmentId)
    .as('usage');
  return db
    .select({
      id: segments.id,
      name: segments.name,
      active: segments.active,
      uses: sql<number>`coalesce(${usage.n}, 0)`.mapWith(Number),
    })
    .from(segments)
    .leftJoin(usage, eq(usage.id, segments.id))
    .orderBy(asc(segments.name));
}

/** API keys, newest first, with when each was last used; never their secrets. */
export async function listApiKeys() {
  const db = await getDb();
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      createdBy: users.name,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt));
}
