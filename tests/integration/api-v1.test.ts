import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiKeys, customers, defects, interactions, journeyStages, segments, touchpoints } from '@/db/schema';
import { POST as postInteractions } from '@/app/api/v1/interactions/route';
import { GET as getMetrics } from '@/app/api/v1/metrics/route';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import { GET as getTouchpoints } from '@/app/api/v1/touchpoints/route';
import { generateApiKey, type ApiScope } from '@/lib/auth/api-keys';
import { wilsonInterval } from '@/lib/metrics/intervals';
import { getKpiSummary } from '@/lib/queries/metrics';
import { metricsResponseSchema, recordResultSchema, touchpointsResponseSchema } from '@/lib/validation/api';
import { metricsFiltersSchema, resolveMetricsFilters } from '@/lib/validation/metrics';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';

const keys = { reader: '', writer: '', revoked: '' };
const ids = { till: '', web: '', retired: '', ann: '', homes: '' };

async function createKey(name: string, scopes: ApiScope[], revoked = false) {
  const db = await getDb();
  const key = generateApiKey();
  await db
    .insert(apiKeys)
    .values({ name, prefix: key.prefix, secretHash: key.hash, scopes, revokedAt: revoked ? new Date() : null });
  return key.key;
}

beforeAll(async () => {
  const db = await getDb();
  const [stage] = await db.insert(journeyStages).values({ name: 'Purchase', position: 0 }).returning();
  const [till, web, retired] = await db
    .insert(touchpoints)
    .values([
      { name: 'Till', stageId: stage!.id, channel: 'in_person', opportunities: 2 },
      { name: 'Web shop', stageId: stage!.id, channel: 'web', opportunities: 1 },
      { name: 'Old kiosk', stageId: stage!.id, channel: 'in_person', active: false },
    ])
    .returning();
  const [homes] = await db.insert(segments).values({ name: 'Homes' }).returning();
  const [ann] = await db.insert(customers).values({ name: 'Ann', segmentId: homes!.id }).returning();
  Object.assign(ids, { till: till!.id, web: web!.id, retired: retired!.id, ann: ann!.id, homes: homes!.id });
  keys.reader = await createKey('reader', ['metrics:read']);
  keys.writer = await createKey('writer', ['interactions:write']);
  keys.revoked = await createKey('old', ['interactions:write', 'metrics:read'], true);
});

beforeEach(() => signInAs(null));

const post = (
  body: unknown,
  { key = keys.writer, type = 'application/json', raw }: { key?: string | null; type?: string; raw?: string } = {},
) =>
  postInteractions(
    new Request('http://localhost/api/v1/interactions', {
      method: 'POST',
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), 'content-type': type },
      body: raw ?? JSON.stringify(body),
    }),
  );

const metrics = (query: string, key: string | null = keys.reader) =>
  getMetrics(
    new Request(`http://localhost/api/v1/metrics?${query}`, { headers: key ? { authorization: `Bearer ${key}` } : {} }),
  );

async function interactionCount() {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(interactions);
  return row!.n;
}

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const body = await response.json();
  expect(body).toMatchObject({ status, type: 'about:blank' });
  return body as { title: string; detail?: string; errors?: { pointer: string; message: string }[] };
}

describe('POST /api/v1/interactions', () => {
  it('records one interaction with its auto defect, and a retry stores nothing twice', async () => {
    const id = randomUUID();
    const body = {
      id,
      touchpointId: ids.till,
      customerId: ids.ann,
      occurredAt: '2026-04-01T10:00:00Z',
      outcome: 'sale_lost',
      saleValue: 250,
    };
    const first = await post(body);
    expect(first.status).toBe(201);
    const json = recordResultSchema.parse(await first.json());
    expect(json.data).toEqual({ ids: [id], created: [id], existing: [], defectsRaised: 1 });

    const again = await post(body);
    expect(again.status).toBe(200);
    expect((await again.json()).data).toEqual({ ids: [id], created: [], existing: [id], defectsRaised: 0 });
    const db = await getDb();
    const rows = await db.select().from(defects).where(eq(defects.interactionId, id));
    expect(rows).toHaveLength(1);
    const [stored] = await db.select().from(interactions).where(eq(interactions.id, id));
    expect(stored).toMatchObject({ source: 'api', loggedById: null, openDefectCount: 1 });
  });

  it('records a batch in one go', async () => {
    const batch = [
      { touchpointId: ids.till, occurredAt: '2026-04-02T09:00:00Z', csat: 5, nps: 10 },
      { touchpointId: ids.web, occurredAt: '2026-04-02T11:00:00Z', csat: 1, nps: 2, expectation: 4, experience: 1 },
      { touchpointId: ids.web, customerId: ids.ann, occurredAt: '2026-04-03T23:00:00Z', effort: 6 },
    ];
    const response = await post(batch);
    expect(response.status).toBe(201);
    const { data } = recordResultSchema.parse(await response.json());
    expect(data.created).toHaveLength(3);
    expect(data.defectsRaised).toBe(2);
  });

  it('refuses a batch with one invalid interaction with 422, pointing at it, and stores none of it', async () => {
    const before = await interactionCount();
    const body = await expectProblem(
      await post([{ touchpointId: ids.till }, { touchpointId: ids.till, csat: 9 }]),
      422,
    );
    expect(body.errors).toEqual([{ pointer: '/1/csat', message: 'CSAT must be between 1 and 5.' }]);
    expect(await interactionCount()).toBe(before);
  });

  it('refuses unknown or retired touchpoints and repeated ids with 422, storing nothing', async () => {
    const before = await interactionCount();
    await expectProblem(await post([{ touchpointId: ids.till }, { touchpointId: randomUUID() }]), 422);
    await expectProblem(await post({ touchpointId: ids.retired }), 422);
    const id = randomUUID();
    const repeated = await expectProblem(
      await post([
        { id, touchpointId: ids.till },
        { id, touchpointId: ids.web },
      ]),
      422,
    );
    expect(repeated.errors?.[0]?.pointer).toBe('/1/id');
    expect(await interactionCount()).toBe(before);
  });

  it('answers 413 to more than 1,000 interactions or an oversized body, 415 to another media type, 400 to broken JSON', async () => {
    const before = await interactionCount();
    await expectProblem(await post(Array.from({ length: 1_001 }, () => ({ touchpointId: ids.till }))), 413);
    await expectProblem(
      await post(null, { raw: JSON.stringify({ touchpointId: ids.till, notes: 'x'.repeat(6_000_001) }) }),
      413,
    );
    await expectProblem(await post({ touchpointId: ids.till }, { type: 'text/csv' }), 415);
    await expectProblem(await post(null, { raw: '{"touchpointId": ' }), 400);
    await expectProblem(await post([]), 422);
    expect(await interactionCount()).toBe(before);
  });

  it('accepts exactly 1,000', async () => {
    const response = await post(
      Array.from({ length: 1_000 }, () => ({ touchpointId: ids.till, occurredAt: '2025-06-01T12:00:00Z' })),
    );
    expect(response.status).toBe(201);
    expect((await response.json()).data.created).toHaveLength(1_000);
  });

  it('answers 401 without a key or with a revoked one, and 403 to a key without the scope', async () => {
    await expectProblem(await post({ touchpointId: ids.till }, { key: null }), 401);
    await expectProblem(await post({ touchpointId: ids.till }, { key: keys.revoked }), 401);
    await expectProblem(await post({ touchpointId: ids.till }, { key: keys.reader }), 403);
  });

  it('lets a signed-in staff member post, recorded as theirs', async () => {
    const staff = await createUser({ role: 'staff' });
    signInAs(staff.id);
    const response = await post({ touchpointId: ids.till, occurredAt: '2025-06-02T12:00:00Z' }, { key: null });
    expect(response.status).toBe(201);
    const { data } = await response.json();
    const db = await getDb();
    const [row] = await db.select().from(interactions).where(eq(interactions.id, data.ids[0]));
    expect(row?.loggedById).toBe(staff.id);
  });
});

describe('GET /api/v1/metrics', () => {
  it('gives the exact KPIs of the known data, the same as the query layer', async () => {
    const response = await metrics('from=2026-04-01&to=2026-04-03');
    expect(response.status).toBe(200);
    const { data } = metricsResponseSchema.parse(await response.json());
    // 4 interactions: till (2 opportunities) ×2, web (1) ×2 → 6 opportunities; 3 defects (lost sale,
    // below expectation, low CSAT) on 2 interactions; lost revenue 250.
    expect(data.kpis.current).toMatchObject({
      interactions: 4,
      opportunities: 6,
      defects: 3,
      defectiveInteractions: 2,
      costOfPoorQuality: 250,
    });
    expect(data.kpis.current.dpmo.value).toBeCloseTo(500_000, 6);
    expect(data.kpis.current.sigma.value).toBeCloseTo(1.5, 9);
    // Two answers each: shown with their interval, but too few to judge.
    expect(data.kpis.current.nps).toEqual({ value: 0, interval: { low: -100, high: 100 }, tooFew: true });
    expect(data.kpis.current.csat).toEqual({ value: 0.5, interval: wilsonInterval(1, 2), tooFew: true });
    expect(data.kpis.current.dpmo.tooFew).toBe(true);
    expect(data.kpis.previous.interactions).toBe(0);
    expect(data.kpis.previous.dpmo).toEqual({ value: null, reason: 'no data' });
    expect(data.trend.map((t) => [t.period, t.units, t.defects])).toEqual([
      ['2026-04-01', 1, 1],
      ['2026-04-02', 2, 2],
      ['2026-04-03', 1, 0],
    ]);
    expect(data.pChart.centre).toBeCloseTo(0.5, 12);
    expect(data.pareto.map((b) => [b.label, b.count])).toEqual([
      ['Below expectations', 2],
      ['Lost sale', 1],
    ]);

    const resolved = resolveMetricsFilters(metricsFiltersSchema.parse({ from: '2026-04-01', to: '2026-04-03' }));
    if (!resolved.ok) throw new Error('filters');
    const direct = await getKpiSummary(resolved.filters);
    expect(data.kpis).toEqual(
      JSON.parse(JSON.stringify({ current: direct.current, previous: direct.previous, change: direct.change })),
    );
  });

  it('follows the filters', async () => {
    const { data } = metricsResponseSchema.parse(
      await (await metrics(`from=2026-04-01&to=2026-04-03&touchpoint=${ids.web}&granularity=week`)).json(),
    );
    expect(data.kpis.current).toMatchObject({ interactions: 2, defects: 2 });
    expect(data.period.granularity).toBe('week');
    const bySegment = metricsResponseSchema.parse(
      await (await metrics(`from=2026-04-01&to=2026-04-03&segment=${ids.homes}`)).json(),
    );
    expect(bySegment.data.kpis.current).toMatchObject({ interactions: 2, defects: 1 });
  });

  it('accepts segment=none, as the lists do: the interactions without a segment', async () => {
    const response = await metrics('from=2026-04-01&to=2026-04-03&segment=none');
    expect(response.status).toBe(200);
    const { data } = metricsResponseSchema.parse(await response.json());
    expect(data.filters.segment).toEqual(['none']);
    expect(data.kpis.current).toMatchObject({ interactions: 2, defects: 2 });
    expect(data.segments.map((s) => s.name)).toEqual(['No segment']);
  });

  it('ranks the Pareto by lost revenue on request, and returns rolled throughput yield', async () => {
    const byRevenue = metricsResponseSchema.parse(
      await (await metrics('from=2026-04-01&to=2026-04-03&pareto=revenue')).json(),
    ).data;
    expect(byRevenue.paretoMeasure).toBe('revenue');
    // Only the lost sale lost revenue: it is the whole measure, the other category drops out.
    expect(byRevenue.pareto.map((b) => [b.label, b.share, b.vitalFew])).toEqual([['Lost sale', 1, true]]);
    const byCount = metricsResponseSchema.parse(await (await metrics('from=2026-04-01&to=2026-04-03')).json()).data;
    expect(byCount.paretoMeasure).toBe('count');
    expect(byCount.pareto).toHaveLength(2);
    // One stage (Purchase): 2 of 4 interactions defective, so RTY = FPY = 0.5.
    expect(byCount.rolledThroughputYield).toMatchObject({ rty: 0.5, normalizedYield: 0.5, stagesWithData: 1 });
    await expectProblem(await metrics('pareto=money'), 400);
  });

  it('answers 400 to a malformed parameter and 422 to an impossible period', async () => {
    const bad = await expectProblem(await metrics('granularity=hour&touchpoint=nope'), 400);
    expect(bad.errors?.map((e) => e.pointer).sort()).toEqual(['/granularity', '/touchpoint']);
    await expectProblem(await metrics('from=2026-04-03&to=2026-04-01'), 422);
  });

  it('answers 401 and 403 by key and by role', async () => {
    await expectProblem(await metrics('', null), 401);
    await expectProblem(await metrics('', keys.writer), 403);
    const staff = await createUser({ role: 'staff' });
    signInAs(staff.id);
    await expectProblem(await metrics('', null), 403);
    const manager = await createUser({ role: 'manager' });
    signInAs(manager.id);
    expect((await metrics('', null)).status).toBe(200);
  });

  it('never sends NaN or Infinity', async () => {
    const text = await (await metrics('from=2020-01-01&to=2020-01-31')).text();
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(metricsResponseSchema.parse(JSON.parse(text)).data.kpis.current.sigma).toEqual({
      value: null,
      reason: 'no data',
    });
  });
});

describe('GET /api/v1/touchpoints', () => {
  it('lists the touchpoints in the documented shape', async () => {
    const response = await getTouchpoints(
      new Request('http://localhost/api/v1/touchpoints', { headers: { authorization: `Bearer ${keys.reader}` } }),
    );
    expect(response.status).toBe(200);
    const { data } = touchpointsResponseSchema.parse(await response.json());
    expect(data.map((t) => [t.name, t.opportunities])).toContainEqual(['Till', 2]);
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document whose references all resolve', async () => {
    const response = getOpenApi(new Request('http://localhost/api/v1/openapi.json'));
    const doc = await response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual([
      '/api/v1/metrics',
      '/api/v1/touchpoints',
      '/api/v1/cases',
      '/api/v1/cases/{id}',
      '/api/v1/interactions',
    ]);
    expect(Object.keys(doc.paths['/api/v1/interactions'].post.responses)).toEqual(
      expect.arrayContaining(['200', '201', '400', '401', '403', '413', '415', '422']),
    );
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(3);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref);
    expect(doc.paths['/api/v1/metrics'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'from',
      'to',
      'touchpoint',
      'stage',
      'channel',
      'segment',
      'granularity',
      'pareto',
    ]);
    expect(JSON.stringify(doc.paths['/api/v1/interactions'].post.requestBody)).toContain('"maxItems":1000');
  });
});
