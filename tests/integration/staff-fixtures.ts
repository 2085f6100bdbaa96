import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  auditEvents,
  customers,
  defects,
  interactions,
  journeyStages,
  touchpoints,
  type Touchpoint,
} from '@/db/schema';

let counter = 0;

/** A stage with an active and an inactive touchpoint (default rules), made once per test file. */
export async function createCatalog() {
  counter += 1;
  const db = await getDb();
  const [stage] = await db
    .insert(journeyStages)
    .values({ name: `Purchase ${counter}`, position: counter })
    .returning();
  const [till, retired] = (await db
    .insert(touchpoints)
    .values([
      { name: `Till ${counter}`, stageId: stage!.id, channel: 'in_person' },
      { name: `Old till ${counter}`, stageId: stage!.id, channel: 'in_person', active: false },
    ])
    .returning()) as [Touchpoint, Touchpoint];
  return { stage: stage!, till, retired };
}

export async function createCustomerRow(values: Partial<typeof customers.$inferInsert> = {}) {
  counter += 1;
  const db = await getDb();
  const [row] = await db
    .insert(customers)
    .values({ name: `Customer ${counter}`, email: `customer${counter}@example.test`, ...values })
    .returning();
  return row!;
}

const countOf = async (table: typeof interactions | typeof defects | typeof customers | typeof auditEvents) => {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(table);
  return row?.n ?? 0;
};

/** Row counts of the tables a staff action may write, to prove nothing was written. */
export async function tableCounts() {
  return {
    interactions: await countOf(interactions),
    defects: await countOf(defects),
    customers: await countOf(customers),
    audit: await countOf(auditEvents),
  };
}
