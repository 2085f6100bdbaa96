import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { defects, interactions, journeyStages, touchpoints, type Touchpoint } from '@/db/schema';
import { syncAutoDefects } from '@/lib/interactions/auto-defects';
import { englishMessage } from '@/lib/i18n/english';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { interactionInputSchema } from '@/lib/validation/interactions';

let till: Touchpoint;
let retired: Touchpoint;

beforeAll(async () => {
  const db = await getDb();
  const [stage] = await db.insert(journeyStages).values({ name: 'Purchase', position: 0 }).returning();
  [till] = (await db
    .insert(touchpoints)
    .values({ name: 'Till', stageId: stage!.id, channel: 'in_person', opportunities: 3 })
    .returning()) as [Touchpoint];
  [retired] = (await db
    .insert(touchpoints)
    .values({ name: 'Old till', stageId: stage!.id, channel: 'in_person', active: false })
    .returning()) as [Touchpoint];
});

const input = (values: Record<string, unknown>) => interactionInputSchema.parse({ touchpointId: till.id, ...values });

async function defectsOf(interactionId: string) {
  const db = await getDb();
  return db.select().from(defects).where(eq(defects.interactionId, interactionId));
}

describe('recordInteractions', () => {
  it('stores a lost sale with its lost_sale defect and counts it on the interaction', async () => {
    const db = await getDb();
    const id = randomUUID();
    const result = await db.transaction((tx) =>
      recordInteractions(tx, [input({ id, outcome: 'sale_lost', saleValue: '950.50' })], {
        source: 'staff',
        loggedById: null,
      }),
    );
    expect(result).toMatchObject({ created: [id], existing: [], defectsRaised: 1 });
    const [defect] = await defectsOf(id);
    expect(defect).toMatchObject({ kind: 'lost_sale', autoRule: 'lost_sale', lostRevenue: '950.50', status: 'open' });
    const [row] = await db.select().from(interactions).where(eq(interactions.id, id));
    expect(row?.openDefectCount).toBe(1);
  });

  it('stores nothing twice when the same id comes again', async () => {
    const db = await getDb();
    const id = randomUUID();
    const once = () =>
      db.transaction((tx) => recordInteractions(tx, [input({ id, csat: 1 })], { source: 'api', loggedById: null }));
    await once();
    const again = await once();
    expect(again).toMatchObject({ created: [], existing: [id], defectsRaised: 0 });
    expect(await defectsOf(id)).toHaveLength(1);
  });

  it('refuses an inactive touchpoint for new logging, and writes nothing of the batch', async () => {
    const db = await getDb();
    const [before] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(interactions);
    await expect(
      db.transaction((tx) =>
        recordInteractions(tx, [input({}), { ...input({}), touchpointId: retired.id }], {
          source: 'staff',
          loggedById: null,
        }),
      ),
    ).rejects.toSatisfy((e: Error) => /no longer in use/.test(englishMessage(e.message)));
    const [after] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(interactions);
    expect(after?.n).toBe(before?.n);
  });

  it('refuses an unknown customer', async () => {
    const db = await getDb();
    await expect(
      db.transaction((tx) =>
        recordInteractions(tx, [input({ customerId: randomUUID() })], { source: 'staff', loggedById: null }),
      ),
    ).rejects.toSatisfy((e: Error) => /customer does not exist/.test(englishMessage(e.message)));
  });
});

describe('syncAutoDefects after an edit', () => {
  it('adds and removes untouched auto defects and keeps touched ones', async () => {
    const db = await getDb();
    const id = randomUUID();
    await db.transaction((tx) =>
      recordInteractions(tx, [input({ id, expectation: 5, experience: 2, csat: 2 })], {
        source: 'staff',
        loggedById: null,
      }),
    );
    expect((await defectsOf(id)).map((d) => d.autoRule).sort()).toEqual(['below_expectation', 'low_csat']);

    // Someone works the CSAT defect: it is now theirs, whatever the scores say.
    await db.update(defects).set({ touched: true, status: 'investigating' }).where(eq(defects.autoRule, 'low_csat'));

    await db.transaction(async (tx) => {
      const [edited] = await tx
        .update(interactions)
        .set({ experience: 5, csat: 5, outcome: 'sale_lost', saleValue: '100.00' })
        .where(eq(interactions.id, id))
        .returning();
      await syncAutoDefects(tx, edited!, till);
    });

    expect((await defectsOf(id)).map((d) => d.autoRule).sort()).toEqual(['lost_sale', 'low_csat']);
    const [row] = await db.select().from(interactions).where(eq(interactions.id, id));
    expect(row?.openDefectCount).toBe(2);
  });
});

describe('interaction input validation', () => {
  it.each([
    [{ csat: '6' }, 'csat'],
    [{ nps: '-1' }, 'nps'],
    [{ saleValue: '-5' }, 'saleValue'],
    [{ saleValue: 'abc' }, 'saleValue'],
    [{ occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, 'occurredAt'],
    [{ touchpointId: 'nope' }, 'touchpointId'],
    [{ outcome: 'maybe' }, 'outcome'],
  ])('rejects %o on %s', (values, field) => {
    const result = interactionInputSchema.safeParse({ touchpointId: randomUUID(), ...values });
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((issue) => issue.path[0] === field)).toBe(true);
  });

  it('treats blank optional fields as not given', () => {
    const result = interactionInputSchema.parse({
      touchpointId: randomUUID(),
      csat: '',
      saleValue: '',
      notes: '',
      outcome: '',
    });
    expect(result).toMatchObject({ outcome: 'none' });
    expect(result.csat).toBeUndefined();
  });
});
