// `npm run bench:outbox`: what writing events to the outbox costs a request, and how soon the job
// runner delivers them. A measurement, not a test. On a throwaway database on
// BENCH_DATABASE_URL (else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { useDatabaseForTests as pointAppAt } from '@/db';
import { webhookEndpoints } from '@/db/schema';
import { createThrowawayDatabase } from '@/db/throwaway-database';
import { emitEvent, emitEvents } from '@/lib/jobs/enqueue';
import { JobRunner } from '@/lib/jobs/runner';
import { setAllowPrivateWebhookTargets } from '@/lib/webhooks/settings';
import { generateWebhookSecret } from '@/lib/webhooks/signing';
import '@/lib/jobs/handlers';

const SERVER =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const N = Number(process.env.BENCH_EVENTS ?? 500);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

async function main() {
  const handle = await createThrowawayDatabase({ serverUrl: SERVER, prefix: 'outsidein_bench_' });
  pointAppAt(handle);
  const { db } = handle;
  try {
    await db.execute(sql`create table bench_rows (id serial primary key, n integer)`);

    // 1. A one-row transaction, without and then with an event.
    const time = async (withEvent: boolean) => {
      const samples: number[] = [];
      for (let i = 0; i < N; i += 1) {
        const started = performance.now();
        await db.transaction(async (tx) => {
          await tx.execute(sql`insert into bench_rows (n) values (${i})`);
          if (withEvent) await emitEvent(tx, 'case.opened', { title: `Bench ${i}`, recipientIds: [] });
        });
        samples.push(performance.now() - started);
      }
      return samples;
    };
    await time(false); // warm up
    const plain = await time(false);
    const withEvent = await time(true);
    console.log(
      `transaction, one row:           median ${median(plain).toFixed(2)} ms, p95 ${p95(plain).toFixed(2)} ms (${N} runs)`,
    );
    console.log(
      `same, plus an outbox event:     median ${median(withEvent).toFixed(2)} ms, p95 ${p95(withEvent).toFixed(2)} ms`,
    );
    await db.execute(sql`delete from jobs`);

    // 2. From commit to a webhook received, with the runner polling every second as in the app.
    const sent = new Map<string, number>();
    const latencies: number[] = [];
    const receiver = http.createServer((req, res) => {
      const id = String(req.headers['webhook-id']);
      const at = sent.get(id);
      if (at !== undefined) latencies.push(performance.now() - at);
      res.statusCode = 204;
      res.end();
      req.resume();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    await setAllowPrivateWebhookTargets(true);
    await db.insert(webhookEndpoints).values({
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`,
      eventTypes: ['case.opened'],
      secret: generateWebhookSecret(),
    });
    const runner = new JobRunner({ getDb: async () => db, log: () => {} });
    runner.start();
    // One event at a time, 300 ms apart: the wait a single change sees.
    const SPACED = 20;
    for (let i = 0; i < SPACED; i += 1) {
      const id = await db.transaction((tx) =>
        emitEvent(tx, 'case.opened', { title: `Latency ${i}`, recipientIds: [] }),
      );
      sent.set(id, performance.now());
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    while (latencies.length < SPACED) await new Promise((resolve) => setTimeout(resolve, 20));
    console.log(
      `commit to webhook received:     median ${median(latencies).toFixed(0)} ms, p95 ${p95(latencies).toFixed(0)} ms (${SPACED} events 300 ms apart, runner polling every 1 s)`,
    );
    // A burst: 200 events in one transaction, each dispatched and then delivered.
    const BURST = 200;
    latencies.length = 0;
    const started = performance.now();
    const ids = await db.transaction((tx) =>
      emitEvents(
        tx,
        'case.opened',
        Array.from({ length: BURST }, (_, i) => ({ title: `Burst ${i}`, recipientIds: [] })),
      ),
    );
    for (const id of ids) sent.set(id, started);
    while (latencies.length < BURST) await new Promise((resolve) => setTimeout(resolve, 20));
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `burst of ${BURST} events delivered in ${seconds.toFixed(1)} s: ${(BURST / seconds).toFixed(0)} events/s (one dispatch and one delivery job each)`,
    );
    await runner.stop();
    receiver.close();
  } finally {
    await handle.drop();
  }
}

void main();
