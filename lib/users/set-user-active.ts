import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit';
import { endSessions } from '@/lib/auth/sessions';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertAnotherActiveAdmin, lockAdminGuard } from './admin-guard';
import { msg } from '@/lib/validation/messages';

export { LAST_ADMIN_MESSAGE } from './admin-guard';

/** Deactivates or reactivates a user; refuses to leave the company without an active admin. */
export async function setUserActive(actor: CurrentUser, input: { userId: string; active: boolean }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockAdminGuard(tx);
    const [target] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
    if (!target) throw new DomainError('not-found', msg('userGone'));
    if (target.active === input.active) return;
    if (!input.active && target.role === 'admin') await assertAnotherActiveAdmin(tx, target.id);
    await tx.update(users).set({ active: input.active, updatedAt: new Date() }).where(eq(users.id, target.id));
    // Sessions from before a deactivation must not come back to life on reactivation.
    if (!input.active) await endSessions(tx, target.id);
    await recordAudit(tx, {
      actor,
      action: input.active ? 'user.reactivated' : 'user.deactivated',
      entityType: 'user',
      entityId: target.id,
      before: { active: target.active },
      after: { active: input.active },
    });
  });
}
