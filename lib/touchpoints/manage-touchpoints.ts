import 'server-only';
import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { defects, interactions, journeyStages, touchpoints, users } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { adminTransaction, pick } from '@/lib/admin/transaction';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { TouchpointFields } from '@/lib/validation/touchpoints';
import { msg } from '@/lib/validation/messages';

const AUDITED = [
  'name',
  'description',
  'stageId',
  'channel',
  'active',
  'opportunities',
  'expectationTarget',
  'ownerId',
  'ruleLostSale',
  'ruleBelowExpectation',
  'ruleBelowExpectationGap',
  'ruleLowCsat',
  'ruleLowCsatMax',
  'ruleLowNps',
  'ruleLowNpsMax',
] as const;

export const DUPLICATE_TOUCHPOINT = msg('touchpointDuplicate');
export const TOUCHPOINT_HAS_HISTORY = msg('touchpointHasHistory');

const duplicate = { message: DUPLICATE_TOUCHPOINT, fieldErrors: { name: [DUPLICATE_TOUCHPOINT] } };

async function assertNameFree(tx: Transaction, fields: Pick<TouchpointFields, 'name' | 'stageId'>, exceptId?: string) {
  const [stage] = await tx
    .select({ id: journeyStages.id })
    .from(journeyStages)
    .where(eq(journeyStages.id, fields.stageId));
  if (!stage) throw new DomainError('invalid', msg('stageGone'), { stageId: [msg('chooseJourneyStage')] });
  const [clash] = await tx
    .select({ id: touchpoints.id })
    .from(touchpoints)
    .where(
      and(
        eq(touchpoints.stageId, fields.stageId),
        eq(sql`lower(${touchpoints.name})`, fields.name.toLowerCase()),
        exceptId ? ne(touchpoints.id, exceptId) : undefined,
      ),
    );
  if (clash) throw new DomainError('conflict', duplicate.message, duplicate.fieldErrors);
}

async function assertOwner(tx: Transaction, ownerId: string | null) {
  if (!ownerId) return;
  const [owner] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, ownerId), eq(users.active, true)));
  if (!owner)
    throw new DomainError('invalid', msg('fieldsNeedAttention'), {
      ownerId: [msg('chooseActivePerson')],
    });
}

async function lockTouchpoint(tx: Transaction, id: string) {
  const [row] = await tx.select().from(touchpoints).where(eq(touchpoints.id, id)).for('update');
  if (!row) throw new DomainError('not-found', msg('touchpointGone'));
  return row;
}

export async function createTouchpoint(actor: CurrentUser, fields: TouchpointFields): Promise<{ id: string }> {
  return adminTransaction(async (tx) => {
    await assertNameFree(tx, fields);
    await assertOwner(tx, fields.ownerId);
    const [row] = await tx.insert(touchpoints).values(fields).returning();
    await recordAudit(tx, {
      actor,
      action: 'touchpoint.created',
      entityType: 'touchpoint',
      entityId: row!.id,
      after: pick(row!, AUDITED),
    });
    return { id: row!.id };
  }, duplicate);
}

export async function updateTouchpoint(actor: CurrentUser, id: string, fields: TouchpointFields): Promise<void> {
  await adminTransaction(async (tx) => {
    const before = await lockTouchpoint(tx, id);
    await assertNameFree(tx, fields, id);
    await assertOwner(tx, fields.ownerId);
    const [after] = await tx
      .update(touchpoints)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(touchpoints.id, id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'touchpoint.updated',
      entityType: 'touchpoint',
      entityId: id,
      before: pick(before, AUDITED),
      after: pick(after!, AUDITED),
    });
  }, duplicate);
}

export async function setTouchpointActive(actor: CurrentUser, id: string, active: boolean): Promise<void> {
  await adminTransaction(async (tx) => {
    const before = await lockTouchpoint(tx, id);
    if (before.active === active) return;
    await tx.update(touchpoints).set({ active, updatedAt: new Date() }).where(eq(touchpoints.id, id));
    await recordAudit(tx, {
      actor,
      action: active ? 'touchpoint.activated' : 'touchpoint.deactivated',
      entityType: 'touchpoint',
      entityId: id,
      before: { active: before.active },
      after: { active },
    });
  }, duplicate);
}

/** Deletes a touchpoint nobody has used yet; one with interactions or defects is refused. */
export async function deleteTouchpoint(actor: CurrentUser, id: string): Promise<void> {
  await adminTransaction(async (tx) => {
    const before = await lockTouchpoint(tx, id);
    const [used] = await tx.select({ n: count() }).from(interactions).where(eq(interactions.touchpointId, id));
    const [flawed] = await tx.select({ n: count() }).from(defects).where(eq(defects.touchpointId, id));
    if ((used?.n ?? 0) > 0 || (flawed?.n ?? 0) > 0) throw new DomainError('conflict', TOUCHPOINT_HAS_HISTORY);
    await tx.delete(touchpoints).where(eq(touchpoints.id, id));
    await recordAudit(tx, {
      actor,
      action: 'touchpoint.deleted',
      entityType: 'touchpoint',
      entityId: id,
      before: pick(before, AUDITED),
    });
  }, duplicate);
}
