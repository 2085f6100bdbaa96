import 'server-only';
import { and, count, eq, gt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditEvents, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { getDummyHash, verifyPassword } from './password';
import type { Role } from '@/lib/enums';
import { msg } from '@/lib/validation/messages';

/*
 * Sign-in throttling after OWASP's authentication guidance. Failed attempts are remembered in the
 * audit log for THROTTLE_WINDOW_MINUTES, and three limits apply:
 * - per (email, address) pair: after FREE_PAIR_FAILURES, each further attempt must wait a delay
 *   that doubles with every failure (5 s, 10 s, 20 s … up to the window);
 * - per email, from any address: past MAX_FAILURES_PER_EMAIL only clients holding a device cookie
 *   for that email (lib/auth/device-cookie.ts) may try, so an attacker slows the account down for
 *   strangers but cannot lock its owner out;
 * - per address, across emails: past MAX_FAILURES_PER_ADDRESS a password sprayer is refused.
 */
export const THROTTLE_WINDOW_MINUTES = 15;
export const FREE_PAIR_FAILURES = 3;
export const MAX_FAILURES_PER_EMAIL = 10;
export const MAX_FAILURES_PER_ADDRESS = 20;

/** Seconds to wait after the last failure of a pair that has failed `failures` times. */
export function pairDelaySeconds(failures: number): number {
  if (failures < FREE_PAIR_FAILURES) return 0;
  return Math.min(5 * 2 ** (failures - FREE_PAIR_FAILURES), THROTTLE_WINDOW_MINUTES * 60);
}

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
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: 'invalid' | 'throttled'; message: string; waitSeconds?: number };

export const INVALID_CREDENTIALS_MESSAGE = msg('invalidCredentials');
export const DEACTIVATED_MESSAGE = msg('accountDeactivated');
export const throttledMessage = (seconds: number) =>
  seconds < 120
    ? `Too many failed sign-ins. Wait ${Math.max(1, Math.ceil(seconds))} seconds and try again.`
    : `Too many failed sign-ins. Wait ${Math.ceil(seconds / 60)} minutes and try again.`;

/**
 * Checks an email and password. Failures are audited; an attempt the limits above refuse is
 * audited as throttled and never reaches the password check. The failure log is the throttle's
 * memory, so it holds across restarts and across app instances.
 */
export async function authenticate(input: {
  email: string;
  password: string;
  ip?: string | null;
  /** The client holds a device cookie from an earlier sign-in as this email. */
  knownDevice?: boolean;
}): Promise<AuthenticateResult> {
  const db = await getDb();
  const email = input.email.trim().toLowerCase();
  const ip = input.ip ?? null;
  const since = sql`now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`;
  const samePair = ip ? sql`${auditEvents.ip} = ${ip}` : sql`${auditEvents.ip} is null`;

  const [recent] = await db
    .select({
      byEmail: count(sql`case when ${auditEvents.entityId} = ${email} then 1 end`),
      byPair: count(sql`case when ${auditEvents.entityId} = ${email} and ${samePair} then 1 end`),
      sinceLastPairFailure: sql<
        number | null
      >`extract(epoch from now() - max(${auditEvents.createdAt}) filter (where ${auditEvents.entityId} = ${email} and ${samePair}))`.mapWith(
        (v) => (v === null ? null : Number(v)),
      ),
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

  const wait = Math.max(
    (recent?.byPair ?? 0) > 0 ? pairDelaySeconds(recent!.byPair) - (recent!.sinceLastPairFailure ?? 0) : 0,
    !input.knownDevice && (recent?.byEmail ?? 0) >= MAX_FAILURES_PER_EMAIL ? THROTTLE_WINDOW_MINUTES * 60 : 0,
    (recent?.byAddress ?? 0) >= MAX_FAILURES_PER_ADDRESS ? THROTTLE_WINDOW_MINUTES * 60 : 0,
  );
  if (wait > 0) {
    await recordAudit(db, {
      actorLabel: email,
      action: LOGIN_THROTTLED,
      entityType: 'user',
      entityId: email,
      after: { waitSeconds: Math.ceil(wait), knownDevice: Boolean(input.knownDevice) },
      ip,
    });
    return { ok: false, reason: 'throttled', message: throttledMessage(wait), waitSeconds: wait };
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
