import 'server-only';
import { and, count, eq, gte, ne, notInArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { customers, defects, interactions, touchpoints } from '@/db/schema';

export interface OverviewCounts {
  interactions: number;
  defectiveInteractions: number;
  defects: number;
  openDefects: number;
  lostRevenue: number;
  customers: number;
  activeTouchpoints: number;
}

/** Headline counts over the last `days` days, each aggregated in SQL. */
export async function getOverviewCounts({ days }: { days: number }): Promise<OverviewCounts> {
  const db = await getDb();
  const since = sql`now() - make_interval(days => ${days})`;
  const [interactionRow, defectRow, openRow, customerRow, touchpointRow] = await Promise.all([
    db
      .select({
        total: count(),
        defective: count(sql`case when ${interactions.openDefectCount} > 0 then 1 end`),
      })
      .from(interactions)
      .where(gte(interactions.occurredAt, since)),
    db
      .select({ total: count(), lostRevenue: sql<string>`coalesce(sum(${defects.lostRevenue}), 0)` })
      .from(defects)
      .where(and(gte(defects.occurredAt, since), ne(defects.status, 'dismissed'))),
    db.select({ total: count() }).from(defects).where(notInArray(defects.status, ['closed', 'dismissed'])),
    db.select({ total: count() }).from(customers),
    db.select({ total: count() }).from(touchpoints).where(eq(touchpoints.active, true)),
  ]);
  return {
    interactions: interactionRow[0]?.total ?? 0,
    defectiveInteractions: interactionRow[0]?.defective ?? 0,
    defects: defectRow[0]?.total ?? 0,
    openDefects: openRow[0]?.total ?? 0,
    lostRevenue: Number(defectRow[0]?.lostRevenue ?? 0),
    customers: customerRow[0]?.total ?? 0,
    activeTouchpoints: touchpointRow[0]?.total ?? 0,
  };
}
