import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { notifications } from '@/db/schema';

/** Marks one of the user's own notifications read; another user's id changes nothing. */
export async function markNotificationRead(userId: string, id: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ href: notifications.href });
  return row?.href ?? null;
}

export async function markAllNotificationsRead(userId: string): Promise<number> {
  const db = await getDb();
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
