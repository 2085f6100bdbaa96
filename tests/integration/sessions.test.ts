import { describe, expect, it } from 'vitest';
import { changeOwnPasswordAction } from '@/app/(app)/account/password/actions';
import { signOutAction } from '@/app/(app)/actions';
import {
  changeUserRoleAction,
  endUserSessionsAction,
  resetUserPasswordAction,
  setUserActiveAction,
} from '@/app/(app)/admin/users/actions';
import { getCurrentUser } from '@/lib/auth/current-user';
import { checkSessionToken as jwtCallback } from '@/lib/auth/sessions';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { auditFor } from './admin-helpers';

/** The session this user holds now, as a cookie kept from this moment would carry it. */
async function keepCookie(userId: string) {
  signInAs(userId);
  const user = await getCurrentUser();
  expect(user?.id).toBe(userId);
  const { getDb } = await import('@/db');
  const { users } = await import('@/db/schema');
  const { eq } = await import('drizzle-orm');
  const db = await getDb();
  const [row] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row!.v;
}

async function stillSignedIn(userId: string, sessionVersion: number) {
  signInAs(userId, { sessionVersion });
  return (await getCurrentUser()) !== null;
}

describe('sessions end on the server', () => {
  it('after sign-out, the kept cookie no longer works', async () => {
    const staff = await createUser({ role: 'staff' });
    const version = await keepCookie(staff.id);
    signInAs(staff.id);
    await signOutAction();
    expect(await stillSignedIn(staff.id, version)).toBe(false);
    expect((await auditFor(staff.id)).map((e) => e.action)).toContain('user.signed_out');
  });

  it('after a password change, earlier sessions end', async () => {
    const staff = await createUser({ role: 'staff', password: 'old password 123' });
    const version = await keepCookie(staff.id);
    signInAs(staff.id);
    const result = await changeOwnPasswordAction({
      currentPassword: 'old password 123',
      newPassword: 'a brand new password',
      confirmPassword: 'a brand new password',
    });
    expect(result.ok).toBe(true);
    expect(await stillSignedIn(staff.id, version)).toBe(false);
  });

  it('after a reset, a role change or a deactivation, the user’s sessions end', async () => {
    const admin = await createUser({ role: 'admin' });
    for (const change of ['reset', 'role', 'deactivate'] as const) {
      const target = await createUser({ role: 'staff' });
      const version = await keepCookie(target.id);
      signInAs(admin.id);
      const result =
        change === 'reset'
          ? await resetUserPasswordAction({ userId: target.id })
          : change === 'role'
            ? await changeUserRoleAction({ userId: target.id, role: 'manager' })
            : await setUserActiveAction({ userId: target.id, active: false });
      expect(result.ok, change).toBe(true);
      if (change === 'deactivate') {
        signInAs(admin.id);
        expect((await setUserActiveAction({ userId: target.id, active: true })).ok).toBe(true);
      }
      // A deactivated user's old cookie does not come back to life on reactivation.
      expect(await stillSignedIn(target.id, version), change).toBe(false);
    }
  });

  it('an admin can end a user’s sessions; nobody else can', async () => {
    const admin = await createUser({ role: 'admin' });
    const manager = await createUser({ role: 'manager' });
    const staff = await createUser({ role: 'staff' });
    const version = await keepCookie(staff.id);

    signInAs(manager.id);
    expect(await endUserSessionsAction({ userId: staff.id })).toMatchObject({ ok: false, status: 403 });
    expect(await stillSignedIn(staff.id, version)).toBe(true);

    signInAs(admin.id);
    expect(await endUserSessionsAction({ userId: staff.id })).toMatchObject({ ok: true });
    expect(await stillSignedIn(staff.id, version)).toBe(false);
    expect((await auditFor(staff.id)).map((e) => e.action)).toContain('user.sessions_ended');
  });

  it('the session endpoint clears, rather than refreshes, an ended or deactivated session', async () => {
    const staff = await createUser({ role: 'staff' });
    const admin = await createUser({ role: 'admin' });
    const version = await keepCookie(staff.id);
    expect(await jwtCallback({ sub: staff.id, sv: version })).toMatchObject({ sub: staff.id });
    expect(await jwtCallback({ sub: staff.id })).toBeNull();

    signInAs(admin.id);
    await setUserActiveAction({ userId: staff.id, active: false });
    expect(await jwtCallback({ sub: staff.id, sv: version })).toBeNull();
    expect(await jwtCallback({ sub: staff.id, sv: version + 1 })).toBeNull();
  });
});
