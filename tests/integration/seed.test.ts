import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { selectRows } from '@/db/client';
import { companySettings, defects, interactions, touchpoints } from '@/db/schema';
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

  it('names the demo company and keeps its pounds, British formats, UTC days and Monday weeks', async () => {
    const db = await getDb();
    const [company] = await db
      .select({
        name: companySettings.name,
        currency: companySettings.currency,
        locale: companySettings.locale,
        timeZone: companySettings.timeZone,
        weekStart: companySettings.weekStart,
      })
      .from(companySettings);
    expect(company).toEqual({
      name: 'Brightwell Interiors',
      currency: 'GBP',
      locale: 'en-GB',
      timeZone: 'UTC',
      weekStart: 1,
    });
  });

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

  it('tells one story: customers added before their history, feedback through links that are on', async () => {
    const db = await getDb();
    const [row] = await selectRows<{
      late: number;
      customers: number;
      feedback: number;
      offLink: number;
      sold: number;
    }>(
      db,
      sql`select
        (select count(*)::int from customers c where c.created_at > (select min(i.occurred_at) from interactions i where i.customer_id = c.id)) as late,
        (select count(*)::int from customers c where c.created_at > ${NOW.toISOString()}::timestamptz - interval '1 day') as customers,
        (select count(*)::int from interactions where source = 'feedback') as feedback,
        (select count(*)::int from interactions i join touchpoints t on t.id = i.touchpoint_id where i.source = 'feedback' and not t.feedback_enabled) as "offLink",
        (select count(*)::int from interactions where source = 'feedback' and (outcome <> 'none' or sale_value is not null)) as sold`,
    );
    expect(row).toMatchObject({ late: 0, offLink: 0, sold: 0 });
    // Not everyone was added today: "customer since" spreads over the demo year.
    expect(row!.customers).toBeLessThan(10);
    expect(row!.feedback).toBeGreaterThan(50);
  });

  it('gives every defect a person edited the history of those edits, ending where it stands', async () => {
    const db = await getDb();
    const [row] = await selectRows<{ silent: number; mismatched: number; future: number; worked: number }>(
      db,
      sql`select
        (select count(*)::int from defects d where d.touched and not exists (select 1 from defect_events e where e.defect_id = d.id)) as silent,
        (select count(*)::int from defects d where d.status <> 'open' and d.status::text is distinct from (
          select e.changes->'status'->>'to' from defect_events e where e.defect_id = d.id and e.type = 'status' order by e.created_at desc limit 1)) as mismatched,
        (select count(*)::int from defect_events where created_at > ${NOW.toISOString()}::timestamptz) as future,
        (select count(*)::int from defects where status <> 'open') as worked`,
    );
    expect(row).toMatchObject({ silent: 0, mismatched: 0, future: 0 });
    expect(row!.worked).toBeGreaterThan(100);
  });

  it("dates each lifecycle change by the event that caused it, not by the seed's run", async () => {
    const db = await getDb();
    const [row] = await selectRows<{ changes: number; by_event: number; unmatched: number; after_now: number }>(
      db,
      sql`select count(*)::int as changes,
          (count(*) filter (where ch.rule in ('sale_won', 'detractor', 'promoters', 'severe_defect')))::int as by_event,
          (count(*) filter (where ch.rule in ('sale_won', 'detractor', 'promoters') and not exists (
            select 1 from interactions i where i.customer_id = ch.customer_id and i.occurred_at = ch.occurred_at)))::int as unmatched,
          (count(*) filter (where ch.occurred_at > ${NOW.toISOString()}::timestamptz))::int as after_now
        from customer_lifecycle_changes ch`,
    );
    expect(row!.by_event).toBeGreaterThan(10);
    expect(row).toMatchObject({ unmatched: 0, after_now: 0 });
  });
});
