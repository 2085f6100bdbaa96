import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { defects, interactions, touchpoints } from '@/db/schema';
import { clearDatabase, seedDemoData } from '@/db/seed-demo';
import { evaluateAutoDefects } from '@/lib/defects/auto-rules';

const NOW = new Date('2026-06-30T18:00:00Z');

async function fingerprint() {
  const db = await getDb();
  const [row] = await db
    .select({
      interactions: sql<number>`count(*)`.mapWith(Number),
      scores: sql<string>`coalesce(sum(coalesce(${interactions.csat}, 0) + coalesce(${interactions.nps}, 0) * 7), 0)::text`,
      sales: sql<string>`coalesce(sum(${interactions.saleValue}), 0)::text`,
      openDefects: sql<number>`coalesce(sum(${interactions.openDefectCount}), 0)`.mapWith(Number),
    })
    .from(interactions);
  const [defectRow] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(defects);
  return { ...row, defects: defectRow?.n };
}

describe('demo data', () => {
  it('is deterministic: seeding twice gives identical counts and values', async () => {
    const db = await getDb();
    const first = await seedDemoData(db, { scale: 0.1, now: NOW });
    const firstPrint = await fingerprint();
    await clearDatabase(db);
    const second = await seedDemoData(db, { scale: 0.1, now: NOW });
    expect(second).toEqual(first);
    expect(await fingerprint()).toEqual(firstPrint);
    expect(first.touchpoints).toBeGreaterThanOrEqual(20);
    expect(first.stages).toBe(8);
    expect(first.interactions).toBeGreaterThan(2_000);
    // Two whole seeds, each now also telling the case story (proofs and a chart evaluation).
  }, 60_000);

  it('raises exactly the defects the touchpoint rules ask for, and counts them on each interaction', async () => {
    const db = await getDb();
    const rows = await db
      .select({ interaction: interactions, touchpoint: touchpoints })
      .from(interactions)
      .innerJoin(touchpoints, eq(touchpoints.id, interactions.touchpointId));
    const actual = await db
      .select({ interactionId: defects.interactionId, rule: defects.autoRule, status: defects.status })
      .from(defects);

    const expected = new Set<string>();
    for (const { interaction, touchpoint } of rows) {
      const specs = evaluateAutoDefects(
        { ...interaction, saleValue: interaction.saleValue === null ? null : Number(interaction.saleValue) },
        touchpoint,
      );
      for (const spec of specs) expected.add(`${interaction.id}:${spec.rule}`);
    }
    expect(new Set(actual.map((d) => `${d.interactionId}:${d.rule}`))).toEqual(expected);
    expect(expected.size).toBeGreaterThan(100);

    const [mismatch] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(interactions)
      .where(
        sql`${interactions.openDefectCount} <> (select count(*) from ${defects} where ${defects.interactionId} = ${interactions.id} and ${defects.status} <> 'dismissed')`,
      );
    expect(mismatch?.n).toBe(0);
  });

  it('gives lost-sale defects the lost sale value as lost revenue', async () => {
    const db = await getDb();
    const [row] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(defects)
      .innerJoin(interactions, eq(interactions.id, defects.interactionId))
      .where(sql`${defects.autoRule} = 'lost_sale' and ${defects.lostRevenue} <> ${interactions.saleValue}`);
    expect(row?.n).toBe(0);
  });
});
