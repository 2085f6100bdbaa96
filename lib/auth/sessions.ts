import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { users } from '@/db/schema';

/*
 * Sessions are signed JWT cookies (lib/auth/auth.ts) that carry the user's id and the session
 * version they were issued under. A session counts only while the user is active and the version
 * still matches, so raising the version ends every earlier session of the user on the server:
 * signing out, changing or resetting a password, a role change and deactivation all do it.
 */

/** Ends every session the user holds; run it in the transaction of the change that calls for it. */
export async function endSessions(tx: DbOrTx, userId: string): Promise<number> {
  const [row] = await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? 0;
}

/** Whether a session issued under `version` still counts: the user exists, is active, and no later change ended it. */
export async function isSessionCurrent(userId: string, version: unknown): Promise<boolean> {
  if (typeof version !== 'number') return false;
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), eq(users.sessionVersion, version)))
    .limit(1);
  return Boolean(row);
}

/**
 * Auth.js's jwt callback. At sign-in it stamps the token with the user's session version; on every
 * later read (each request, and GET /api/auth/session) it returns null for a session that no longer
 * counts, which makes Auth.js clear the cookie instead of re-signing it with a later expiry.
 */
export async function checkSessionToken<T extends { sub?: string; sv?: unknown }>(
  token: T,
  user?: { id?: string; sessionVersion?: number },
): Promise<T | null> {
  if (user?.id) return { ...token, sub: user.id, sv: user.sessionVersion };
  if (!token.sub || !(await isSessionCurrent(token.sub, token.sv))) return null;
  return token;
}
