import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { count, eq, sum } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiKeys, auditEvents, customers, interactions, journeyStages, metricsDaily, touchpoints } from '@/db/schema';
import { GET as exportCustomers } from '@/app/(app)/customers/export/route';
import { GET as exportInteractions } from '@/app/(app)/interactions/export/route';
import { POST as postInteractions } from '@/app/api/v1/interactions/route';
import { GET as getTouchpoints } from '@/app/api/v1/touchpoints/route';
import { generateApiKey, type ApiScope } from '@/lib/auth/api-keys';
import { API_KEY_REJECTED, MAX_KEY_REJECTIONS_PER_ADDRESS } from '@/lib/auth/request-auth';
import { csvResponse, EXPORT_FAILED_MARKER } from '@/lib/csv/stream';
import { MAX_MONEY } from '@/lib/validation/form-values';
import { signInAs } from '../support/session';

// scripts/serve.mjs names this header at random per process; here the test plays the server.
const PEER = 'x-outsidein-peer-00112233445566778899aabb';
vi.mock('@/lib/env', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/env')>();
  return { env: { ...original.env, OUTSIDEIN_PEER_HEADER: 'x-outsidein-peer-00112233445566778899aabb' } };
});

const keys: Record<string, string> = {};
let touchpointId = '';

async function createKey(scopes: ApiScope[]) {
  const db = await getDb();
  const key = generateApiKey();
  await db.insert(apiKeys).values({ name: scopes.join('+'), prefix: key.prefix, secretHash: key.hash, scopes });
  return key.key;
}

beforeAll(async () => {
  const db = await getDb();
  const [stage] = await db.insert(journeyStages).values({ name: 'Purchase', position: 0 }).returning();
  const [till] = await db
    .insert(touchpoints)
    .values({ name: 'Till', stageId: stage!.id, channel: 'in_person' })
    .returning();
  touchpointId = till!.id;
  await db.insert(customers).values({ name: 'Ann', email: 'ann@example.test', phone: '+44 20 7946 0000' });
  keys.metrics = await createKey(['metrics:read']);
  keys.export = await createKey(['export:read']);
  keys.writer = await createKey(['interactions:write']);
});

beforeEach(() => signInAs(null));

const bearer = (key: string, address = '192.0.2.1') => ({ authorization: `Bearer ${key}`, [PEER]: address });

describe('export scope', () => {
  it('a metrics:read key cannot download customers; an export:read key can', async () => {
    const url = 'http://localhost/customers/export';
    expect((await exportCustomers(new Request(url, { headers: bearer(keys.metrics!) }))).status).toBe(403);
    expect((await exportInteractions(new Request(url, { headers: bearer(keys.metrics!) }))).status).toBe(403);
    const ok = await exportCustomers(new Request(url, { headers: bearer(keys.export!) }));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('ann@example.test');
    // And an export key reads no metrics.
    expect((await getTouchpoints(new Request(url, { headers: bearer(keys.export!) }))).status).toBe(403);
  });
});

describe('the interactions API', () => {
  const post = (body: unknown, type = 'application/json') =>
    postInteractions(
      new Request('http://localhost/api/v1/interactions', {
        method: 'POST',
        headers: { ...bearer(keys.writer!), 'content-type': type },
        body: JSON.stringify(body),
      }),
    );

  it('accepts application/json only', async () => {
    expect((await post({ touchpointId }, 'application/vnd.evil+json')).status).toBe(415);
    expect((await post({ touchpointId }, 'application/merge-patch+json')).status).toBe(415);
    expect((await post({ touchpointId }, 'application/json; charset=utf-8')).status).toBe(201);
  });

  it('stores 1,000 lost sales at the maximum value, and the rollups hold the sum', async () => {
    const batch = Array.from({ length: 1_000 }, () => ({
      id: randomUUID(),
      touchpointId,
      occurredAt: '2026-01-15T10:00:00Z',
      outcome: 'sale_lost',
      saleValue: MAX_MONEY,
    }));
    const response = await post(batch);
    expect(response.status).toBe(201);
    const db = await getDb();
    const [row] = await db
      .select({ lost: sum(metricsDaily.lostRevenue) })
      .from(metricsDaily)
      .where(eq(metricsDaily.day, '2026-01-15'));
    expect(Number(row!.lost)).toBe(1_000 * MAX_MONEY);
    // One more than the maximum is refused beside its field, with nothing stored.
    const before = (await db.select({ n: count() }).from(interactions))[0]!.n;
    const over = await post({ touchpointId, outcome: 'sale_lost', saleValue: MAX_MONEY + 1 });
    expect(over.status).toBe(422);
    expect((await db.select({ n: count() }).from(interactions))[0]!.n).toBe(before);
  });

  it('refuses NUL bytes and lone surrogates with 422, storing nothing', async () => {
    const db = await getDb();
    const before = (await db.select({ n: count() }).from(interactions))[0]!.n;
    for (const notes of ['a\u0000b', 'lone \uD800 surrogate']) {
      const response = await post({ touchpointId, notes });
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ errors: [{ pointer: '/notes' }] });
    }
    expect((await db.select({ n: count() }).from(interactions))[0]!.n).toBe(before);
  });
});

describe('unknown API keys', () => {
  it('are throttled per address after too many, and audited', async () => {
    const wrong = () =>
      getTouchpoints(
        new Request('http://localhost/api/v1/touchpoints', { headers: bearer('oi_bad_key', '198.51.100.9') }),
      );
    for (let i = 0; i < MAX_KEY_REJECTIONS_PER_ADDRESS; i++) expect((await wrong()).status).toBe(401);
    const throttled = await wrong();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('900');
    // Another address is not affected.
    const other = await getTouchpoints(
      new Request('http://localhost/api/v1/touchpoints', { headers: bearer(keys.metrics!, '198.51.100.10') }),
    );
    expect(other.status).toBe(200);
    const db = await getDb();
    const [audited] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, API_KEY_REJECTED));
    expect(audited!.n).toBe(MAX_KEY_REJECTIONS_PER_ADDRESS);
  });
});

describe('CSV exports that fail', () => {
  async function* pages(failAt: number) {
    for (let page = 0; ; page++) {
      if (page === failAt) throw new Error('connection lost');
      yield [{ n: page }];
      if (page === 3) return;
    }
  }

  it('answer an error status when the first query fails, before any header is sent', async () => {
    await expect(csvResponse('x.csv', ['n'], pages(0), (r) => [r.n])).rejects.toThrow('connection lost');
  });

  it('end a file that fails part-way with the marker, then abort', async () => {
    const response = await csvResponse('x.csv', ['n'], pages(2), (r) => [r.n]);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          text += decoder.decode(value);
        }
      })(),
    ).rejects.toThrow('connection lost');
    expect(text).toContain('0\n1\n');
    expect(text.trimEnd().endsWith(EXPORT_FAILED_MARKER)).toBe(true);
  });

  it('send a whole file with no marker when nothing fails', async () => {
    const text = await (await csvResponse('x.csv', ['n'], pages(-1), (r) => [r.n])).text();
    // Response.text() drops the byte-order mark.
    expect(text).toBe('n\n0\n1\n2\n3\n');
  });
});
