import { englishMessage } from '@/lib/i18n/english';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { defects, interactions, touchpoints } from '@/db/schema';
import {
  createTouchpointAction,
  deleteTouchpointAction,
  setTouchpointActiveAction,
  updateTouchpointAction,
} from '@/app/(app)/admin/touchpoints/actions';
import { adminVolumePeriod, listTouchpointsWithVolume } from '@/lib/queries/touchpoints';
import { metricsFiltersSchema, resolveMetricsFilters } from '@/lib/validation/metrics';
import { DUPLICATE_TOUCHPOINT, TOUCHPOINT_HAS_HISTORY } from '@/lib/touchpoints/manage-touchpoints';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import {
  auditCount,
  auditFor,
  createCategoryRow,
  createStage,
  createTouchpointRow,
  touchpointForm,
} from './admin-helpers';

async function touchpointRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(touchpoints).where(eq(touchpoints.id, id));
  return row;
}

describe('touchpoint administration', () => {
  beforeEach(() => signInAs(null));

  it('refuses every touchpoint action to managers and staff, changing nothing', async () => {
    const stage = await createStage();
    const existing = await createTouchpointRow(stage.id);
    const before = await auditCount();
    for (const role of ['manager', 'staff'] as const) {
      signInAs((await createUser({ role })).id);
      expect(await createTouchpointAction(touchpointForm(stage.id, { name: 'Sneaky' }))).toMatchObject({
        ok: false,
        status: 403,
      });
      expect(
        await updateTouchpointAction(touchpointForm(stage.id, { touchpointId: existing.id, name: 'Renamed' })),
      ).toMatchObject({ ok: false, status: 403 });
      expect(await setTouchpointActiveAction({ touchpointId: existing.id, active: false })).toMatchObject({
        ok: false,
        status: 403,
      });
      expect(await deleteTouchpointAction({ touchpointId: existing.id })).toMatchObject({ ok: false, status: 403 });
    }
    expect(await touchpointRow(existing.id)).toMatchObject({ name: existing.name, active: true });
    const db = await getDb();
    expect(await db.select().from(touchpoints).where(eq(touchpoints.name, 'Sneaky'))).toHaveLength(0);
    expect(await auditCount()).toBe(before);
  });

  it('creates a touchpoint with its rules and thresholds, audited', async () => {
    const admin = await createUser({ role: 'admin' });
    const stage = await createStage();
    signInAs(admin.id);
    const result = await createTouchpointAction(touchpointForm(stage.id, { name: 'Sales line' }));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(await touchpointRow(result.data.id)).toMatchObject({
      name: 'Sales line',
      channel: 'phone',
      opportunities: 3,
      ruleLostSale: true,
      ruleBelowExpectationGap: 2,
      ruleLowCsat: false,
      ruleLowNps: true,
      ruleLowNpsMax: 5,
      active: true,
    });
    const [event] = await auditFor(result.data.id);
    expect(event).toMatchObject({
      action: 'touchpoint.created',
      actorId: admin.id,
      before: null,
      after: { name: 'Sales line', opportunities: 3 },
    });
  });

  it('says what is wrong beside each field and stores nothing', async () => {
    signInAs((await createUser({ role: 'admin' })).id);
    const stage = await createStage();
    const before = await auditCount();
    const result = await createTouchpointAction(
      touchpointForm(stage.id, {
        name: '  ',
        opportunities: '1001',
        ruleLowNpsMax: '10',
        ruleBelowExpectationGap: '1.5',
        channel: 'pigeon',
      }),
    );
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      'channel',
      'name',
      'opportunities',
      'ruleBelowExpectationGap',
      'ruleLowNpsMax',
    ]);
    expect(result.fieldErrors?.opportunities?.[0]).toBe('Opportunities per interaction must be between 1 and 1000.');
    expect(await auditCount()).toBe(before);
  });

  it('refuses a duplicate name within a stage, whatever its case, but allows it in another stage', async () => {
    signInAs((await createUser({ role: 'admin' })).id);
    const stage = await createStage();
    const other = await createStage();
    await createTouchpointRow(stage.id, 'Checkout');
    const clash = await createTouchpointAction(touchpointForm(stage.id, { name: 'CHECKOUT' }));
    expect(clash).toMatchObject({ ok: false, status: 409, message: englishMessage(DUPLICATE_TOUCHPOINT) });
    if (!clash.ok) expect(clash.fieldErrors?.name).toEqual([englishMessage(DUPLICATE_TOUCHPOINT)]);
    expect(await createTouchpointAction(touchpointForm(other.id, { name: 'Checkout' }))).toMatchObject({ ok: true });
  });

  it('edits a touchpoint and records before and after', async () => {
    const admin = await createUser({ role: 'admin' });
    signInAs(admin.id);
    const stage = await createStage();
    const row = await createTouchpointRow(stage.id, 'Old name');
    const result = await updateTouchpointAction(
      touchpointForm(stage.id, { touchpointId: row.id, name: 'New name', opportunities: '7' }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(await touchpointRow(row.id)).toMatchObject({ name: 'New name', opportunities: 7 });
    const [event] = await auditFor(row.id);
    expect(event).toMatchObject({
      action: 'touchpoint.updated',
      before: { name: 'Old name', opportunities: 1 },
      after: { name: 'New name', opportunities: 7 },
    });
  });

  it('deactivates and reactivates, audited', async () => {
    signInAs((await createUser({ role: 'admin' })).id);
    const row = await createTouchpointRow((await createStage()).id);
    expect(await setTouchpointActiveAction({ touchpointId: row.id, active: false })).toMatchObject({ ok: true });
    expect((await touchpointRow(row.id))?.active).toBe(false);
    expect(await setTouchpointActiveAction({ touchpointId: row.id, active: 'true' })).toMatchObject({ ok: true });
    expect((await touchpointRow(row.id))?.active).toBe(true);
    expect((await auditFor(row.id)).map((event) => event.action)).toEqual([
      'touchpoint.deactivated',
      'touchpoint.activated',
    ]);
  });

  it('refuses to delete a touchpoint with interactions, and deletes an unused one', async () => {
    signInAs((await createUser({ role: 'admin' })).id);
    const stage = await createStage();
    const used = await createTouchpointRow(stage.id);
    const unused = await createTouchpointRow(stage.id);
    const db = await getDb();
    await db.insert(interactions).values({ touchpointId: used.id, occurredAt: new Date() });
    expect(await deleteTouchpointAction({ touchpointId: used.id })).toMatchObject({
      ok: false,
      status: 409,
      message: englishMessage(TOUCHPOINT_HAS_HISTORY),
    });
    expect(await touchpointRow(used.id)).toBeDefined();
    expect(await deleteTouchpointAction({ touchpointId: unused.id })).toMatchObject({ ok: true });
    expect(await touchpointRow(unused.id)).toBeUndefined();
    const [event] = await auditFor(unused.id);
    expect(event).toMatchObject({ action: 'touchpoint.deleted', after: null, before: { name: unused.name } });
  });

  it('lists volume and counted defects of the last 30 days per touchpoint', async () => {
    const stage = await createStage();
    const row = await createTouchpointRow(stage.id);
    const category = await createCategoryRow();
    const db = await getDb();
    const day = 86_400_000;
    const [recent] = await db
      .insert(interactions)
      .values([
        { touchpointId: row.id, occurredAt: new Date(Date.now() - 2 * day) },
        { touchpointId: row.id, occurredAt: new Date(Date.now() - 29 * day) },
        { touchpointId: row.id, occurredAt: new Date(Date.now() - 31 * day) },
      ])
      .returning();
    const defect = { touchpointId: row.id, categoryId: category.id, kind: 'process' as const };
    await db.insert(defects).values([
      { ...defect, interactionId: recent!.id, occurredAt: recent!.occurredAt },
      { ...defect, occurredAt: new Date(Date.now() - day), status: 'dismissed' },
      { ...defect, occurredAt: new Date(Date.now() - 40 * day) },
    ]);
    const listed = (await listTouchpointsWithVolume()).find((item) => item.id === row.id);
    expect(listed).toMatchObject({ interactions: 2, defects: 1, stageName: stage.name });
  });

  it('counts the same 30 calendar days (UTC) as the dashboard’s default period, not a rolling window', async () => {
    const stage = await createStage();
    const row = await createTouchpointRow(stage.id);
    const db = await getDb();
    const { from } = adminVolumePeriod();
    const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 1_000);
    await db.insert(interactions).values([
      // The last second of the day before the period: a rolling 30 × 24 h window would count it.
      { touchpointId: row.id, occurredAt: dayBefore },
      // The first second of the period: a rolling window that started later in the day would not.
      { touchpointId: row.id, occurredAt: new Date(`${from}T00:00:01Z`) },
    ]);
    const listed = (await listTouchpointsWithVolume()).find((item) => item.id === row.id);
    expect(listed).toMatchObject({ interactions: 1 });
    const dashboard = resolveMetricsFilters(metricsFiltersSchema.parse({}));
    expect(dashboard.ok && dashboard.filters.from).toBe(from);
  });
});
