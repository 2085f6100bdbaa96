import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { apiKeys } from '@/db/schema';
import { GET as getMetrics } from '@/app/api/v1/metrics/route';
import { generateApiKey } from '@/lib/auth/api-keys';
import { MAX_PERIOD_DAYS, MAX_SUBGROUPS } from '@/lib/validation/metrics';
import { addDays, MAX_DAY, MIN_DAY } from '@/lib/dates';

let key = '';

beforeAll(async () => {
  const db = await getDb();
  const generated = generateApiKey();
  await db
    .insert(apiKeys)
    .values({ name: 'reader', prefix: generated.prefix, secretHash: generated.hash, scopes: ['metrics:read'] });
  key = generated.key;
});

const metrics = (query: string) =>
  getMetrics(new Request(`http://localhost/api/v1/metrics?${query}`, { headers: { authorization: `Bearer ${key}` } }));

async function timed(query: string) {
  const started = performance.now();
  const response = await metrics(query);
  await response.text();
  return { status: response.status, ms: performance.now() - started };
}

describe('the metrics API at the edges of what it accepts', () => {
  it('refuses a date past 2200 with a 400 instead of looping forever', async () => {
    const answer = await timed('to=9999-12-31');
    expect(answer.status).toBe(400);
    expect((await timed('from=0000-01-01&to=0001-01-01')).status).toBe(400);
  });

  it('answers the worst accepted inputs within a second each', async () => {
    const worst = [
      // The most subgroups: day by day at the maximum, ending on the last accepted day.
      `from=${addDays(MAX_DAY, -(MAX_SUBGROUPS - 1))}&to=${MAX_DAY}&granularity=day`,
      // The longest period, week by week, with the previous period before the first accepted day.
      `from=${MIN_DAY}&to=${addDays(MIN_DAY, MAX_PERIOD_DAYS - 1)}&granularity=week`,
      `from=${addDays(MAX_DAY, -(MAX_PERIOD_DAYS - 1))}&to=${MAX_DAY}&granularity=month`,
    ];
    for (const query of worst) {
      const answer = await timed(query);
      expect(answer.status, query).toBe(200);
      expect(answer.ms, query).toBeLessThan(1_000);
    }
  });
});
