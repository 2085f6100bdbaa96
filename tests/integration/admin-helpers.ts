import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditEvents, defectCategories, journeyStages, touchpoints } from '@/db/schema';

let counter = 0;
const unique = (label: string) => `${label} ${++counter} ${Date.now()}`;

export async function createStage(name = unique('Stage')) {
  const db = await getDb();
  const [{ max } = { max: 0 }] = await db.select({ max: count() }).from(journeyStages);
  const [stage] = await db
    .insert(journeyStages)
    .values({ name, position: max + 1 })
    .returning();
  return stage!;
}

export async function createTouchpointRow(stageId: string, name = unique('Touchpoint')) {
  const db = await getDb();
  const [row] = await db.insert(touchpoints).values({ name, stageId, channel: 'phone' }).returning();
  return row!;
}

export async function createCategoryRow(name = unique('Category')) {
  const db = await getDb();
  const [row] = await db.insert(defectCategories).values({ name }).returning();
  return row!;
}

export async function auditCount() {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(auditEvents);
  return row?.n ?? 0;
}

export async function auditFor(entityId: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId)).orderBy(auditEvents.createdAt);
}

/** A valid touchpoint form, as the browser would post it. */
export function touchpointForm(stageId: string, overrides: Record<string, string | undefined> = {}): FormData {
  const fields: Record<string, string | undefined> = {
    name: unique('Touchpoint'),
    description: 'Answering the sales line',
    stageId,
    channel: 'phone',
    opportunities: '3',
    expectationTarget: '4',
    ruleLostSale: 'on',
    ruleBelowExpectation: 'on',
    ruleBelowExpectationGap: '2',
    ruleLowCsatMax: '2',
    ruleLowNps: 'on',
    ruleLowNpsMax: '5',
    ...overrides,
  };
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.set(key, value);
  return form;
}
