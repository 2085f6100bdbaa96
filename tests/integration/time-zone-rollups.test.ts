import { beforeAll, describe, expect, it } from 'vitest';
import { and, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { customers, interactions, journeyStages, segments, touchpoints } from '@/db/schema';
import { ROLLUP_REBUILD_FUNCTIONS } from '@/db/rollup-sql';
import { rowsTarget, scopeConditions } from '@/lib/queries/filter-conditions';
import { expectRollupsToMatch, stored } from '../support/zone-rollups';

/*
 * The rollups cut days and months at the company zone's midnight (docs/settings.md "Time zone"),
 * on days of 23 and 25 hours too, each compared with an independent recount of the raw rows
 * (tests/support/zone-rollups.ts).
 */

// Instants around the midnights of Berlin's 23-hour day (2026-03-29), its 25-hour day
// (2026-10-25) and New York's (2026-03-08, 2026-11-01), one second either side of each midnight.
const INSTANTS = [
  '2026-03-28T22:59:59Z', // 23:59:59 CET, 28 March in Berlin
  '2026-03-28T23:00:00Z', // 00:00 CET, 29 March
  '2026-03-29T01:30:00Z', // 03:30 CEST, just after the gap
  '2026-03-29T21:59:59Z', // 23:59:59 CEST, still 29 March
  '2026-03-29T22:00:00Z', // 30 March
  '2026-10-24T21:59:59Z', // 24 October in Berlin
  '2026-10-24T22:00:00Z', // 00:00 CEST, 25 October
  '2026-10-25T00:30:00Z', // 02:30 CEST, the first 02:30
  '2026-10-25T01:30:00Z', // 02:30 CET, the second
  '2026-10-25T22:59:59Z', // 23:59:59 CET, still 25 October: 25 hours
  '2026-10-25T23:00:00Z', // 26 October
  '2026-03-08T04:59:59Z', // 7 March in New York (EST)
  '2026-03-08T05:00:00Z', // 8 March in New York
  '2026-03-09T03:59:59Z', // 23:59:59 EDT, 8 March: 23 hours
  '2026-11-01T03:59:59Z', // 31 October in New York (EDT)
  '2026-11-01T04:00:00Z', // 1 November
  '2026-11-02T04:59:59Z', // 23:59:59 EST, 1 November: 25 hours
  '2026-01-31T23:30:00Z', // 31 January in UTC and New York, 1 February in Berlin: a month boundary
  '2026-02-01T02:00:00Z', // 1 February in UTC and Berlin, 31 January in New York
];

let touchpointId = '';
let customerId = '';

beforeAll(async () => {
  const db = await getDb();
  const [stage] = await db.insert(journeyStages).values({ name: 'Zone', position: 0 }).returning();
  const [tp] = await db
    .insert(touchpoints)
    .values({ name: 'Desk', stageId: stage!.id, channel: 'phone', opportunities: 1 })
    .returning();
  const [segment] = await db.insert(segments).values({ name: 'Zones' }).returning();
  const [customer] = await db.insert(customers).values({ name: 'Zed', segmentId: segment!.id }).returning();
  touchpointId = tp!.id;
  customerId = customer!.id;
});

async function setZone(zone: string) {
  const db = await getDb();
  await db.execute(sql`update company_settings set time_zone = ${zone} where id = 1`);
}

async function rebuildAll() {
  const db = await getDb();
  for (const rebuild of ROLLUP_REBUILD_FUNCTIONS) await db.execute(sql`select ${sql.raw(rebuild)}()`);
}

describe('rollup days in the company time zone', () => {
  it('are cut at Berlin midnight by the triggers, on its 23- and 25-hour days', async () => {
    await setZone('Europe/Berlin');
    await rebuildAll();
    const db = await getDb();
    // Every other row is an unhappy comment with a phrase, so the voice rollups count it.
    await db.insert(interactions).values(
      INSTANTS.map((at, i) => ({
        touchpointId,
        customerId,
        occurredAt: new Date(at),
        ...(i % 2 === 0 ? { nps: 2, commentPhrases: ['slow reply'] } : {}),
      })),
    );
    const days = await stored('metrics_daily', 'day');
    // By hand: 29 March holds 00:00 CET to 23:59:59 CEST, 23 hours; 25 October holds 25.
    expect(days['2026-03-28']).toBe(1);
    expect(days['2026-03-29']).toBe(3);
    expect(days['2026-03-30']).toBe(1);
    expect(days['2026-10-25']).toBe(4);
    expect(days['2026-02-01']).toBe(2);
    await expectRollupsToMatch('Europe/Berlin');
  });

  it('are the days the lists filter by (the drill-down behind a day on the chart)', async () => {
    const db = await getDb();
    const days = await stored('metrics_daily', 'day');
    for (const day of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-25', '2026-02-01']) {
      const scope = { from: day, to: day, touchpoint: [], stage: [], channel: [], segment: [] };
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(interactions)
        .where(and(...scopeConditions(scope, rowsTarget(interactions))));
      expect(row!.n).toBe(days[day]);
    }
  });

  it('follow an update that moves an interaction across the zone’s midnight', async () => {
    const db = await getDb();
    await db.execute(
      sql`update interactions set occurred_at = occurred_at + interval '1 hour' where occurred_at = '2026-03-29T21:59:59Z'`,
    );
    expect((await stored('metrics_daily', 'day'))['2026-03-30']).toBe(2);
    await expectRollupsToMatch('Europe/Berlin');
  });

  it('are counted again in New York’s days by the rebuild', async () => {
    await setZone('America/New_York');
    await rebuildAll();
    const days = await stored('metrics_daily', 'day');
    expect(days['2026-03-08']).toBe(2);
    expect(days['2026-11-01']).toBe(2);
    expect(days['2026-01-31']).toBe(2);
    await expectRollupsToMatch('America/New_York');
    const db = await getDb();
    await db.delete(interactions).where(sql`occurred_at = '2026-11-01T04:00:00Z'`);
    await expectRollupsToMatch('America/New_York');
  });

  it('are UTC days in UTC', async () => {
    await setZone('UTC');
    await rebuildAll();
    await expectRollupsToMatch('UTC');
  });
});
