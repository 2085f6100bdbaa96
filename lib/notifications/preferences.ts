import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { notificationPreferences } from '@/db/schema';
import { kindsForRole, notificationKind, type NotificationType } from './kinds';
import type { Role } from '@/lib/enums';

export interface Channels {
  inApp: boolean;
  email: boolean;
}

/** How each of `userIds` wants `type` delivered: their own choice, else the kind's default. */
export async function channelsFor(
  tx: DbOrTx,
  userIds: string[],
  type: NotificationType,
): Promise<Map<string, Channels>> {
  const kind = notificationKind(type)!;
  const defaults = { inApp: kind.inApp ?? false, email: kind.email ?? false };
  const result = new Map(userIds.map((id) => [id, { ...defaults }]));
  if (userIds.length === 0) return result;
  const rows = await tx
    .select()
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.type, type)));
  for (const row of rows) {
    result.set(row.userId, { inApp: kind.inApp !== null && row.inApp, email: kind.email !== null && row.email });
  }
  return result;
}

/** Every kind the user's role may choose, with their current channels (the account page). */
export async function listPreferences({ userId, role }: { userId: string; role: Role }) {
  const db = await getDb();
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const byType = new Map(rows.map((r) => [r.type, r]));
  return kindsForRole(role).map((kind) => {
    const saved = byType.get(kind.type);
    return {
      type: kind.type,
      inApp: kind.inApp === null ? null : (saved?.inApp ?? kind.inApp),
      email: kind.email === null ? null : (saved?.email ?? kind.email),
    };
  });
}

/** Stores the user's choices for every kind their role offers, in one transaction. */
export async function savePreferences(
  user: { id: string; role: Role },
  chosen: { inApp: string[]; email: string[] },
): Promise<void> {
  const db = await getDb();
  const rows = kindsForRole(user.role).map((kind) => ({
    userId: user.id,
    type: kind.type,
    inApp: kind.inApp !== null && chosen.inApp.includes(kind.type),
    email: kind.email !== null && chosen.email.includes(kind.type),
  }));
  await db.transaction(async (tx) => {
    for (const row of rows) {
      await tx
        .insert(notificationPreferences)
        .values(row)
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.type],
          set: { inApp: row.inApp, email: row.email },
        });
    }
  });
}

/** Turns one kind's mail off (the unsubscribe link), keeping the in-app choice as it was. */
export async function turnOffEmail(userId: string, type: NotificationType): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const current = (await channelsFor(tx, [userId], type)).get(userId)!;
    await tx
      .insert(notificationPreferences)
      .values({ userId, type, inApp: current.inApp, email: false })
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.type],
        set: { email: false },
      });
  });
}
