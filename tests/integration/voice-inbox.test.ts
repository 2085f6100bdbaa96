import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditEvents, commentReviews, defectCategories, defects, interactions } from '@/db/schema';
import {
  assignCommentAction,
  openCaseFromCommentAction,
  raiseDefectFromCommentAction,
  setCommentHandledAction,
} from '@/app/(app)/inbox/actions';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { listInbox } from '@/lib/queries/inbox';
import { interactionFiltersSchema } from '@/lib/validation/filters';
import { inboxParamsSchema } from '@/lib/validation/inbox';
import { interactionInputSchema } from '@/lib/validation/interactions';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { createCatalog, tableCounts } from './staff-fixtures';

let catalog: Awaited<ReturnType<typeof createCatalog>>;
let manager: { id: string };
let otherManager: { id: string };
let staff: { id: string };
let categoryId: string;
const ids = { old: randomUUID(), angry: randomUUID(), happy: randomUUID(), silent: randomUUID() };

async function inbox(params: Record<string, unknown> = {}, userId = manager.id) {
  const { rows, total } = await listInbox({
    filters: interactionFiltersSchema.parse({ touchpoint: catalog.till.id, ...params }),
    params: inboxParamsSchema.parse(params),
    userId,
  });
  return { ids: rows.map((r) => r.id), total, rows };
}

const auditOf = async (interactionId: string) => {
  const db = await getDb();
  return (
    await db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'interaction'), eq(auditEvents.entityId, interactionId)))
      .orderBy(auditEvents.createdAt)
  ).map((a) => a.action);
};

beforeAll(async () => {
  catalog = await createCatalog();
  manager = await createUser({ role: 'manager' });
  otherManager = await createUser({ role: 'admin' });
  staff = await createUser({ role: 'staff' });
  const db = await getDb();
  const [category] = await db.insert(defectCategories).values({ name: 'Inbox complaint' }).returning();
  categoryId = category!.id;
  const rows = [
    { id: ids.old, occurredAt: '2026-01-01T10:00:00Z', nps: 5, notes: 'Still waiting for the refund.' },
    { id: ids.angry, occurredAt: '2026-01-03T10:00:00Z', csat: 1, notes: 'Terrible, rude driver and a broken door.' },
    { id: ids.happy, occurredAt: '2026-01-02T10:00:00Z', nps: 10, notes: 'Lovely service, thank you!' },
    { id: ids.silent, occurredAt: '2026-01-04T10:00:00Z', nps: 0 },
  ];
  await db.transaction((tx) =>
    recordInteractions(
      tx,
      rows.map((r) => interactionInputSchema.parse({ touchpointId: catalog.till.id, ...r })),
      { source: 'feedback', loggedById: null },
    ),
  );
});

beforeEach(() => signInAs(manager.id));

describe('the feedback inbox', () => {
  it('lists comments only, newest first, filtered by sentiment and score', async () => {
    expect((await inbox()).ids).toEqual([ids.angry, ids.happy, ids.old]);
    expect((await inbox({ sentiment: 'positive' })).ids).toEqual([ids.happy]);
    expect((await inbox({ npsGroup: 'detractor' })).ids).toEqual([ids.old]);
    expect((await inbox({ csatMax: '2' })).ids).toEqual([ids.angry]);
  });

  it('marks a comment handled and new again, auditing both', async () => {
    expect(await setCommentHandledAction({ interactionId: ids.happy, handled: '1' })).toMatchObject({ ok: true });
    expect((await inbox()).ids).toEqual([ids.angry, ids.old]);
    expect((await inbox({ state: 'handled' })).rows.map((r) => [r.id, r.handledByName !== null])).toEqual([
      [ids.happy, true],
    ]);
    expect(await setCommentHandledAction({ interactionId: ids.happy, handled: '0' })).toMatchObject({ ok: true });
    expect((await inbox()).total).toBe(3);
    expect(await auditOf(ids.happy)).toEqual(['comment.handled', 'comment.reopened']);
  });

  it('assigns a comment to a manager or admin only, and lists "assigned to me"', async () => {
    expect(await assignCommentAction({ interactionId: ids.old, assigneeId: otherManager.id })).toMatchObject({
      ok: true,
    });
    expect((await inbox({ assigned: 'me' }, otherManager.id)).ids).toEqual([ids.old]);
    expect((await inbox({ assigned: 'me' })).ids).toEqual([]);
    const before = await tableCounts();
    const refused = await assignCommentAction({ interactionId: ids.old, assigneeId: staff.id });
    expect(refused).toMatchObject({ ok: false, status: 422, fieldErrors: { assigneeId: [expect.any(String)] } });
    expect(await tableCounts()).toEqual(before);
    expect(await auditOf(ids.old)).toEqual(['comment.assigned']);
  });

  it('raises a complaint defect from a comment, linked to its interaction, and handles the comment', async () => {
    const result = await raiseDefectFromCommentAction({ interactionId: ids.angry, categoryId, severity: 'major' });
    expect(result.ok).toBe(true);
    const defectId = result.ok ? result.data.defectId : '';
    const db = await getDb();
    const [defect] = await db.select().from(defects).where(eq(defects.id, defectId));
    expect(defect).toMatchObject({
      interactionId: ids.angry,
      touchpointId: catalog.till.id,
      kind: 'complaint',
      severity: 'major',
      categoryId,
      description: 'Terrible, rude driver and a broken door.',
      title: 'Complaint: Terrible, rude driver and a broken door.',
    });
    const [interaction] = await db
      .select({ open: interactions.openDefectCount })
      .from(interactions)
      .where(eq(interactions.id, ids.angry));
    // The CSAT 1 auto defect (if its category exists) plus this one: counted from the defects.
    const linked = await db.select({ id: defects.id }).from(defects).where(eq(defects.interactionId, ids.angry));
    expect(interaction?.open).toBe(linked.length);
    const [review] = await db.select().from(commentReviews).where(eq(commentReviews.interactionId, ids.angry));
    expect(review?.handledById).toBe(manager.id);
    expect(await auditOf(ids.angry)).toEqual(['comment.defect_raised']);
  });

  it('opens a case from a comment with its defect', async () => {
    const result = await openCaseFromCommentAction({ interactionId: ids.old, categoryId });
    expect(result).toMatchObject({ ok: true, data: { caseId: expect.any(String), defectId: expect.any(String) } });
    const db = await getDb();
    const [defect] = await db
      .select({ caseId: defects.caseId })
      .from(defects)
      .where(eq(defects.id, result.ok ? result.data.defectId : ''));
    expect(defect?.caseId).toBe(result.ok ? result.data.caseId : 'none');
    expect(await auditOf(ids.old)).toEqual(['comment.assigned', 'comment.defect_raised', 'comment.case_opened']);
  });

  it('refuses an interaction without a comment, a gone one and an unknown category, writing nothing', async () => {
    const before = await tableCounts();
    expect(await setCommentHandledAction({ interactionId: ids.silent, handled: '1' })).toMatchObject({
      ok: false,
      status: 422,
    });
    expect(await setCommentHandledAction({ interactionId: randomUUID(), handled: '1' })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await raiseDefectFromCommentAction({ interactionId: ids.happy, categoryId: randomUUID() })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { categoryId: [expect.any(String)] },
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('is for managers: staff are refused', async () => {
    signInAs(staff.id);
    expect(await setCommentHandledAction({ interactionId: ids.happy, handled: '1' })).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});
