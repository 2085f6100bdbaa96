import { englishMessage } from '@/lib/i18n/english';
import { beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { changeOwnPasswordAction } from '@/app/(app)/account/password/actions';
import {
  changeUserRoleAction,
  createUserAction,
  resetUserPasswordAction,
  setUserActiveAction,
} from '@/app/(app)/admin/users/actions';
import { authenticate } from '@/lib/auth/authenticate';
import { requirePermission, requireUser } from '@/lib/auth/current-user';
import { verifyPassword } from '@/lib/auth/password';
import { DUPLICATE_EMAIL, WRONG_CURRENT_PASSWORD } from '@/lib/users/manage-users';
import { LAST_ADMIN_MESSAGE } from '@/lib/users/set-user-active';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { auditCount, auditFor } from './admin-helpers';

async function userRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}

async function activeAdmins() {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)));
  return row?.n ?? 0;
}

/** Leaves exactly the given admins active. */
async function onlyAdmins(...ids: string[]) {
  const db = await getDb();
  await db.update(users).set({ active: false }).where(eq(users.role, 'admin'));
  for (const id of ids) await db.update(users).set({ active: true }).where(eq(users.id, id));
}

describe('user administration', () => {
  beforeEach(() => signInAs(null));

  it('refuses every user action to managers and staff, changing nothing', async () => {
    const target = await createUser({ role: 'staff' });
    const before = await auditCount();
    const hash = (await userRow(target.id)).passwordHash;
    for (const role of ['manager', 'staff'] as const) {
      signInAs((await createUser({ role })).id);
      expect(await createUserAction({ name: 'Eve', email: 'eve@example.test', role: 'admin' })).toMatchObject({
        ok: false,
        status: 403,
      });
      expect(await changeUserRoleAction({ userId: target.id, role: 'admin' })).toMatchObject({
        ok: false,
        status: 403,
      });
      expect(await resetUserPasswordAction({ userId: target.id })).toMatchObject({ ok: false, status: 403 });
      expect(await setUserActiveAction({ userId: target.id, active: false })).toMatchObject({ ok: false, status: 403 });
    }
    expect(await userRow(target.id)).toMatchObject({
      role: 'staff',
      active: true,
      passwordHash: hash,
      mustChangePassword: false,
    });
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, 'eve@example.test'))).toHaveLength(0);
    expect(await auditCount()).toBe(before);
  });

  it('creates a user with a one-time password that works once and must be changed', async () => {
    const admin = await createUser({ role: 'admin' });
    signInAs(admin.id);
    const result = await createUserAction({ name: 'Nina New', email: ' Nina@Example.test ', role: 'manager' });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const row = await userRow(result.data.id);
    expect(row).toMatchObject({ email: 'nina@example.test', role: 'manager', mustChangePassword: true, active: true });
    expect(row.passwordHash).not.toContain(result.data.oneTimePassword);
    expect(await verifyPassword(row.passwordHash, result.data.oneTimePassword)).toBe(true);
    expect(await authenticate({ email: 'nina@example.test', password: result.data.oneTimePassword })).toMatchObject({
      ok: true,
    });

    const [event] = await auditFor(result.data.id);
    expect(event).toMatchObject({
      action: 'user.created',
      actorId: admin.id,
      after: { email: 'nina@example.test', role: 'manager' },
    });
    expect(JSON.stringify(event)).not.toContain(result.data.oneTimePassword);

    expect(await createUserAction({ name: 'Nina Again', email: 'NINA@example.test', role: 'staff' })).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: { email: [englishMessage(DUPLICATE_EMAIL)] },
    });
    expect(await createUserAction({ name: '', email: 'nope', role: 'owner' })).toMatchObject({
      ok: false,
      status: 422,
    });
  });

  it('changes a role and resets a password, auditing both', async () => {
    const admin = await createUser({ role: 'admin' });
    const target = await createUser({ role: 'staff' });
    signInAs(admin.id);
    expect(await changeUserRoleAction({ userId: target.id, role: 'manager' })).toMatchObject({ ok: true });
    expect((await userRow(target.id)).role).toBe('manager');
    const reset = await resetUserPasswordAction({ userId: target.id });
    expect(reset).toMatchObject({ ok: true });
    if (!reset.ok) return;
    const row = await userRow(target.id);
    expect(row.mustChangePassword).toBe(true);
    expect(await verifyPassword(row.passwordHash, reset.data.oneTimePassword)).toBe(true);
    expect(await verifyPassword(row.passwordHash, 'correct horse battery')).toBe(false);
    const events = await auditFor(target.id);
    expect(events.map((e) => e.action)).toEqual(['user.role_changed', 'user.password_reset']);
    expect(events[0]).toMatchObject({ before: { role: 'staff' }, after: { role: 'manager' } });
  });

  it('refuses to demote or deactivate the last active admin', async () => {
    const admin = await createUser({ role: 'admin' });
    await onlyAdmins(admin.id);
    signInAs(admin.id);
    expect(await changeUserRoleAction({ userId: admin.id, role: 'manager' })).toMatchObject({
      ok: false,
      status: 409,
      message: englishMessage(LAST_ADMIN_MESSAGE),
    });
    expect(await setUserActiveAction({ userId: admin.id, active: false })).toMatchObject({
      ok: false,
      status: 409,
      message: englishMessage(LAST_ADMIN_MESSAGE),
    });
    expect(await userRow(admin.id)).toMatchObject({ role: 'admin', active: true });

    // With a second admin, one of them may go.
    const second = await createUser({ role: 'admin' });
    expect(await changeUserRoleAction({ userId: second.id, role: 'staff' })).toMatchObject({ ok: true });
    expect(await activeAdmins()).toBe(1);
  });

  it('keeps one active admin when two admins remove each other at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await createUser({ role: 'admin' });
      const b = await createUser({ role: 'admin' });
      await onlyAdmins(a.id, b.id);
      signInAs(a.id);
      const results = await Promise.all([
        changeUserRoleAction({ userId: a.id, role: 'staff' }),
        setUserActiveAction({ userId: b.id, active: false }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false });
      expect(await activeAdmins()).toBe(1);
    }
  });

  it('lets anyone change their own password, with the current one', async () => {
    const staff = await createUser({ role: 'staff', password: 'correct horse battery' });
    signInAs(staff.id);
    const wrong = await changeOwnPasswordAction({
      currentPassword: 'guess',
      newPassword: 'a brand new secret',
      confirmPassword: 'a brand new secret',
    });
    expect(wrong).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { currentPassword: [englishMessage(WRONG_CURRENT_PASSWORD)] },
    });
    const mismatch = await changeOwnPasswordAction({
      currentPassword: 'correct horse battery',
      newPassword: 'a brand new secret',
      confirmPassword: 'another',
    });
    expect(mismatch).toMatchObject({ ok: false, status: 422 });
    if (!mismatch.ok) expect(mismatch.fieldErrors?.confirmPassword).toBeDefined();
    expect(
      await changeOwnPasswordAction({
        currentPassword: 'correct horse battery',
        newPassword: 'short',
        confirmPassword: 'short',
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ['Use at least 12 characters.'] },
    });
    expect(await verifyPassword((await userRow(staff.id)).passwordHash, 'correct horse battery')).toBe(true);

    const db = await getDb();
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, staff.id));
    const ok = await changeOwnPasswordAction({
      currentPassword: 'correct horse battery',
      newPassword: 'a brand new secret',
      confirmPassword: 'a brand new secret',
    });
    expect(ok).toMatchObject({ ok: true, data: { home: '/my-work' } });
    const row = await userRow(staff.id);
    expect(row.mustChangePassword).toBe(false);
    expect(await verifyPassword(row.passwordHash, 'a brand new secret')).toBe(true);
    expect((await auditFor(staff.id)).at(-1)).toMatchObject({ action: 'user.password_changed', actorId: staff.id });
  });

  it('sends a user holding a one-time password to change it before any other page', async () => {
    const admin = await createUser({ role: 'admin' });
    signInAs(admin.id);
    const created = await createUserAction({ name: 'Fresh Face', email: 'fresh.face@example.test', role: 'manager' });
    if (!created.ok) throw new Error(created.message);
    signInAs(created.data.id);
    const redirectTarget = async (work: Promise<unknown>) => {
      const error = await work.then(
        () => null,
        (e: unknown) => e as { digest?: string },
      );
      return error?.digest?.split(';')[2];
    };
    expect(await redirectTarget(requirePermission('viewDashboard'))).toBe('/account/password');
    expect(await redirectTarget(requireUser())).toBe('/account/password');
    expect(await requireUser({ allowPendingPasswordChange: true })).toMatchObject({
      id: created.data.id,
      mustChangePassword: true,
    });
    // Server actions are endpoints too: even an admin holding a one-time password may run none
    // but the password change.
    const db = await getDb();
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, admin.id));
    signInAs(admin.id);
    expect(await createUserAction({ name: 'Sneaky', email: 'sneaky@example.test', role: 'staff' })).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringContaining('Choose a new password first'),
    });
    signInAs(created.data.id);

    const changed = await changeOwnPasswordAction({
      currentPassword: created.data.oneTimePassword,
      newPassword: 'my very own password',
      confirmPassword: 'my very own password',
    });
    expect(changed).toMatchObject({ ok: true, data: { home: '/dashboard' } });
    expect(await requirePermission('viewDashboard')).toMatchObject({ id: created.data.id, mustChangePassword: false });
  });
});
