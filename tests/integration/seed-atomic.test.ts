import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { selectRows } from '@/db/client';
import { clearDatabase, seedDemoData, seedDemoDataIfEmpty } from '@/db/seed-demo';

const NOW = new Date('2026-06-30T18:00:00Z');

async function counts() {
  const [row] = await selectRows<{ users: number; interactions: number; defects: number }>(
    await getDb(),
    sql`select (select count(*)::int from users) as users, (select count(*)::int from interactions) as interactions,
               (select count(*)::int from defects) as defects`,
  );
  return row!;
}

describe('demo seeding', () => {
  it('leaves nothing behind when it fails part-way (after the interactions, before the defects)', async () => {
    const db = await getDb();
    await clearDatabase(db);
    const failing = seedDemoData(db, {
      scale: 0.05,
      now: NOW,
      log: (line) => {
        if (line.includes('interactions')) throw new Error('killed while seeding');
      },
    });
    await expect(failing).rejects.toThrow('killed while seeding');
    expect(await counts()).toEqual({ users: 0, interactions: 0, defects: 0 });

    // The next attempt starts from scratch and completes.
    const summary = await seedDemoDataIfEmpty(db, { scale: 0.05, now: NOW });
    expect(summary).not.toBeNull();
    expect(await counts()).toEqual({
      users: summary!.users,
      interactions: summary!.interactions,
      defects: summary!.defects,
    });
  }, 120_000);

  it('seeds once when two processes find the database empty at the same moment', async () => {
    const db = await getDb();
    await clearDatabase(db);
    const results = await Promise.all([
      seedDemoDataIfEmpty(db, { scale: 0.05, now: NOW }),
      seedDemoDataIfEmpty(db, { scale: 0.05, now: NOW }),
    ]);
    const seeded = results.filter((r) => r !== null);
    expect(seeded).toHaveLength(1);
    expect((await counts()).interactions).toBe(seeded[0]!.interactions);
  }, 120_000);
});
