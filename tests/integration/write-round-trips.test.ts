import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDbHandle, useDatabaseForTests } from '@/db';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import {
  apiKeys,
  customers,
  defects,
  interactions,
  journeyStages,
  lifecycleChanges,
  outboxEvents,
  touchpoints,
} from '@/db/schema';
import { POST as postInteractions } from '@/app/api/v1/interactions/route';
import { generateApiKey } from '@/lib/auth/api-keys';
import { API_KEY_CACHE_MS } from '@/lib/auth/request-auth';
import { startRoundTripProxy, type RoundTripProxy } from '../support/round-trip-proxy';

// Issue 19's target: one interaction POST in at most three round trips to the database.
const MAX_ROUND_TRIPS = 3;

let proxy: RoundTripProxy;
let direct: DatabaseHandle;
let counted: DatabaseHandle;
const ids = { till: '', key: '' };

beforeAll(async () => {
  direct = await getDbHandle();
  proxy = await startRoundTripProxy(direct.url);
  counted = await openDatabase({ url: proxy.proxied(direct.url) });
  useDatabaseForTests(counted);
  const { db } = direct;
  const [stage] = await db.insert(journeyStages).values({ name: 'Purchase', position: 0 }).returning();
  const [till] = await db
    .insert(touchpoints)
    .values({ name: 'Till', stageId: stage!.id, channel: 'in_person', opportunities: 3 })
    .returning();
  const key = generateApiKey();
  await db
    .insert(apiKeys)
    .values({ name: 'till', prefix: key.prefix, secretHash: key.hash, scopes: ['interactions:write'] });
  Object.assign(ids, { till: till!.id, key: key.key });
});

afterAll(async () => {
  useDatabaseForTests(direct);
  await counted.close();
  await proxy.close();
});

const post = (body: unknown) =>
  postInteractions(
    new Request('http://localhost/api/v1/interactions', {
      method: 'POST',
      headers: { authorization: `Bearer ${ids.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );

async function newCustomer() {
  const [c] = await direct.db
    .insert(customers)
    .values({ name: `Ann ${randomUUID()}`, lifecycle: 'active' })
    .returning();
  return c!.id;
}

// A detractor with the lowest CSAT: a major auto defect, its event, and a lifecycle move to at risk.
const unhappy = (customerId: string, id = randomUUID()) => ({
  id,
  touchpointId: ids.till,
  customerId,
  csat: 1,
  nps: 3,
  notes: 'The card machine was broken again.',
});

describe('a single interaction POST', () => {
  it(`takes at most ${MAX_ROUND_TRIPS} round trips, and still stores everything that belongs to it`, async () => {
    // The first calls prepare the statements on the pool's connection and check the key.
    for (let i = 0; i < 3; i++) expect((await post(unhappy(await newCustomer()))).status).toBe(201);

    const customerId = await newCustomer();
    const body = unhappy(customerId);
    proxy.reset();
    const response = await post(body);
    const trips = proxy.roundTrips();
    expect(response.status).toBe(201);
    expect(trips).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
    expect(trips).toBe(2);

    const { db } = direct;
    expect(await db.select().from(interactions).where(eq(interactions.id, body.id))).toMatchObject([
      { customerId, openDefectCount: 1, opportunities: 3, sentiment: 'negative' },
    ]);
    expect((await db.select().from(defects).where(eq(defects.interactionId, body.id))).length).toBe(1);
    expect(await db.select().from(lifecycleChanges).where(eq(lifecycleChanges.customerId, customerId))).toMatchObject([
      { fromLifecycle: 'active', toLifecycle: 'at_risk', rule: 'severe_defect' },
    ]);
    const events = await db.select({ type: outboxEvents.type, payload: outboxEvents.payload }).from(outboxEvents);
    expect(
      events
        .filter((e) => e.payload.interactionId === body.id)
        .map((e) => e.type)
        .sort(),
    ).toEqual(['defect.created', 'interaction.created']);

    // A retry of the same id: the same bound, nothing stored twice.
    proxy.reset();
    expect((await post(body)).status).toBe(200);
    expect(proxy.roundTrips()).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
    expect((await db.select().from(defects).where(eq(defects.interactionId, body.id))).length).toBe(1);
  });

  it('checks the key again once API_KEY_CACHE_MS has passed: one round trip more, still within the bound', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      vi.setSystemTime(Date.now() + API_KEY_CACHE_MS);
      proxy.reset();
      expect((await post(unhappy(await newCustomer()))).status).toBe(201);
      expect(proxy.roundTrips()).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
