import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db';
import { apiKeys, interactions, journeyStages, segments, touchpoints } from '@/db/schema';
import { POST as postInteractions } from '@/app/api/v1/interactions/route';
import { createSegmentAction } from '@/app/(app)/admin/segments/actions';
import { generateApiKey } from '@/lib/auth/api-keys';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { defineJob } from '@/lib/jobs/registry';
import { JobRunner } from '@/lib/jobs/runner';
import { env } from '@/lib/env';
import { cachedKpiSummary, getDashboardFilterOptions } from '@/lib/queries/dashboard';
import { forgetDashboardAnswers } from '@/lib/queries/answer-cache';
import { metricsFiltersSchema, resolveMetricsFilters } from '@/lib/validation/metrics';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';

/*
 * The dashboard's answers kept for DASHBOARD_CACHE_SECONDS (lib/queries/answer-cache.ts). Rows
 * written straight into the database, past the app, show whether an answer came from memory: the
 * app forgets its answers only when a write goes through it.
 */

const ids = { touchpoint: '', other: '' };
let apiKey = '';

const day = new Date().toISOString().slice(0, 10);
const filtersJson = (params: Record<string, string | string[]> = {}) => {
  const resolved = resolveMetricsFilters(metricsFiltersSchema.parse({ from: day, to: day, ...params }));
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.fieldErrors));
  return JSON.stringify(resolved.filters);
};
const interactionsIn = async (json: string) => (await cachedKpiSummary(json)).current.interactions;
const segmentNames = async () => (await getDashboardFilterOptions()).segments.map((s) => s.name);

/** An interaction written past the app: no action, route or job of this process knows of it. */
async function writeBehindTheAppsBack(touchpointId = ids.touchpoint) {
  const db = await getDb();
  await db.insert(interactions).values({ touchpointId, occurredAt: new Date() });
}

beforeAll(async () => {
  const db = await getDb();
  const [stage] = await db.insert(journeyStages).values({ name: 'Purchase', position: 0 }).returning();
  const [till, web] = await db
    .insert(touchpoints)
    .values([
      { name: 'Till', stageId: stage!.id, channel: 'in_person' },
      { name: 'Web shop', stageId: stage!.id, channel: 'web' },
    ])
    .returning();
  Object.assign(ids, { touchpoint: till!.id, other: web!.id });
  const key = generateApiKey();
  await db
    .insert(apiKeys)
    .values({ name: 'writer', prefix: key.prefix, secretHash: key.hash, scopes: ['interactions:write'] });
  apiKey = key.key;
});

const lifetime = env.DASHBOARD_CACHE_SECONDS;
beforeEach(() => {
  env.DASHBOARD_CACHE_SECONDS = 5;
  forgetDashboardAnswers();
  signInAs(null);
});
afterEach(() => {
  env.DASHBOARD_CACHE_SECONDS = lifetime;
});

describe('the dashboard answer cache', () => {
  it('answers the same filters from memory, without a query, within its lifetime', async () => {
    const json = filtersJson();
    const before = await interactionsIn(json);
    await writeBehindTheAppsBack();
    // Equal filters, even as another JSON string of them, are the same question: answered from memory.
    expect(await interactionsIn(json)).toBe(before);
    expect(await interactionsIn(JSON.stringify(JSON.parse(json)))).toBe(before);
  });

  it('never answers other filters from memory', async () => {
    const all = filtersJson();
    const before = await interactionsIn(all);
    await writeBehindTheAppsBack();
    expect(await interactionsIn(filtersJson({ touchpoint: ids.touchpoint }))).toBe(before + 1);
    expect(await interactionsIn(filtersJson({ granularity: 'week' }))).toBe(before + 1);
    // The first question is still answered from memory.
    expect(await interactionsIn(all)).toBe(before);
  });

  it('reads again once the lifetime is over', async () => {
    env.DASHBOARD_CACHE_SECONDS = 0.3;
    const json = filtersJson();
    const before = await interactionsIn(json);
    await writeBehindTheAppsBack();
    expect(await interactionsIn(json)).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await interactionsIn(json)).toBe(before + 1);
  });

  it('reads every time when turned off', async () => {
    env.DASHBOARD_CACHE_SECONDS = 0;
    const json = filtersJson();
    const before = await interactionsIn(json);
    await writeBehindTheAppsBack();
    expect(await interactionsIn(json)).toBe(before + 1);
  });

  it('forgets everything when an interaction is written through the API', async () => {
    const json = filtersJson();
    const before = await interactionsIn(json);
    await writeBehindTheAppsBack();
    expect(await interactionsIn(json)).toBe(before);
    const answer = await postInteractions(
      new Request('http://localhost/api/v1/interactions', {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: randomUUID(), touchpointId: ids.other, occurredAt: new Date().toISOString() }),
      }),
    );
    expect(answer.status).toBe(201);
    // Both the API's interaction and the one written past the app show now.
    expect(await interactionsIn(json)).toBe(before + 2);
  });

  it('forgets everything when a server action writes, so the writer sees their change next time', async () => {
    const db = await getDb();
    const before = await segmentNames();
    await db.insert(segments).values({ name: 'Behind the back' });
    expect(await segmentNames()).toEqual(before);
    signInAs((await createUser({ role: 'admin' })).id);
    const created = await createSegmentAction({ name: 'Walk-in' });
    expect(created.ok).toBe(true);
    expect(await segmentNames()).toEqual(expect.arrayContaining([...before, 'Behind the back', 'Walk-in']));
  });

  it('forgets everything after a refused action too (it may have written before failing)', async () => {
    signInAs((await createUser({ role: 'admin' })).id);
    expect((await createSegmentAction({ name: 'Duplicate' })).ok).toBe(true);
    const json = filtersJson();
    const before = await interactionsIn(json);
    await writeBehindTheAppsBack();
    // A name already taken: the action's body refuses it.
    expect(await createSegmentAction({ name: 'Duplicate' })).toMatchObject({ ok: false, status: 409 });
    expect(await interactionsIn(json)).toBe(before + 1);
  });

  it('forgets everything after the job runner ran a job, but not for an idle round', async () => {
    defineJob({
      kind: 'test-answer-cache-write',
      run: async (_payload, { db }) =>
        void (await db.insert(interactions).values({ touchpointId: ids.touchpoint, occurredAt: new Date() })),
    });
    const runner = new JobRunner({ getDb, holder: 'answer-cache-test', log: () => {}, leaseMs: 60_000 });
    // Whatever the registered schedules have due runs first.
    await runner.drain();
    const json = filtersJson();
    const before = await interactionsIn(json);
    await writeBehindTheAppsBack();
    // A round with nothing to run (the lease renewed) forgets nothing.
    expect(await runner.drain()).toBe(0);
    expect(await interactionsIn(json)).toBe(before);
    await enqueueJob(await getDb(), 'test-answer-cache-write', {});
    await runner.drain();
    // The job's interaction and the one written past the app.
    expect(await interactionsIn(json)).toBe(before + 2);
    await runner.stop();
  });
});
