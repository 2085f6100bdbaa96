import { englishMessage } from '@/lib/i18n/english';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { customers, defectCategories, defects, segments } from '@/db/schema';
import * as categoryActions from '@/app/(app)/admin/categories/actions';
import * as segmentActions from '@/app/(app)/admin/segments/actions';
import { LIST_MESSAGES } from '@/lib/admin/list-items';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { auditCount, auditFor, createStage, createTouchpointRow } from './admin-helpers';

const kinds = [
  {
    kind: 'category' as const,
    table: defectCategories,
    actions: {
      create: categoryActions.createCategoryAction,
      rename: categoryActions.renameCategoryAction,
      setActive: categoryActions.setCategoryActiveAction,
      remove: categoryActions.deleteCategoryAction,
    },
    entityType: 'defect_category',
    // Gives the item a use, so deleting it must be refused.
    use: async (id: string) => {
      const touchpoint = await createTouchpointRow((await createStage()).id);
      const db = await getDb();
      await db
        .insert(defects)
        .values({ touchpointId: touchpoint.id, categoryId: id, kind: 'complaint', occurredAt: new Date() });
    },
  },
  {
    kind: 'segment' as const,
    table: segments,
    actions: {
      create: segmentActions.createSegmentAction,
      rename: segmentActions.renameSegmentAction,
      setActive: segmentActions.setSegmentActiveAction,
      remove: segmentActions.deleteSegmentAction,
    },
    entityType: 'segment',
    use: async (id: string) => {
      const db = await getDb();
      await db.insert(customers).values({ name: 'Ada', segmentId: id });
    },
  },
];

for (const { kind, table, actions, entityType, use } of kinds) {
  describe(`${kind} administration`, () => {
    beforeEach(() => signInAs(null));

    async function row(id: string) {
      const db = await getDb();
      const [found] = await db.select({ name: table.name, active: table.active }).from(table).where(eq(table.id, id));
      return found;
    }

    it('refuses every action to managers and staff, changing nothing', async () => {
      signInAs((await createUser({ role: 'admin' })).id);
      const created = await actions.create({ name: `Existing ${kind}` });
      if (!created.ok) throw new Error(created.message);
      const id = created.data.id;
      const before = await auditCount();
      for (const role of ['manager', 'staff'] as const) {
        signInAs((await createUser({ role })).id);
        expect(await actions.create({ name: 'Sneaky' })).toMatchObject({ ok: false, status: 403 });
        expect(await actions.rename({ id, name: 'Renamed' })).toMatchObject({ ok: false, status: 403 });
        expect(await actions.setActive({ id, active: false })).toMatchObject({ ok: false, status: 403 });
        expect(await actions.remove({ id })).toMatchObject({ ok: false, status: 403 });
      }
      expect(await row(id)).toEqual({ name: `Existing ${kind}`, active: true });
      expect(await auditCount()).toBe(before);
    });

    it('creates, renames, deactivates and deletes, auditing each with before and after', async () => {
      signInAs((await createUser({ role: 'admin' })).id);
      const created = await actions.create({ name: 'Walk-in' });
      if (!created.ok) throw new Error(created.message);
      const id = created.data.id;
      expect(await actions.rename({ id, name: 'Walk-in trade' })).toMatchObject({ ok: true });
      expect(await actions.setActive({ id, active: 'false' })).toMatchObject({ ok: true });
      expect(await row(id)).toEqual({ name: 'Walk-in trade', active: false });
      expect(await actions.remove({ id })).toMatchObject({ ok: true });
      expect(await row(id)).toBeUndefined();
      const events = await auditFor(id);
      expect(events.map((e) => [e.action, e.entityType])).toEqual([
        [`${entityType}.created`, entityType],
        [`${entityType}.renamed`, entityType],
        [`${entityType}.deactivated`, entityType],
        [`${entityType}.deleted`, entityType],
      ]);
      expect(events[1]).toMatchObject({ before: { name: 'Walk-in' }, after: { name: 'Walk-in trade' } });
    });

    it('refuses a duplicate name, and deleting one in use', async () => {
      signInAs((await createUser({ role: 'admin' })).id);
      const created = await actions.create({ name: 'Premium' });
      if (!created.ok) throw new Error(created.message);
      expect(await actions.create({ name: 'PREMIUM' })).toMatchObject({
        ok: false,
        status: 409,
        fieldErrors: { name: [englishMessage(LIST_MESSAGES[kind].duplicate)] },
      });
      await use(created.data.id);
      expect(await actions.remove({ id: created.data.id })).toMatchObject({
        ok: false,
        status: 409,
        message: englishMessage(LIST_MESSAGES[kind].inUse),
      });
      expect(await row(created.data.id)).toBeDefined();
    });
  });
}
