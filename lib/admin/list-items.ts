import 'server-only';
import { count, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { customers, defectCategories, defects, segments } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { ListKind } from '@/lib/validation/admin-lists';
import { adminTransaction } from './transaction';
import { msg } from '@/lib/validation/messages';

// Defect categories and customer segments are both admin-kept lists of names with an active flag;
// one implementation serves both, told apart by the table and what uses their rows.
const KINDS = {
  category: {
    table: defectCategories,
    entityType: 'defect_category',
    gone: msg('categoryGone'),
    duplicate: msg('categoryDuplicate'),
    inUse: msg('categoryInUse'),
    uses: (tx: Transaction, id: string) => tx.select({ n: count() }).from(defects).where(eq(defects.categoryId, id)),
  },
  segment: {
    table: segments,
    entityType: 'segment',
    gone: msg('segmentGone'),
    duplicate: msg('segmentDuplicate'),
    inUse: msg('segmentInUse'),
    uses: (tx: Transaction, id: string) => tx.select({ n: count() }).from(customers).where(eq(customers.segmentId, id)),
  },
} as const;

export const LIST_MESSAGES = {
  category: { duplicate: KINDS.category.duplicate, inUse: KINDS.category.inUse },
  segment: { duplicate: KINDS.segment.duplicate, inUse: KINDS.segment.inUse },
};

function duplicateOf(kind: ListKind) {
  const message = KINDS[kind].duplicate;
  return { message, fieldErrors: { name: [message] } };
}

async function lockItem(tx: Transaction, kind: ListKind, id: string) {
  const { table, gone } = KINDS[kind];
  const [row] = await tx
    .select({ id: table.id, name: table.name, active: table.active })
    .from(table)
    .where(eq(table.id, id))
    .for('update');
  if (!row) throw new DomainError('not-found', gone);
  return row;
}

async function assertNameFree(tx: Transaction, kind: ListKind, name: string, exceptId?: string) {
  const { table } = KINDS[kind];
  const [clash] = await tx
    .select({ id: table.id })
    .from(table)
    .where(eq(sql`lower(${table.name})`, name.toLowerCase()));
  if (clash && clash.id !== exceptId) {
    const { message, fieldErrors } = duplicateOf(kind);
    throw new DomainError('conflict', message, fieldErrors);
  }
}

export async function createListItem(actor: CurrentUser, kind: ListKind, name: string): Promise<{ id: string }> {
  const { table, entityType } = KINDS[kind];
  return adminTransaction(async (tx) => {
    await assertNameFree(tx, kind, name);
    const [row] = await tx
      .insert(table)
      .values({ name })
      .returning({ id: table.id, name: table.name, active: table.active });
    await recordAudit(tx, {
      actor,
      action: `${entityType}.created`,
      entityType,
      entityId: row!.id,
      after: { name: row!.name, active: row!.active },
    });
    return { id: row!.id };
  }, duplicateOf(kind));
}

export async function renameListItem(actor: CurrentUser, kind: ListKind, id: string, name: string): Promise<void> {
  const { table, entityType } = KINDS[kind];
  await adminTransaction(async (tx) => {
    const before = await lockItem(tx, kind, id);
    await assertNameFree(tx, kind, name, id);
    await tx.update(table).set({ name }).where(eq(table.id, id));
    await recordAudit(tx, {
      actor,
      action: `${entityType}.renamed`,
      entityType,
      entityId: id,
      before: { name: before.name },
      after: { name },
    });
  }, duplicateOf(kind));
}

export async function setListItemActive(
  actor: CurrentUser,
  kind: ListKind,
  id: string,
  active: boolean,
): Promise<void> {
  const { table, entityType } = KINDS[kind];
  await adminTransaction(async (tx) => {
    const before = await lockItem(tx, kind, id);
    if (before.active === active) return;
    await tx.update(table).set({ active }).where(eq(table.id, id));
    await recordAudit(tx, {
      actor,
      action: `${entityType}.${active ? 'activated' : 'deactivated'}`,
      entityType,
      entityId: id,
      before: { active: before.active },
      after: { active },
    });
  }, duplicateOf(kind));
}

export async function deleteListItem(actor: CurrentUser, kind: ListKind, id: string): Promise<void> {
  const { table, entityType, inUse, uses } = KINDS[kind];
  await adminTransaction(async (tx) => {
    const before = await lockItem(tx, kind, id);
    const [used] = await uses(tx, id);
    if ((used?.n ?? 0) > 0) throw new DomainError('conflict', inUse);
    await tx.delete(table).where(eq(table.id, id));
    await recordAudit(tx, {
      actor,
      action: `${entityType}.deleted`,
      entityType,
      entityId: id,
      before: { name: before.name, active: before.active },
    });
  }, duplicateOf(kind));
}
