import 'server-only';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { journeyStages, touchpoints, users } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { adminTransaction, pick } from '@/lib/admin/transaction';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { msg } from '@/lib/validation/messages';

export const DUPLICATE_STAGE = msg('stageDuplicate');
export const STAGE_IN_USE = msg('stageInUse');

const duplicate = { message: DUPLICATE_STAGE, fieldErrors: { name: [DUPLICATE_STAGE] } };
const AUDITED = ['name', 'description', 'position'] as const;

async function lockStage(tx: Transaction, id: string) {
  const [row] = await tx.select().from(journeyStages).where(eq(journeyStages.id, id)).for('update');
  if (!row) throw new DomainError('not-found', msg('stageGone'));
  return row;
}

async function assertNameFree(tx: Transaction, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: journeyStages.id })
    .from(journeyStages)
    .where(eq(sql`lower(${journeyStages.name})`, name.toLowerCase()));
  if (clash && clash.id !== exceptId) throw new DomainError('conflict', duplicate.message, duplicate.fieldErrors);
}

export async function createStage(
  actor: CurrentUser,
  input: { name: string; description: string | null },
): Promise<{ id: string }> {
  return adminTransaction(async (tx) => {
    await assertNameFree(tx, input.name);
    const [last] = await tx
      .select({ max: sql<number>`coalesce(max(${journeyStages.position}), 0)`.mapWith(Number) })
      .from(journeyStages);
    const [row] = await tx
      .insert(journeyStages)
      .values({ ...input, position: (last?.max ?? 0) + 1 })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'stage.created',
      entityType: 'journey_stage',
      entityId: row!.id,
      after: pick(row!, AUDITED),
    });
    return { id: row!.id };
  }, duplicate);
}

export async function renameStage(
  actor: CurrentUser,
  id: string,
  input: { name: string; description: string | null },
): Promise<void> {
  await adminTransaction(async (tx) => {
    const before = await lockStage(tx, id);
    await assertNameFree(tx, input.name, id);
    const [after] = await tx.update(journeyStages).set(input).where(eq(journeyStages.id, id)).returning();
    await recordAudit(tx, {
      actor,
      action: 'stage.updated',
      entityType: 'journey_stage',
      entityId: id,
      before: pick(before, AUDITED),
      after: pick(after!, AUDITED),
    });
  }, duplicate);
}

/** Swaps a stage with its neighbour; positions are renumbered 1..n on the way. */
export async function moveStage(actor: CurrentUser, id: string, direction: 'up' | 'down'): Promise<void> {
  await adminTransaction(async (tx) => {
    // Locking every stage serialises concurrent reorders, so positions never collide.
    const ordered = await tx
      .select({ id: journeyStages.id, name: journeyStages.name, position: journeyStages.position })
      .from(journeyStages)
      .orderBy(asc(journeyStages.position), asc(journeyStages.name))
      .for('update');
    const index = ordered.findIndex((stage) => stage.id === id);
    if (index < 0) throw new DomainError('not-found', msg('stageGone'));
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= ordered.length) {
      throw new DomainError('conflict', `This stage is already the ${direction === 'up' ? 'first' : 'last'} one.`);
    }
    const next = [...ordered];
    [next[index], next[target]] = [next[target]!, next[index]!];
    for (const [position, stage] of next.entries()) {
      const original = ordered.find((row) => row.id === stage.id)!;
      if (original.position !== position + 1) {
        await tx
          .update(journeyStages)
          .set({ position: position + 1 })
          .where(eq(journeyStages.id, stage.id));
      }
    }
    await recordAudit(tx, {
      actor,
      action: 'stage.moved',
      entityType: 'journey_stage',
      entityId: id,
      before: { order: ordered.map((stage) => stage.name) },
      after: { order: next.map((stage) => stage.name) },
    });
  }, duplicate);
}

export async function deleteStage(actor: CurrentUser, id: string): Promise<void> {
  await adminTransaction(async (tx) => {
    const before = await lockStage(tx, id);
    const [used] = await tx.select({ n: count() }).from(touchpoints).where(eq(touchpoints.stageId, id));
    if ((used?.n ?? 0) > 0) throw new DomainError('conflict', STAGE_IN_USE);
    await tx.delete(journeyStages).where(eq(journeyStages.id, id));
    await recordAudit(tx, {
      actor,
      action: 'stage.deleted',
      entityType: 'journey_stage',
      entityId: id,
      before: pick(before, AUDITED),
    });
  }, duplicate);
}

/**
 * Who answers for the cases a signal on this stage's chart opens (docs/cases.md); null leaves
 * them to the managers' queue. Touchpoints have their own owner on the touchpoint form.
 */
export async function setStageOwner(actor: CurrentUser, id: string, ownerId: string | null): Promise<void> {
  await adminTransaction(async (tx) => {
    const before = await lockStage(tx, id);
    if (ownerId) {
      const [owner] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, ownerId), eq(users.active, true)));
      if (!owner)
        throw new DomainError('invalid', msg('fieldsNeedAttention'), {
          ownerId: [msg('chooseActivePerson')],
        });
    }
    if (before.ownerId === ownerId) return;
    await tx.update(journeyStages).set({ ownerId }).where(eq(journeyStages.id, id));
    await recordAudit(tx, {
      actor,
      action: 'stage.updated',
      entityType: 'journey_stage',
      entityId: id,
      before: { ownerId: before.ownerId },
      after: { ownerId },
    });
  }, duplicate);
}
