import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { adminTransaction } from '@/lib/admin/transaction';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { endSessions } from '@/lib/auth/sessions';
import { emitEvent } from '@/lib/jobs/enqueue';
import { assertAnotherActiveAdmin, lockAdminGuard } from './admin-guard';
import type { Role } from '@/lib/enums';
import { msg } from '@/lib/validation/messages';

export const DUPLICATE_EMAIL = 'A user with that email address already exists.';
export const WRONG_CURRENT_PASSWORD = msg('wrongCurrentPassword');

const duplicate = { message: DUPLICATE_EMAIL, fieldErrors: { email: [DUPLICATE_EMAIL] } };

/** A one-time password: 96 random bits, easy to read out and type. */
export function generateOneTimePassword(): string {
  return randomBytes(12).toString('base64url');
}

async function lockUser(tx: Transaction, id: string) {
  const [row] = await tx
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, id))
    .for('update');
  if (!row) throw new DomainError('not-found', msg('userGone'));
  return row;
}

/** Creates a user who must replace the returned one-time password at first sign-in. */
export async function createUserAccount(
  actor: CurrentUser,
  input: { name: string; email: string; role: Role },
): Promise<{ id: string; name: string; oneTimePassword: string }> {
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return adminTransaction(async (tx) => {
    const [clash] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.email.toLowerCase()));
    if (clash) throw new DomainError('conflict', duplicate.message, duplicate.fieldErrors);
    const [row] = await tx
      .insert(users)
      .values({ ...input, passwordHash, mustChangePassword: true })
      .returning({ id: users.id, name: users.name });
    await recordAudit(tx, {
      actor,
      action: 'user.created',
      entityType: 'user',
      entityId: row!.id,
      after: { name: input.name, email: input.email, role: input.role, active: true },
    });
    return { id: row!.id, name: row!.name, oneTimePassword };
  }, duplicate);
}

/** Changes a user's role; demoting the last active admin is refused. */
export async function changeUserRole(actor: CurrentUser, input: { userId: string; role: Role }): Promise<void> {
  await adminTransaction(async (tx) => {
    await lockAdminGuard(tx);
    const target = await lockUser(tx, input.userId);
    if (target.role === input.role) return;
    if (target.role === 'admin' && target.active) await assertAnotherActiveAdmin(tx, target.id);
    await tx.update(users).set({ role: input.role, updatedAt: new Date() }).where(eq(users.id, target.id));
    await endSessions(tx, target.id);
    await recordAudit(tx, {
      actor,
      action: 'user.role_changed',
      entityType: 'user',
      entityId: target.id,
      before: { role: target.role },
      after: { role: input.role },
    });
  }, duplicate);
}

/** Replaces a user's password with a new one-time password they must change at next sign-in. */
export async function resetUserPassword(
  actor: CurrentUser,
  input: { userId: string },
): Promise<{ name: string; oneTimePassword: string }> {
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return adminTransaction(async (tx) => {
    const target = await lockUser(tx, input.userId);
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, updatedAt: new Date() })
      .where(eq(users.id, target.id));
    await endSessions(tx, target.id);
    // The audit says that it happened, never the password itself.
    await recordAudit(tx, {
      actor,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: target.id,
      before: { mustChangePassword: false },
      after: { mustChangePassword: true },
    });
    await emitEvent(tx, 'account.password_reset', { userId: target.id, actorId: actor.id });
    return { name: target.name, oneTimePassword };
  }, duplicate);
}

/** A signed-in user replaces their own password, proving they know the current one. */
export async function changeOwnPassword(
  user: CurrentUser,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const db = await getDb();
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new DomainError('invalid', msg('fieldsNeedAttention'), { currentPassword: [WRONG_CURRENT_PASSWORD] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    // Every other session ends; the action issues this browser a fresh one.
    await endSessions(tx, user.id);
    await recordAudit(tx, {
      actor: user,
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false },
    });
  });
}

/** Ends every session of a user (a lost laptop, a shared account): they must sign in again. */
export async function endUserSessions(actor: CurrentUser, input: { userId: string }): Promise<{ name: string }> {
  return adminTransaction(async (tx) => {
    const target = await lockUser(tx, input.userId);
    await endSessions(tx, target.id);
    await recordAudit(tx, { actor, action: 'user.sessions_ended', entityType: 'user', entityId: target.id });
    return { name: target.name };
  }, duplicate);
}

/** The user signs out: every session of theirs ends, on this device and any other. */
export async function signOutEverywhere(user: CurrentUser): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await endSessions(tx, user.id);
    await recordAudit(tx, { actor: user, action: 'user.signed_out', entityType: 'user', entityId: user.id });
  });
}
