import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { getDb, getReadTarget, onReadTarget, replicaStatus, useDatabaseForTests, useReadReplicasForTests } from '@/db';
import { migrateDatabase } from '@/db/migrator';
import { replicaName } from '@/db/read-replicas';
import { apiKeys, journeyStages, touchpoints } from '@/db/schema';
import { GET as getHealth } from '@/app/api/health/route';
import { POST as postInteractions } from '@/app/api/v1/interactions/route';
import { GET as getMetrics } from '@/app/api/v1/metrics/route';
import { GET as exportInteractions } from '@/app/(app)/interactions/export/route';
import { generateApiKey } from '@/lib/auth/api-keys';
import { getDashboardDataAge, LAG_NOTICE_SECONDS } from '@/lib/queries/dashboard';
import { getInteraction } from '@/lib/queries/interactions';
import { startReplicaCluster, type ReplicaCluster } from '../support/replica-cluster';

/*
 * DATABASE_READ_URL against real streaming replicas: a primary cluster and two `pg_basebackup -R`
 * replicas on loopback ports (tests/support/replica-cluster.ts), made for this file and removed after.
 * Which server answered is told by the data itself: with a replica's replay paused, a write reaches
 * the primary only, so a read that misses it came from a replica.
 */

let cluster: ReplicaCluster;
let primary: DatabaseHandle;
const key = { value: '' };
let touchpointId = '';
const MAX_LAG = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await sleep(50);
  }
}

const auth = () => ({ authorization: `Bearer ${key.value}` });
const today = new Date().toISOString().slice(0, 10);

async function postOne(): Promise<string> {
  const id = randomUUID();
  const response = await postInteractions(
    new Request('http://localhost/api/v1/interactions', {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ id, touchpointId, occurredAt: new Date().toISOString(), csat: 5 }),
    }),
  );
  expect(response.status).toBe(201);
  return id;
}

/** Interactions today as the metrics API counts them. */
async function apiCount(): Promise<number> {
  const response = await getMetrics(
    new Request(`http://localhost/api/v1/metrics?from=${today}&to=${today}`, { headers: auth() }),
  );
  expect(response.status).toBe(200);
  const body = (await response.json()) as { data: { kpis: { current: { interactions: number } } } };
  return body.data.kpis.current.interactions;
}

async function exportedIds(): Promise<string[]> {
  const response = await exportInteractions(new Request('http://localhost/interactions/export', { headers: auth() }));
  expect(response.status).toBe(200);
  const lines = (await response.text()).trim().split('\n').slice(1);
  return lines.map((line) => line.split(',')[0]!);
}

async function health() {
  const response = await getHealth();
  return (await response.json()) as { replicas: { replica: number; state: string; lagSeconds: number | null }[] };
}

beforeAll(async () => {
  cluster = await startReplicaCluster({ replicas: 2 });
  primary = await openDatabase({ url: cluster.primaryUrl });
  await migrateDatabase(primary);
  useDatabaseForTests(primary);
  const db = await getDb();
  const [stage] = await db.insert(journeyStages).values({ name: 'Purchase', position: 0 }).returning();
  const [till] = await db
    .insert(touchpoints)
    .values({ name: 'Till', stageId: stage!.id, channel: 'in_person' })
    .returning();
  touchpointId = till!.id;
  const generated = generateApiKey();
  await db.insert(apiKeys).values({
    name: 'replica test',
    prefix: generated.prefix,
    secretHash: generated.hash,
    scopes: ['metrics:read', 'interactions:write', 'export:read'],
  });
  key.value = generated.key;
  await postOne();
  await cluster.waitForReplay();
  await useReadReplicasForTests({ urls: cluster.replicaUrls, maxLagSeconds: MAX_LAG, probeMs: 200 });
}, 120_000);

afterAll(async () => {
  await useReadReplicasForTests();
  await primary?.close();
  await cluster?.stop();
});

describe('reads from streaming replicas (DATABASE_READ_URL)', () => {
  it('spreads read-only views over the replicas, round-robin', async () => {
    const names = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const target = await getReadTarget();
      expect(target.source).toBe('replica');
      names.add(target.name);
    }
    expect([...names].sort()).toEqual(cluster.replicaUrls.map(replicaName).sort());
  });

  it('the metrics API and the exports read a replica; writes and detail pages use the primary', async () => {
    await cluster.pauseReplay(0);
    await cluster.pauseReplay(1);
    try {
      const before = await apiCount();
      const id = await postOne(); // the API write goes to the primary, or it would fail on a replica
      // The detail page reads the primary: the write is there at once.
      expect((await getInteraction(id))?.id).toBe(id);
      // The metrics API and the export read a replica, which has not replayed it.
      expect(await apiCount()).toBe(before);
      expect(await exportedIds()).not.toContain(id);
      // The primary has it.
      const onPrimary = await onReadTarget(
        async (db) => (await db.query.interactions.findFirst({ where: (i, { eq }) => eq(i.id, id) }))?.id,
        { db: await getDb(), source: 'primary', name: 'primary', lagSeconds: 0 },
      );
      expect(onPrimary).toBe(id);
    } finally {
      await cluster.resumeReplay(0);
      await cluster.resumeReplay(1);
    }
    await cluster.waitForReplay();
    await until(async () => (await getReadTarget()).lagSeconds < 1);
    const after = await apiCount();
    expect(await exportedIds()).toHaveLength(after);
  });

  it('says how old the data is while a replica lags, and reads the primary once it lags beyond the bound', async () => {
    // Both replicas fall behind by the same writes.
    await cluster.pauseReplay(0);
    await cluster.pauseReplay(1);
    try {
      const before = await apiCount();
      await postOne();
      expect(await getDashboardDataAge()).toBeNull();
      // Past the notice threshold but within the bound: still a replica, and the page says so.
      await until(async () => ((await getDashboardDataAge()) ?? 0) >= LAG_NOTICE_SECONDS);
      const target = await getReadTarget();
      expect(target.source).toBe('replica');
      expect(await apiCount()).toBe(before);
      const lagging = await health();
      expect(lagging.replicas).toHaveLength(2);
      expect(lagging.replicas[0]).toMatchObject({ replica: 1, state: 'ok' });
      expect(lagging.replicas[0]!.lagSeconds).toBeGreaterThanOrEqual(LAG_NOTICE_SECONDS);

      // Beyond the bound: the primary, with the write, and no notice.
      await until(() => replicaStatus().every((r) => r.state === 'lagging'));
      expect((await getReadTarget()).source).toBe('primary');
      expect(await getDashboardDataAge()).toBeNull();
      expect(await apiCount()).toBe(before + 1);
      expect((await health()).replicas.map((r) => r.state)).toEqual(['lagging', 'lagging']);
    } finally {
      await cluster.resumeReplay(0);
      await cluster.resumeReplay(1);
    }
    // Caught up: back on the replicas, with no notice.
    await cluster.waitForReplay();
    await until(async () => (await getReadTarget()).source === 'replica');
    expect(await getDashboardDataAge()).toBeNull();
    // Each replica's state is re-probed on its own (every 200 ms here): the first one back is
    // enough to read from, the other follows within a probe or two.
    await until(() => replicaStatus().every((r) => r.state === 'ok' && (r.lagSeconds ?? 99) < MAX_LAG), 5_000);
  });

  it('falls back to the primary when a replica is down, even mid-request, and returns to it once it is back', async () => {
    const expected = await apiCount();
    // A target chosen before the replica went down: the read is retried on the primary.
    const chosen = await getReadTarget();
    expect(chosen.source).toBe('replica');
    const index = cluster.replicaUrls.map(replicaName).indexOf(chosen.name);
    await cluster.stopReplica(index);
    try {
      const counted = await onReadTarget(
        async (db) => (await db.$count((await import('@/db/schema')).interactions)) as number,
        chosen,
      );
      expect(counted).toBe(expected);
      expect(replicaStatus()[index]!.state).toBe('down');
      // Every later read goes to the replica still up, and the API still answers.
      for (let i = 0; i < 4; i++) {
        const target = await getReadTarget();
        expect(target.name).not.toBe(chosen.name);
      }
      expect(await apiCount()).toBe(expected);
      expect((await health()).replicas[index]).toMatchObject({ state: 'down', lagSeconds: null });
    } finally {
      await cluster.startReplica(index);
    }
    await until(() => replicaStatus()[index]!.state === 'ok');
  });
});
