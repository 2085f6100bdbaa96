import { beforeAll, describe, expect, it } from 'vitest';
import { and, count, notInArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { defectCategories, defects, journeyStages, touchpoints } from '@/db/schema';
import type { DefectStatus } from '@/lib/enums';
import { getBacklogHealth } from '@/lib/queries/backlog';
import { AGE_BANDS, overdueDefect } from '@/lib/queries/filter-conditions';
import { createUser } from '../support/factories';

/*
 * The backlog cards read a rollup by UTC day recorded and count the day an age boundary falls in
 * from the raw rows (lib/queries/backlog.ts). Defects a minute either side of each boundary, in
 * every state that counts differently, must land where the drill-down's filters (AGE_BANDS,
 * overdueDefect) put them: a card that counted whole days would move one of each pair.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const ago = (days: number, plusMinutes: number) => new Date(Date.now() - days * DAY + plusMinutes * MINUTE);
const yesterday = () => new Date(Date.now() - DAY).toISOString().slice(0, 10);

// name: [days ago, minutes after that instant, status, owned, due yesterday]
const DEFECTS: [string, number, number, DefectStatus, boolean, boolean][] = [
  ['A', 8, 1, 'open', true, false],
  ['B', 8, -1, 'open', false, false],
  ['C', 31, 1, 'investigating', false, false],
  ['D', 31, -1, 'open', false, false],
  ['E', 91, 1, 'action', false, false],
  ['F', 91, -1, 'open', false, false],
  ['G', 30, 1, 'open', false, true],
  ['H', 30, -1, 'closed', false, false],
  ['I', 60, 1, 'dismissed', false, false],
  ['J', 60, -1, 'verified', false, true],
  ['K', 0, -60, 'closed', true, false],
];

beforeAll(async () => {
  const db = await getDb();
  const [stage] = await db.insert(journeyStages).values({ name: 'Backlog', position: 0 }).returning();
  const [desk] = await db
    .insert(touchpoints)
    .values({ name: 'Desk', stageId: stage!.id, channel: 'phone' })
    .returning();
  const [category] = await db.insert(defectCategories).values({ name: 'Late' }).returning();
  const owner = await createUser({ role: 'staff' });
  await db.insert(defects).values(
    DEFECTS.map(([title, days, minutes, status, owned, due]) => ({
      title,
      touchpointId: desk!.id,
      categoryId: category!.id,
      kind: 'complaint' as const,
      occurredAt: ago(days, minutes),
      createdAt: ago(days, minutes),
      status,
      ownerId: owned ? owner!.id : null,
      dueOn: due ? yesterday() : null,
    })),
  );
});

/** The drill-down's own count of open defects matching a condition, from the raw rows. */
async function drillDown(condition?: ReturnType<typeof sql>) {
  const db = await getDb();
  const open = notInArray(defects.status, ['closed', 'dismissed']);
  const [row] = await db
    .select({ n: count() })
    .from(defects)
    .where(condition ? and(open, condition) : open);
  return row!.n;
}

describe('the backlog cards', () => {
  it('count open, overdue, unassigned and each age band as the drill-down filters do, to the minute', async () => {
    const db = await getDb();
    const { defects: cards } = await getBacklogHealth(db);
    // By hand from the table above.
    expect(cards.open).toBe(8);
    expect(cards.byAge).toEqual({ '0-7': 1, '8-30': 3, '31-90': 3, '90+': 1 });
    expect(cards.unassigned).toBe(7);
    expect(cards.overdue).toBe(1);
    // Opened in the last 30 days (A, B, G, K) and the 30 before (C, D, H, I), whatever their state now.
    expect(cards.opened30).toBe(4);
    expect(cards.openedPrevious30).toBe(4);

    // And the same as the lists a card links to.
    expect(cards.open).toBe(await drillDown());
    for (const band of Object.keys(AGE_BANDS) as (keyof typeof AGE_BANDS)[]) {
      expect(cards.byAge[band]).toBe(await drillDown(AGE_BANDS[band]));
    }
    expect(cards.overdue).toBe(await drillDown(overdueDefect));
  });

  it('follow a defect that is assigned, closed and reopened, and agree with a rebuild', async () => {
    const db = await getDb();
    await db.execute(sql`update defects set owner_id = null where title = 'A'`);
    await db.execute(sql`update defects set status = 'closed' where title in ('B', 'F')`);
    await db.execute(sql`update defects set status = 'open' where title = 'H'`);
    const after = (await getBacklogHealth(db)).defects;
    expect(after.open).toBe(7);
    expect(after.unassigned).toBe(7);
    expect(after.byAge).toEqual({ '0-7': 1, '8-30': 3, '31-90': 3, '90+': 0 });
    expect(after.opened30).toBe(4);

    await db.execute(sql`select rebuild_metric_rollups()`);
    expect((await getBacklogHealth(db)).defects).toEqual(after);
  });
});
