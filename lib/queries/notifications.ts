import 'server-only';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { notifications } from '@/db/schema';

export const NOTIFICATIONS_PAGE_SIZE = 50;

export async function countUnreadNotifications({ userId }: { userId: string }): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The user's latest notifications, newest first. */
export async function listNotifications({
  userId,
  limit = NOTIFICATIONS_PAGE_SIZE,
}: {
  userId: string;
  limit?: number;
}) {
  const db = await getDb();
  return db
    .select({
      id: notifications.id,
      type: notifications.type,
      title: notifications.title,
      body: notifications.body,
      params: notifications.params,
      href: notifications.href,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}
