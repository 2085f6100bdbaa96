import { englishMessage } from '@/lib/i18n/english';
import { beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { journeyStages, touchpoints } from '@/db/schema';
import {
  createStageAction,
  deleteStageAction,
  moveStageAction,
  renameStageAction,
  setStageOwnerAction,
} from '@/app/(app)/admin/stages/actions';
import { ownerForChart } from '@/lib/cases/case-records';
import { DUPLICATE_STAGE, STAGE_IN_USE } from '@/lib/stages/manage-stages';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { auditCount, auditFor, createStage, createTouchpointRow } from './admin-helpers';

async function stageOrder() {
  const db = await getDb();
  return (await db.select({ name: journeyStages.name }).from(journeyStages).orderBy(asc(journeyStages.position))).map(
    (s) => s.name,
  );
}

async function clearStages() {
  const db = await getDb();
  await db.delete(touchpoints);
  await db.delete(journeyStages);
}

describe('journey stage administration', () => {
  beforeEach(() => signInAs(null));

  it('refuses every stage action to managers and staff, changing nothing', async () => {
    const stage = await createStage('Awareness');
    await createStage('Discovery');
    const before = await auditCount();
    const order = await stageOrder();
    for (const role of ['manager', 'staff'] as const) {
      signInAs((await createUser({ role })).id);
      expect(await createStageAction({ name: 'Sneaky' })).toMatchObject({ ok: false, status: 403 });
      expect(await renameStageAction({ stageId: stage.id, name: 'Renamed' })).toMatchObject({ ok: false, status: 403 });
      expect(await moveStageAction({ stageId: stage.id, direction: 'down' })).toMatchObject({ ok: false, status: 403 });
      expect(await deleteStageAction({ stageId: stage.id })).toMatchObject({ ok: false, status: 403 });
      expect(await setStageOwnerAction({ stageId: stage.id, ownerId: '' })).toMatchObject({ ok: false, status: 403 });
    }
    expect(await stageOrder()).toEqual(order);
    expect(await auditCount()).toBe(before);
  });

  it('creates at the end, renames, reorders and deletes an unused stage, auditing each', async () => {
    signInAs((await createUser({ role: 'admin' })).id);
    await clearStages();
    const first = await createStage('Alpha');
    const created = await createStageAction({ name: 'Beta', description: 'The second' });
    expect(created).toMatchObject({ ok: true });
    if (!created.ok) return;
    expect(await stageOrder()).toEqual(['Alpha', 'Beta']);

    expect(await renameStageAction({ stageId: created.data.id, name: 'Gamma', description: '' })).toMatchObject({
      ok: true,
    });
    expect(await moveStageAction({ stageId: created.data.id, direction: 'up' })).toMatchObject({ ok: true });
    expect(await stageOrder()).toEqual(['Gamma', 'Alpha']);
    expect(await moveStageAction({ stageId: created.data.id, direction: 'up' })).toMatchObject({
      ok: false,
      status: 409,
    });

    expect(await deleteStageAction({ stageId: first.id })).toMatchObject({ ok: true });
    expect(await stageOrder()).toEqual(['Gamma']);

    const events = await auditFor(created.data.id);
    expect(events.map((e) => e.action)).toEqual(['stage.created', 'stage.updated', 'stage.moved']);
    expect(events[1]).toMatchObject({
      before: { name: 'Beta', description: 'The second' },
      after: { name: 'Gamma', description: null },
    });
    expect(events[2]).toMatchObject({ before: { order: ['Alpha', 'Gamma'] }, after: { order: ['Gamma', 'Alpha'] } });
    expect((await auditFor(first.id)).at(-1)).toMatchObject({ action: 'stage.deleted', before: { name: 'Alpha' } });
  });

  it('refuses to delete a stage that touchpoints use', async () => {
    signInAs((await createUser({ role: 'admin' })).id);
    const stage = await createStage();
    await createTouchpointRow(stage.id);
    expect(await deleteStageAction({ stageId: stage.id })).toMatchObject({
      ok: false,
      status: 409,
      message: englishMessage(STAGE_IN_USE),
    });
    const db = await getDb();
    expect(await db.select().from(journeyStages).where(eq(journeyStages.id, stage.id))).toHaveLength(1);
  });

  it('refuses a duplicate name beside the field', async () => {
    signInAs((await createUser({ role: 'admin' })).id);
    await createStage('Purchase');
    const result = await createStageAction({ name: ' purchase ' });
    expect(result).toMatchObject({ ok: false, status: 409, fieldErrors: { name: [englishMessage(DUPLICATE_STAGE)] } });
    expect(await createStageAction({ name: '' })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { name: ['Enter a name.'] },
    });
  });

  it('answers 409, never 500, when two admins create the same name at once', async () => {
    signInAs((await createUser({ role: 'admin' })).id);
    const results = await Promise.all(Array.from({ length: 4 }, () => createStageAction({ name: 'Simultaneous' })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const failed of results.filter((r) => !r.ok))
      expect(failed).toMatchObject({ status: 409, fieldErrors: { name: [englishMessage(DUPLICATE_STAGE)] } });
  });

  it("sets a stage's case owner, audited; signal cases on its chart and its ownerless touchpoints go to that person", async () => {
    const admin = await createUser({ role: 'admin' });
    signInAs(admin.id);
    const stage = await createStage('Cultivation owned');
    const touchpoint = await createTouchpointRow(stage.id);
    const owner = await createUser({ role: 'manager' });
    const gone = await createUser({ role: 'staff', active: false });
    const db = await getDb();
    const ownerOf = async () =>
      (await db.select({ ownerId: journeyStages.ownerId }).from(journeyStages).where(eq(journeyStages.id, stage.id)))[0]
        ?.ownerId;

    // Without an owner, the stage's cases wait in the managers' queue.
    expect(await ownerForChart(db, { scope: 'stage', stageId: stage.id })).toBeNull();

    expect(await setStageOwnerAction({ stageId: stage.id, ownerId: owner.id })).toMatchObject({ ok: true });
    expect(await ownerOf()).toBe(owner.id);
    expect(await ownerForChart(db, { scope: 'stage', stageId: stage.id })).toBe(owner.id);
    // A touchpoint with no owner of its own falls back to its stage's.
    expect(await ownerForChart(db, { scope: 'touchpoint', stageId: stage.id, touchpointId: touchpoint.id })).toBe(
      owner.id,
    );

    // A deactivated person, or an id nobody has, is refused beside the field and changes nothing.
    const before = await auditCount();
    expect(await setStageOwnerAction({ stageId: stage.id, ownerId: gone.id })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { ownerId: ['Choose an active person from the list.'] },
    });
    expect(await setStageOwnerAction({ stageId: stage.id, ownerId: 'someone' })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { ownerId: ['Choose an owner from the list.'] },
    });
    expect(await auditCount()).toBe(before);
    expect(await ownerOf()).toBe(owner.id);

    // Blank hands the stage back to the managers' queue.
    expect(await setStageOwnerAction({ stageId: stage.id, ownerId: '' })).toMatchObject({ ok: true });
    expect(await ownerOf()).toBeNull();
    const events = (await auditFor(stage.id)).filter((e) => e.action === 'stage.updated');
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ ownerId: null }, { ownerId: owner.id }],
      [{ ownerId: owner.id }, { ownerId: null }],
    ]);
  });
});
