import 'server-only';
import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { users } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { msg } from '@/lib/validation/messages';

export const LAST_ADMIN_MESSAGE = msg('lastAdmin');

// One transaction-scoped advisory lock for every change that can remove an active admin:
// two of them (A demotes B while B deactivates A) then run one after the other, so the second
// sees the first's result and the count can never reach zero. No row-lock ordering to deadlock on.
const ADMIN_GUARD_LOCK = 0x0153_ad01;

export async function lockAdminGuard(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_GUARD_LOCK})`);
}

/** Refuses unless an active admin other than `userId` remains; call after lockAdminGuard. */
export async function assertAnotherActiveAdmin(tx: Transaction, userId: string): Promise<void> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, userId)));
  if ((row?.n ?? 0) === 0) throw new DomainError('conflict', LAST_ADMIN_MESSAGE);
}
