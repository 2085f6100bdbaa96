import { beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { journeyStages, touchpoints } from '@/db/schema';
import {
  createStageAction,
  deleteStageAction,
  moveStageAction,
  renameStageAction,
} from '@/app/(app)/admin/stages/actions';
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
      message: STAGE_IN_USE,
    });
    const db = await getDb();
    expect(await db.select().from(journeyStages).where(eq(journeyStages.id, stage.id))).toHaveLength(1);
  });

  it('refuses a duplicate name beside the field', async () => {
    signInAs((await createUser({ role: 'admin' })).id);
    await createStage('Purchase');
    const result = await createStageAction({ name: ' purchase ' });
    expect(result).toMatchObject({ ok: false, status: 409, fieldErrors: { name: [DUPLICATE_STAGE] } });
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
      expect(failed).toMatchObject({ status: 409, fieldErrors: { name: [DUPLICATE_STAGE] } });
  });
});
