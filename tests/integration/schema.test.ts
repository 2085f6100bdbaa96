import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { selectRows } from '@/db/client';
import { interactions, journeyStages, touchpoints, users } from '@/db/schema';

async function makeTouchpoint() {
  const db = await getDb();
  const [stage] = await db
    .insert(journeyStages)
    .values({ name: `Stage ${Math.random()}`, position: 0 })
    .returning();
  const [touchpoint] = await db
    .insert(touchpoints)
    .values({ name: 'Till', stageId: stage!.id, channel: 'in_person' })
    .returning();
  return touchpoint!;
}

describe('schema', () => {
  it('is migrated from zero: every table of the domain exists', async () => {
    const db = await getDb();
    const rows = await selectRows<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'api_keys',
        'audit_events',
        'customers',
        'defect_categories',
        'defect_events',
        'defects',
        'interactions',
        'journey_stages',
        'segments',
        'touchpoints',
        'users',
      ]),
    );
  });

  it.each([
    ['csat', 6],
    ['csat', 0],
    ['expectation', 6],
    ['experience', 0],
    ['nps', 11],
    ['nps', -1],
    ['effort', 8],
  ] as const)('rejects an interaction with %s = %i', async (column, value) => {
    const db = await getDb();
    const touchpoint = await makeTouchpoint();
    await expect(
      db.insert(interactions).values({ touchpointId: touchpoint.id, occurredAt: new Date(), [column]: value }),
    ).rejects.toThrow();
    const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(interactions);
    expect(row?.n).toBe(0);
  });

  it('accepts scores at the edges of their scales', async () => {
    const db = await getDb();
    const touchpoint = await makeTouchpoint();
    await db.insert(interactions).values({
      touchpointId: touchpoint.id,
      occurredAt: new Date(),
      csat: 5,
      nps: 0,
      effort: 7,
      expectation: 1,
      experience: 5,
    });
    const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(interactions);
    expect(row?.n).toBe(1);
    await db.delete(interactions);
  });

  it('rejects a touchpoint with zero opportunities', async () => {
    const db = await getDb();
    const [stage] = await db.insert(journeyStages).values({ name: 'Opportunities stage', position: 1 }).returning();
    await expect(
      db.insert(touchpoints).values({ name: 'Bad', stageId: stage!.id, channel: 'web', opportunities: 0 }),
    ).rejects.toThrow();
  });

  it('treats user emails as unique whatever their case', async () => {
    const db = await getDb();
    await db.insert(users).values({ email: 'Case@Example.test', name: 'A', passwordHash: 'x' });
    await expect(
      db.insert(users).values({ email: 'case@example.TEST', name: 'B', passwordHash: 'x' }),
    ).rejects.toThrow();
  });
});
