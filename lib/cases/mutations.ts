import 'server-only';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import {
  caseEvents,
  cases,
  defectCategories,
  defects,
  journeyStages,
  touchpoints,
  users,
  type Case,
} from '@/db/schema';
import { msg, ref } from '@/lib/validation/messages';
import { DomainError, type FieldErrors } from '@/lib/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/defects/mutations';
import { pChart } from '@/lib/metrics/p-chart';
import type { CaseEditInput, OpenCaseInput } from '@/lib/validation/cases';
import { addDays, todayInZone } from '@/lib/dates';
import { companyCalendar, type CompanyCalendar } from '@/lib/settings/company';
import { chartTitle, linkDefectIds, linkSubgroupDefects, ownerForChart } from './case-records';
import { emitCaseEvent } from './case-notices';
import { chartKeyOf, getChartSeries, type ChartRef, type SubgroupSize } from './charts';
import { chooseSubgroup, signalOf, WINDOW_SUBGROUPS } from './evaluate-charts';
import { judgeCase } from './proof';
import { checkCaseMove } from './workflow';
import type { CaseStatus } from '@/lib/enums';

const isManager = (actor: Actor) => can(actor.role, 'triageDefects');

/** Staff may work only the cases they own; managers every case. */
function assertMayWork(actor: Actor, row: Pick<Case, 'ownerId'>): void {
  if (!isManager(actor) && row.ownerId !== actor.id) throw new DomainError('forbidden', msg('caseNotYours'));
}

/** A chart for a selection of defects: their touchpoint, else their stage, else the company. */
async function chartOfDefects(tx: DbOrTx, ids: string[]): Promise<Omit<ChartRef, 'subgroup'>> {
  const rows = await tx
    .select({ touchpointId: defects.touchpointId, stageId: touchpoints.stageId })
    .from(defects)
    .innerJoin(touchpoints, eq(touchpoints.id, defects.touchpointId))
    .where(inArray(defects.id, ids));
  if (rows.length !== new Set(ids).size) throw new DomainError('not-found', msg('someDefectsGone'));
  const one = <T>(values: T[]) => (new Set(values).size === 1 ? values[0]! : null);
  const touchpointId = one(rows.map((r) => r.touchpointId));
  const stageId = one(rows.map((r) => r.stageId));
  if (touchpointId) return { scope: 'touchpoint', touchpointId };
  if (stageId) return { scope: 'stage', stageId };
  return { scope: 'company' };
}

async function assertChartExists(tx: DbOrTx, ref: Omit<ChartRef, 'subgroup'>): Promise<void> {
  const refuse = (field: string, message: string) =>
    new DomainError('invalid', msg('fieldsNeedAttention'), { [field]: [message] });
  if (ref.scope === 'stage') {
    const [stage] = await tx
      .select({ id: journeyStages.id })
      .from(journeyStages)
      .where(eq(journeyStages.id, ref.stageId!));
    if (!stage) throw refuse('stageId', msg('chooseStageFromList'));
  }
  if (ref.scope === 'touchpoint') {
    const [touchpoint] = await tx
      .select({ id: touchpoints.id })
      .from(touchpoints)
      .where(eq(touchpoints.id, ref.touchpointId!));
    if (!touchpoint) throw refuse('touchpointId', msg('chooseTouchpointFromList'));
  }
  if (ref.categoryId) {
    const [category] = await tx
      .select({ id: defectCategories.id })
      .from(defectCategories)
      .where(eq(defectCategories.id, ref.categoryId));
    if (!category) throw refuse('categoryId', msg('chooseCategoryFromList'));
  }
}

/**
 * Opens a case by hand: on a chart (optionally at one subgroup, whose defects are linked), or on a
 * selection of defects. When the chart already has an active case, the defects go to that one:
 * one case per chart.
 */
export async function openCase(
  actor: Actor,
  input: OpenCaseInput,
  now: Date = new Date(),
): Promise<{ id: string; existing: boolean; linked: number }> {
  if (!isManager(actor)) throw new DomainError('forbidden', msg('openCaseManagerOnly'));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const defectIds = [...new Set((input.items ?? []).map((i) => i.id))];
    const chart: Omit<ChartRef, 'subgroup'> = input.scope
      ? {
          scope: input.scope,
          stageId: input.scope === 'stage' ? input.stageId : null,
          touchpointId: input.scope === 'touchpoint' ? input.touchpointId : null,
          categoryId: input.categoryId ?? null,
        }
      : await chartOfDefects(tx, defectIds);
    await assertChartExists(tx, chart);
    const calendar = await companyCalendar(tx);
    const subgroup: SubgroupSize = input.subgroup ?? (await subgroupFor(tx, chart, now, calendar));
    const ref: ChartRef = { ...chart, subgroup };
    const key = chartKeyOf(chart);

    const [active] = await tx
      .select()
      .from(cases)
      .where(and(eq(cases.chartKey, key), ne(cases.status, 'closed')))
      .orderBy(cases.createdAt)
      .limit(1)
      .for('update');
    let caseId: string;
    if (active) {
      caseId = active.id;
    } else {
      const signal = input.period ? await pointOf(tx, ref, input.period, now, calendar) : null;
      const [created] = await tx
        .insert(cases)
        .values({
          title: input.title ?? (await chartTitle(tx, chart)),
          chartKey: key,
          scope: chart.scope,
          stageId: chart.stageId ?? null,
          touchpointId: chart.touchpointId ?? null,
          categoryId: chart.categoryId ?? null,
          subgroup,
          origin: 'manual',
          signal,
          ownerId: await ownerForChart(tx, chart),
          createdById: actor.id,
        })
        .returning({ id: cases.id });
      caseId = created!.id;
      await tx.insert(caseEvents).values({ caseId, actorId: actor.id, type: 'opened' });
      await emitCaseEvent(tx, 'case.opened', { caseId, summary: msg('historyOpenedByManager') });
    }
    let linked = (await linkDefectIds(tx, { caseId, defectIds, actorId: actor.id })).length;
    if (input.period) linked += await linkSubgroupDefects(tx, { caseId, ref, period: input.period, actorId: actor.id });
    if (active && linked > 0)
      await tx
        .insert(caseEvents)
        .values({ caseId, actorId: actor.id, type: 'linked', comment: msg('historyDefectsLinked', { count: linked }) });
    return { id: caseId, existing: Boolean(active), linked };
  });
}

/** The subgroup size the monitored chart would use: daily where the last 28 days allow it. */
async function subgroupFor(
  tx: DbOrTx,
  chart: Omit<ChartRef, 'subgroup'>,
  now: Date,
  calendar: CompanyCalendar,
): Promise<SubgroupSize> {
  const to = addDays(todayInZone(calendar.timeZone, now), -1);
  return chooseSubgroup(await getChartSeries(tx, { ...chart, subgroup: 'day' }, addDays(to, -27), to));
}

/**
 * The chart's point at `period`, with limits from the window ending there, as the chart showed it
 * (days in the company's zone, weeks from its first day of the week).
 */
async function pointOf(tx: DbOrTx, ref: ChartRef, period: string, now: Date, calendar: CompanyCalendar) {
  const span = ref.subgroup === 'day' ? 1 : 7;
  const today = todayInZone(calendar.timeZone, now);
  const from = addDays(period, -(WINDOW_SUBGROUPS[ref.subgroup] - 1) * span);
  const to = period < today ? addDays(period, span - 1) : today;
  const chart = pChart(await getChartSeries(tx, ref, from, to, calendar.weekStart));
  const point = chart.points.find((p) => p.period === period);
  return point ? signalOf(point, chart.centre) : null;
}

/** Links more defects to a case (a manager's triage). */
export async function linkDefectsToCase(
  actor: Actor,
  input: { id: string; items: { id: string }[] },
): Promise<{ linked: number }> {
  if (!isManager(actor)) throw new DomainError('forbidden', msg('linkDefectsManagerOnly'));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, input.id)).for('update');
    if (!row) throw new DomainError('not-found', msg('caseGone'));
    const ids = [...new Set(input.items.map((i) => i.id))];
    const existing = await tx.select({ id: defects.id }).from(defects).where(inArray(defects.id, ids));
    if (existing.length !== ids.length) throw new DomainError('not-found', msg('someDefectsGone'));
    const linked = await linkDefectIds(tx, { caseId: row.id, defectIds: ids, actorId: actor.id });
    if (linked.length)
      await tx.insert(caseEvents).values({
        caseId: row.id,
        actorId: actor.id,
        type: 'linked',
        comment: msg('historyDefectsLinked', { count: linked.length }),
      });
    return { linked: linked.length };
  });
}

const MANAGER_FIELDS = ['title', 'ownerId', 'closeReason'] as const;
const WORK_FIELDS = ['rootCause', 'correctiveAction', 'effectiveOn'] as const;
type Changes = Record<string, { from: unknown; to: unknown }>;

async function staleCaseError(tx: DbOrTx, current: Case, sent: Partial<Record<string, unknown>>): Promise<DomainError> {
  const [last] = await tx
    .select({ name: users.name, at: caseEvents.createdAt })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, current.id))
    .orderBy(desc(caseEvents.createdAt))
    .limit(1);
  const fieldErrors: FieldErrors = {};
  for (const field of [...MANAGER_FIELDS, ...WORK_FIELDS]) {
    const value = sent[field];
    if (value === undefined) continue;
    const now = current[field] ?? null;
    if (String(value ?? '') === String(now ?? '')) continue;
    fieldErrors[field] = [
      now === null || now === '' ? msg('changedMeanwhileEmpty') : msg('changedMeanwhileTo', { value: String(now) }),
    ];
  }
  if (sent.status !== undefined && sent.status !== current.status)
    fieldErrors.status = [msg('changedMeanwhileStatus', { status: ref('enums.caseStatus', current.status) })];
  return new DomainError(
    'conflict',
    msg('staleCase', {
      by: last ? 'event' : 'unknown',
      name: last?.name ?? msg('nightlyEvaluation'),
      at: last ? last.at.getTime() : 0,
      status: ref('enums.caseStatus', current.status),
      version: current.version,
    }),
    fieldErrors,
  );
}

/**
 * Applies one edit made from `input.version`: fields, a move and a comment, in one transaction
 * with its history event. Stale versions get 409; fields and moves the actor may not make, 403.
 * Starting to monitor records the first verdict; closing stamps the day the proof stops.
 */
export async function updateCase(
  actor: Actor,
  input: CaseEditInput,
  now: Date = new Date(),
): Promise<{ version: number; changed: string[] }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(cases).where(eq(cases.id, input.id)).for('update');
    if (!current) throw new DomainError('not-found', msg('caseGone'));
    assertMayWork(actor, current);
    if (!isManager(actor)) {
      const forbidden = MANAGER_FIELDS.find((f) => input[f] !== undefined && input[f] !== (current[f] ?? null));
      if (forbidden)
        throw new DomainError('forbidden', msg('managerOnlyField', { name: ref('validation.fieldNames', forbidden) }));
    }
    if (input.version !== current.version) throw await staleCaseError(tx, current, input);

    const changes: Changes = {};
    const set: Partial<typeof cases.$inferInsert> = {};
    for (const field of [...MANAGER_FIELDS, ...WORK_FIELDS]) {
      const value = input[field];
      if (value === undefined) continue;
      const from = current[field] ?? null;
      if (value === from) continue;
      changes[field] = { from, to: value };
      (set as Record<string, unknown>)[field] = value;
    }
    const from = current.status;
    const to: CaseStatus = input.status ?? from;
    if (to !== from) {
      changes.status = { from, to };
      set.status = to;
      set.closedAt = to === 'closed' ? now : null;
    }
    const after = (field: 'rootCause' | 'correctiveAction' | 'effectiveOn' | 'closeReason') =>
      set[field] !== undefined ? (set[field] as string | null) : current[field];
    const refusal = checkCaseMove(actor.role, from, to, {
      rootCause: after('rootCause'),
      correctiveAction: after('correctiveAction'),
      effectiveOn: after('effectiveOn'),
      closeReason: after('closeReason'),
    });
    if (refusal)
      throw new DomainError(
        refusal.status === 403 ? 'forbidden' : 'invalid',
        refusal.message,
        refusal.field ? { [refusal.field]: [refusal.message] } : undefined,
      );
    if (set.ownerId) {
      const [owner] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, set.ownerId), eq(users.active, true)));
      if (!owner)
        throw new DomainError('invalid', msg('fieldsNeedAttention'), {
          ownerId: [msg('chooseActivePerson')],
        });
    }
    if (Object.keys(changes).length === 0 && !input.comment) return { version: current.version, changed: [] };

    let version = current.version;
    if (Object.keys(changes).length > 0) {
      const [updated] = await tx
        .update(cases)
        .set({ ...set, version: current.version + 1, updatedAt: now })
        .where(and(eq(cases.id, current.id), eq(cases.version, input.version)))
        .returning();
      if (!updated) throw await staleCaseError(tx, current, input);
      version = updated.version;
      if (to === 'monitoring' || (set.effectiveOn !== undefined && updated.effectiveOn))
        await judgeCase(
          tx,
          { ...updated, status: updated.status === 'monitoring' ? 'action' : updated.status },
          {
            now,
            actorId: actor.id,
          },
        );
    }
    await tx.insert(caseEvents).values({
      caseId: current.id,
      actorId: actor.id,
      type: changes.status ? 'status' : Object.keys(changes).length ? 'updated' : 'comment',
      changes: Object.keys(changes).length ? changes : null,
      comment: input.comment ?? null,
    });
    return { version, changed: Object.keys(changes) };
  });
}

/**
 * "Evaluate now": judges a monitoring case at once, as the nightly evaluation would, and moves it
 * to proved or not effective when the numbers decide.
 */
export async function evaluateCaseNow(
  actor: Actor,
  input: { id: string },
  now: Date = new Date(),
): Promise<{ outcome: string; moved: boolean; verdict: string | null }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(cases).where(eq(cases.id, input.id)).for('update');
    if (!row) throw new DomainError('not-found', msg('caseGone'));
    assertMayWork(actor, row);
    if (!row.effectiveOn) throw new DomainError('invalid', msg('giveEffectiveDateFirst'));
    const result = await judgeCase(tx, row, { now, actorId: actor.id });
    return { outcome: result.outcome, moved: result.moved, verdict: result.proof?.verdict ?? null };
  });
}
