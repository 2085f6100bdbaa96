import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { readUnsubscribeToken } from '@/lib/mail/unsubscribe-token';
import type { NotificationType } from './kinds';
import { turnOffEmail } from './preferences';

/** What an unsubscribe link is about, or null when it is not one of ours or its user is gone. */
export async function describeUnsubscribeToken(
  token: string,
): Promise<{ type: NotificationType; email: string } | null> {
  const read = readUnsubscribeToken(token);
  if (!read) return null;
  const db = await getDb();
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, read.userId));
  if (!user) return null;
  return { type: read.type, email: user.email };
}

/** Follows an unsubscribe link: that kind of mail stops; true when the link was valid. */
export async function unsubscribeWithToken(token: string): Promise<boolean> {
  const read = readUnsubscribeToken(token);
  if (!read || !(await describeUnsubscribeToken(token))) return false;
  await turnOffEmail(read.userId, read.type);
  return true;
}
