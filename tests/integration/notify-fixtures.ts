import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { defectCategories, defects, journeyStages, touchpoints, type Touchpoint } from '@/db/schema';
import { JobRunner } from '@/lib/jobs/runner';
import '@/lib/jobs/handlers';

let counter = 0;

/** A touchpoint, a category and an unassigned manual defect on it. */
export async function createDefectFixture() {
  counter += 1;
  const db = await getDb();
  const [stage] = await db
    .insert(journeyStages)
    .values({ name: `Notify stage ${counter}`, position: 100 + counter })
    .returning();
  const [till] = (await db
    .insert(touchpoints)
    .values({ name: `Notify till ${counter}`, stageId: stage!.id, channel: 'in_person' })
    .returning()) as [Touchpoint];
  const [category] = await db
    .insert(defectCategories)
    .values({ name: `Notify category ${counter}` })
    .returning();
  const [defect] = await db
    .insert(defects)
    .values({
      touchpointId: till.id,
      categoryId: category!.id,
      kind: 'complaint',
      severity: 'major',
      occurredAt: new Date(),
      title: `Rude reply ${counter}`,
    })
    .returning();
  return { till, category: category!, defect: defect! };
}

export async function defectVersion(id: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ version: defects.version }).from(defects).where(eq(defects.id, id));
  return row!.version;
}

/** A runner for one test: polls nothing by itself; tests call drain(). */
export const testRunner = (holder = 'test-runner') => new JobRunner({ getDb, holder, log: () => {}, leaseMs: 60_000 });
