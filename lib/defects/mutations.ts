import 'server-only';
import { and, desc, eq, inArray, notInArray } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import {
  cases,
  customers,
  defectCategories,
  defectEvents,
  defects,
  touchpoints,
  users,
  type Defect,
} from '@/db/schema';
import { DomainError, type FieldErrors } from '@/lib/errors';
import { dayInZone } from '@/lib/dates';
import { companyFormatting } from '@/lib/i18n/server-formatter';
import { msg, ref, sentences } from '@/lib/validation/messages';
import type { CurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/roles';
import { applyLifecycleAfterDefects } from '@/lib/customers/apply-lifecycle';
import { recountOpenDefects } from '@/lib/interactions/auto-defects';
import { emitEvent } from '@/lib/jobs/enqueue';
import type { DefectEditInput, DefectPatch, ManualDefectInput } from '@/lib/validation/defects';
import { checkMove, isReopen } from './workflow';
import type { DefectStatus } from '@/lib/enums';

export type Actor = Pick<CurrentUser, 'id' | 'role'>;

/** Fields only a manager or admin may set; staff work on cause and action. */
const TRIAGE_FIELDS = [
  'categoryId',
  'kind',
  'severity',
  'lostRevenue',
  'ownerId',
  'dueOn',
  'title',
  'description',
  'dismissReason',
] as const;
const WORK_FIELDS = ['rootCause', 'correctiveAction'] as const;
type EditableField = (typeof TRIAGE_FIELDS)[number] | (typeof WORK_FIELDS)[number];

const NOT_YOURS = msg('defectNotYours');

type Changes = Record<string, { from: unknown; to: unknown }>;

/** A stored value as the patch speaks it, so "unchanged" compares equal. */
function storedValue(defect: Defect, field: EditableField): string | number | null {
  if (field === 'lostRevenue') return Number(defect.lostRevenue);
  return defect[field] ?? null;
}

const isTriager = (actor: Actor) => can(actor.role, 'triageDefects');

/** Staff may touch only defects assigned to them, whatever they send. */
function assertMayWork(actor: Actor, defect: Pick<Defect, 'ownerId'>): void {
  if (!isTriager(actor) && defect.ownerId !== actor.id) throw new DomainError('forbidden', NOT_YOURS);
}

async function assertActiveOwner(tx: DbOrTx, ownerId: string): Promise<void> {
  const [owner] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, ownerId), eq(users.active, true)));
  if (!owner)
    throw new DomainError('invalid', msg('fieldsNeedAttention'), {
      ownerId: [msg('chooseActivePerson')],
    });
}

async function assertCategory(tx: DbOrTx, categoryId: string, current?: string): Promise<void> {
  if (categoryId === current) return;
  const [category] = await tx
    .select({ id: defectCategories.id })
    .from(defectCategories)
    .where(and(eq(defectCategories.id, categoryId), eq(defectCategories.active, true)));
  if (!category)
    throw new DomainError('invalid', msg('fieldsNeedAttention'), {
      categoryId: [msg('chooseCategoryFromList')],
    });
}

/** A follow-up is due on or after the company-zone day the defect occurred (docs/settings.md "Time zone"). */
async function assertDueAfterOccurred(tx: DbOrTx, dueOn: string | null | undefined, occurredAt: Date): Promise<void> {
  if (!dueOn) return;
  const occurredOn = dayInZone(occurredAt, (await companyFormatting(tx)).timeZone);
  if (dueOn < occurredOn) {
    throw new DomainError('invalid', msg('fieldsNeedAttention'), {
      dueOn: [msg('dueBeforeOccurredOn', { day: occurredOn })],
    });
  }
}

/** The refusal of a stale edit: what the defect holds now, beside each field the user sent. */
async function staleVersionError(
  tx: DbOrTx,
  current: Defect,
  sent: Partial<Record<string, unknown>>,
): Promise<DomainError> {
  const [last] = await tx
    .select({ name: users.name, at: defectEvents.createdAt })
    .from(defectEvents)
    .leftJoin(users, eq(users.id, defectEvents.actorId))
    .where(eq(defectEvents.defectId, current.id))
    .orderBy(desc(defectEvents.createdAt))
    .limit(1);
  const [owner] = current.ownerId
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, current.ownerId))
    : [];
  const fieldErrors: FieldErrors = {};
  for (const field of [...TRIAGE_FIELDS, ...WORK_FIELDS]) {
    const value = sent[field];
    if (value === undefined) continue;
    const now = storedValue(current, field);
    if (String(value ?? '') === String(now ?? '')) continue;
    fieldErrors[field] = [
      field === 'ownerId'
        ? owner
          ? msg('changedMeanwhilePerson', { name: owner.name })
          : msg('changedMeanwhileNobody')
        : now === null || now === ''
          ? msg('changedMeanwhileEmpty')
          : msg('changedMeanwhileTo', { value: String(now) }),
    ];
  }
  if (sent.status !== undefined && sent.status !== current.status)
    fieldErrors.status = [msg('changedMeanwhileStatus', { status: ref('enums.defectStatus', current.status) })];
  return new DomainError(
    'conflict',
    msg('staleDefect', {
      by: last ? 'event' : 'unknown',
      name: last?.name ?? msg('someone'),
      at: last ? last.at.getTime() : 0,
      status: ref('enums.defectStatus', current.status),
      owner: owner?.name ?? msg('nobody'),
      version: current.version,
    }),
    fieldErrors,
  );
}

function eventType(changes: Changes, comment: string | undefined): string {
  const status = changes.status as { from: DefectStatus; to: DefectStatus } | undefined;
  if (status && isReopen(status.from, status.to)) return 'reopened';
  if (status) return 'status';
  if (changes.ownerId && Object.keys(changes).length === 1) return 'assigned';
  if (Object.keys(changes).length === 0 && comment) return 'comment';
  return 'updated';
}

/** The outbox events of one committed edit: an assignment and a status move, each its own event. */
async function emitDefectChanges(tx: DbOrTx, actor: Actor, before: Defect, changes: Changes): Promise<void> {
  const owner = changes.ownerId ? ((changes.ownerId.to as string | null) ?? null) : before.ownerId;
  if (changes.ownerId && owner) {
    await emitEvent(tx, 'defect.assigned', {
      defectId: before.id,
      ownerId: owner,
      previousOwnerId: before.ownerId,
      actorId: actor.id,
    });
  }
  if (changes.status) {
    await emitEvent(tx, 'defect.status_changed', {
      defectId: before.id,
      from: changes.status.from,
      to: changes.status.to,
      ownerId: owner,
      actorId: actor.id,
    });
  }
}

const touchesDismissed = (from: DefectStatus, to: DefectStatus) =>
  from !== to && (from === 'dismissed' || to === 'dismissed');

/**
 * A defect linked to a case closes when the case's corrective action is proved (or the case is
 * closed): its fix is judged by the numbers, not seconds after someone marked it verified.
 */
async function assertCaseLetsClose(tx: DbOrTx, rows: Pick<Defect, 'caseId'>[]): Promise<void> {
  const caseIds = [...new Set(rows.map((r) => r.caseId).filter((id): id is string => id !== null))];
  if (caseIds.length === 0) return;
  const pending = await tx
    .select({ number: cases.number })
    .from(cases)
    .where(and(inArray(cases.id, caseIds), notInArray(cases.status, ['proved', 'closed'])));
  if (pending.length === 0) return;
  const names = pending.map((c) => `#${c.number}`).join(', ');
  const message = `This defect's fix is being proved with case ${names}: it closes when the case is proved or closed.`;
  throw new DomainError('invalid', message, { status: [message] });
}

/**
 * Applies one edit made from `input.version`: field changes, a status move and a comment, in one
 * transaction with its history event. A stale version, an illegal move or a field the actor may
 * not set is refused and nothing is written.
 */
export async function updateDefect(
  actor: Actor,
  input: DefectEditInput,
): Promise<{ version: number; changed: string[] }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(defects).where(eq(defects.id, input.id));
    if (!current) throw new DomainError('not-found', msg('defectGone'));
    assertMayWork(actor, current);

    const { comment } = input;
    const patch: DefectPatch = input;
    if (!isTriager(actor)) {
      const forbiddenField = TRIAGE_FIELDS.find((field) => patch[field] !== undefined);
      if (forbiddenField)
        throw new DomainError(
          'forbidden',
          msg('managerOnlyField', { name: ref('validation.fieldNames', forbiddenField) }),
        );
    }
    if (input.version !== current.version) throw await staleVersionError(tx, current, patch);

    const changes: Changes = {};
    const set: Partial<typeof defects.$inferInsert> = {};
    for (const field of [...TRIAGE_FIELDS, ...WORK_FIELDS]) {
      const value = patch[field];
      if (value === undefined) continue;
      const from = storedValue(current, field);
      if (value === from || (value === '' && from === null)) continue;
      changes[field] = { from, to: value };
      if (field === 'lostRevenue') set.lostRevenue = (value as number).toFixed(2);
      else (set as Record<string, unknown>)[field] = value;
    }

    const from = current.status;
    const to = input.status ?? from;
    if (to !== from) {
      changes.status = { from, to };
      set.status = to;
      // A reopened defect is no longer dismissed: its old reason stays in the history.
      if (from === 'dismissed' && set.dismissReason === undefined) set.dismissReason = null;
    }
    const after = {
      correctiveAction: set.correctiveAction !== undefined ? set.correctiveAction : current.correctiveAction,
      dismissReason: set.dismissReason !== undefined ? set.dismissReason : current.dismissReason,
    };
    const refusal = checkMove(actor.role, from, to, after);
    if (refusal)
      throw new DomainError(
        refusal.status === 403 ? 'forbidden' : 'invalid',
        refusal.message,
        refusal.field ? { [refusal.field]: [refusal.message] } : undefined,
      );

    if (to === 'closed' && from !== 'closed') await assertCaseLetsClose(tx, [current]);
    if (set.ownerId) await assertActiveOwner(tx, set.ownerId);
    if (set.categoryId) await assertCategory(tx, set.categoryId, current.categoryId);
    if (set.dueOn !== undefined) await assertDueAfterOccurred(tx, set.dueOn, current.occurredAt);

    if (Object.keys(changes).length === 0 && !comment) return { version: current.version, changed: [] };

    let version = current.version;
    if (Object.keys(changes).length > 0) {
      // The version in the WHERE is the real guard: of two edits from one version, one matches.
      const [updated] = await tx
        .update(defects)
        .set({ ...set, touched: true, version: current.version + 1, updatedAt: new Date() })
        .where(and(eq(defects.id, current.id), eq(defects.version, input.version)))
        .returning({ version: defects.version });
      if (!updated) {
        const [now] = await tx.select().from(defects).where(eq(defects.id, current.id));
        throw now
          ? await staleVersionError(tx, now, { ...patch, status: input.status })
          : new DomainError('not-found', msg('defectGone'));
      }
      version = updated.version;
    }

    await tx.insert(defectEvents).values({
      defectId: current.id,
      actorId: actor.id,
      type: eventType(changes, comment),
      changes: Object.keys(changes).length ? changes : null,
      comment: comment ?? null,
    });
    await emitDefectChanges(tx, actor, current, changes);
    if (current.interactionId && touchesDismissed(from, to)) await recountOpenDefects(tx, [current.interactionId]);
    // A defect becoming (or staying) open and major or critical puts its customer at risk.
    if ('severity' in changes || 'status' in changes)
      await applyLifecycleAfterDefects(tx, [current.customerId], actor.id);
    return { version, changed: Object.keys(changes) };
  });
}

/** A comment on the history; it changes no field, so it needs no version. */
export async function commentOnDefect(actor: Actor, input: { id: string; comment: string }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: defects.id, ownerId: defects.ownerId })
      .from(defects)
      .where(eq(defects.id, input.id));
    if (!current) throw new DomainError('not-found', msg('defectGone'));
    assertMayWork(actor, current);
    await tx
      .insert(defectEvents)
      .values({ defectId: current.id, actorId: actor.id, type: 'comment', comment: input.comment });
  });
}

type BulkItem = { id: string; version: number };

function assertTriager(actor: Actor): void {
  if (!isTriager(actor)) throw new DomainError('forbidden', msg('bulkManagerOnly'));
}

/** The selected defects, each still at the version the list showed, or a refusal naming how many are not. */
async function loadBulk(tx: DbOrTx, items: BulkItem[]): Promise<Defect[]> {
  const rows = await tx
    .select()
    .from(defects)
    .where(
      inArray(
        defects.id,
        items.map((i) => i.id),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = items.filter((i) => !byId.has(i.id)).length;
  if (missing)
    throw new DomainError(
      'not-found',
      `${missing} of the selected defects no longer exist. Nothing was changed; reload the list.`,
    );
  const stale = items.filter((i) => byId.get(i.id)!.version !== i.version).length;
  if (stale) {
    throw new DomainError(
      'conflict',
      `${stale} of the selected defects were changed by someone else since the list was shown. Nothing was changed; reload the list and try again.`,
    );
  }
  return items.map((i) => byId.get(i.id)!);
}

async function applyBulk(
  tx: DbOrTx,
  actor: Actor,
  rows: Defect[],
  set: (row: Defect) => Partial<typeof defects.$inferInsert> | null,
  type: (row: Defect) => string,
): Promise<number> {
  let changed = 0;
  for (const row of rows) {
    const values = set(row);
    if (!values) continue;
    const [updated] = await tx
      .update(defects)
      .set({ ...values, touched: true, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(defects.id, row.id), eq(defects.version, row.version)))
      .returning({ id: defects.id });
    if (!updated) throw new DomainError('conflict', msg('bulkOneChanged'));
    const changes: Changes = {};
    for (const [key, value] of Object.entries(values)) {
      if (key === 'dismissReason' && value === null) continue;
      changes[key] = { from: (row as Record<string, unknown>)[key] ?? null, to: value };
    }
    await tx.insert(defectEvents).values({ defectId: row.id, actorId: actor.id, type: type(row), changes });
    await emitDefectChanges(tx, actor, row, changes);
    changed += 1;
  }
  return changed;
}

/** Assigns (or unassigns) every selected defect: all of them, or none. */
export async function bulkAssignDefects(
  actor: Actor,
  input: { items: BulkItem[]; ownerId: string | null },
): Promise<{ changed: number }> {
  assertTriager(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (input.ownerId) await assertActiveOwner(tx, input.ownerId);
    const rows = await loadBulk(tx, input.items);
    const changed = await applyBulk(
      tx,
      actor,
      rows,
      (row) => (row.ownerId === input.ownerId ? null : { ownerId: input.ownerId }),
      () => 'assigned',
    );
    return { changed };
  });
}

/** Moves every selected defect to one status: all of them, or none when any move is not allowed. */
export async function bulkMoveDefects(
  actor: Actor,
  input: { items: BulkItem[]; status: DefectStatus; dismissReason?: string },
): Promise<{ changed: number }> {
  assertTriager(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await loadBulk(tx, input.items);
    const refusals = new Map<string, number>();
    for (const row of rows) {
      const refusal = checkMove(actor.role, row.status, input.status, {
        correctiveAction: row.correctiveAction,
        dismissReason: input.dismissReason ?? null,
      });
      if (refusal) refusals.set(refusal.message, (refusals.get(refusal.message) ?? 0) + 1);
    }
    if (input.status === 'closed')
      await assertCaseLetsClose(
        tx,
        rows.filter((r) => r.status !== 'closed'),
      );
    if (refusals.size) {
      const reasons = [...refusals].map(([reason, count]) => msg('refusedTimes', { count, reason }));
      throw new DomainError(
        'invalid',
        sentences(msg('nothingChanged'), ...reasons),
        input.status === 'dismissed' && !input.dismissReason
          ? { dismissReason: [msg('sayWhyDefectsDismissed')] }
          : undefined,
      );
    }
    const changed = await applyBulk(
      tx,
      actor,
      rows,
      (row) => {
        if (row.status === input.status) return null;
        if (input.status === 'dismissed') return { status: input.status, dismissReason: input.dismissReason ?? null };
        return row.status === 'dismissed' ? { status: input.status, dismissReason: null } : { status: input.status };
      },
      (row) => (isReopen(row.status, input.status) ? 'reopened' : 'status'),
    );
    const recount = rows
      .filter((r) => r.interactionId && touchesDismissed(r.status, input.status))
      .map((r) => r.interactionId!);
    await recountOpenDefects(tx, [...new Set(recount)]);
    return { changed };
  });
}

/** Records a defect no interaction captured, with its first history event. */
export async function createManualDefect(actor: Actor, input: ManualDefectInput): Promise<{ id: string }> {
  if (!isTriager(actor)) throw new DomainError('forbidden', msg('manualDefectManagerOnly'));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [touchpoint] = await tx
      .select({ id: touchpoints.id })
      .from(touchpoints)
      .where(eq(touchpoints.id, input.touchpointId));
    if (!touchpoint)
      throw new DomainError('invalid', msg('fieldsNeedAttention'), {
        touchpointId: [msg('chooseTouchpointFromList')],
      });
    if (input.customerId) {
      const [customer] = await tx
        .select({ id: customers.id })
        .from(customers)
        .where(eq(customers.id, input.customerId));
      if (!customer)
        throw new DomainError('invalid', msg('fieldsNeedAttention'), {
          customerId: [msg('chooseCustomerFromList')],
        });
    }
    await assertCategory(tx, input.categoryId);
    if (input.ownerId) await assertActiveOwner(tx, input.ownerId);
    const occurredAt = input.occurredAt ?? new Date();
    await assertDueAfterOccurred(tx, input.dueOn, occurredAt);
    const [created] = await tx
      .insert(defects)
      .values({
        touchpointId: input.touchpointId,
        customerId: input.customerId ?? null,
        categoryId: input.categoryId,
        kind: input.kind,
        severity: input.severity,
        lostRevenue: input.lostRevenue.toFixed(2),
        occurredAt,
        ownerId: input.ownerId ?? null,
        dueOn: input.dueOn ?? null,
        title: input.title,
        description: input.description ?? null,
        rootCause: input.rootCause ?? null,
        correctiveAction: input.correctiveAction ?? null,
        createdById: actor.id,
        touched: true,
      })
      .returning({ id: defects.id });
    await tx.insert(defectEvents).values({ defectId: created!.id, actorId: actor.id, type: 'created' });
    await applyLifecycleAfterDefects(tx, [input.customerId], actor.id);
    await emitEvent(tx, 'defect.created', {
      defectId: created!.id,
      touchpointId: input.touchpointId,
      categoryId: input.categoryId,
      kind: input.kind,
      severity: input.severity,
      interactionId: null,
      actorId: actor.id,
    });
    if (input.ownerId)
      await emitEvent(tx, 'defect.assigned', {
        defectId: created!.id,
        ownerId: input.ownerId,
        previousOwnerId: null,
        actorId: actor.id,
      });
    return { id: created!.id };
  });
}
