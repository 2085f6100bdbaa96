import 'server-only';
import { and, count, eq, gt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditEvents, users, type Role } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { getDummyHash, verifyPassword } from './password';

export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export const LOGIN_FAILED = 'auth.login_failed';
export const LOGIN_THROTTLED = 'auth.login_throttled';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
}

export type AuthenticateResult =
  { ok: true; user: AuthenticatedUser } | { ok: false; reason: 'invalid' | 'throttled'; message: string };

export const INVALID_CREDENTIALS_MESSAGE = 'That email and password do not match an active account.';
export const DEACTIVATED_MESSAGE = 'This account has been deactivated. Ask an administrator to reactivate it.';
export const THROTTLED_MESSAGE = `Too many failed sign-ins. Wait ${THROTTLE_WINDOW_MINUTES} minutes and try again.`;

/**
 * Checks an email and password. Failures are audited; an email or address with too many recent
 * failures is refused before the password is even looked at. The failure log doubles as the
 * throttle's memory, so it holds across restarts and across app instances.
 */
export async function authenticate(input: {
  email: string;
  password: string;
  ip?: string | null;
}): Promise<AuthenticateResult> {
  const db = await getDb();
  const email = input.email.trim().toLowerCase();
  const ip = input.ip ?? null;
  const since = sql`now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`;

  const [recent] = await db
    .select({
      byEmail: count(sql`case when ${auditEvents.entityId} = ${email} then 1 end`),
      byAddress: ip ? count(sql`case when ${auditEvents.ip} = ${ip} then 1 end`) : sql<number>`0`.mapWith(Number),
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, LOGIN_FAILED),
        gt(auditEvents.createdAt, since),
        ip ? or(eq(auditEvents.entityId, email), eq(auditEvents.ip, ip)) : eq(auditEvents.entityId, email),
      ),
    );

  if ((recent?.byEmail ?? 0) >= MAX_FAILURES_PER_EMAIL || (recent?.byAddress ?? 0) >= MAX_FAILURES_PER_ADDRESS) {
    await recordAudit(db, { actorLabel: email, action: LOGIN_THROTTLED, entityType: 'user', entityId: email, ip });
    return { ok: false, reason: 'throttled', message: THROTTLED_MESSAGE };
  }

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);

  // Always verify one hash, so an unknown email takes as long as a wrong password.
  const matches = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);

  if (!user || !matches || !user.active) {
    const why = !user ? 'unknown email' : !matches ? 'wrong password' : 'account deactivated';
    await recordAudit(db, {
      actorLabel: email,
      action: LOGIN_FAILED,
      entityType: 'user',
      entityId: email,
      after: { why },
      ip,
    });
    // Only someone who knows the password learns that the account exists but is switched off.
    const message = user && matches ? DEACTIVATED_MESSAGE : INVALID_CREDENTIALS_MESSAGE;
    return { ok: false, reason: 'invalid', message };
  }

  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}
