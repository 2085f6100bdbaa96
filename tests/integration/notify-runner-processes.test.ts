import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { getDb, getDbHandle } from '@/db';
import { jobRunnerLeases, webhookEndpoints } from '@/db/schema';
import { emitEvents } from '@/lib/jobs/enqueue';
import { generateWebhookSecret } from '@/lib/webhooks/signing';
import { setAllowPrivateWebhookTargets } from '@/lib/webhooks/settings';
import { startWebhookReceiver } from '../support/webhook-receiver';

// Several app processes share one PostgreSQL server here: the embedded one, and TEST_DATABASE_URL's.

const root = path.resolve(import.meta.dirname, '../..');
// Each test starts app processes (tsx compiles the runner's modules on start): seconds each.
const PROCESS_TEST_MS = 120_000;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const children: ChildProcess[] = [];

function startRunnerProcess(name: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  return getDbHandle().then(
    (handle) =>
      new Promise((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', './scripts/stub-server-only.mjs', '--import', 'tsx', 'tests/support/runner-process.ts'],
          {
            cwd: root,
            env: { ...process.env, DATABASE_URL: handle.url!, RUNNER_NAME: name, ...env },
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        children.push(child);
        child.stdout!.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('runner ready')) resolve(child);
        });
        child.on('exit', (code) => reject(new Error(`runner ${name} exited with ${code}`)));
      }),
  );
}

const stopAll = async () => {
  await Promise.all(
    children.splice(0).map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
};

async function waitFor(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function subscribeReceiver() {
  const db = await getDb();
  await setAllowPrivateWebhookTargets(true);
  await db.delete(webhookEndpoints);
  const secret = generateWebhookSecret();
  receiver.setSecret(secret);
  await db.insert(webhookEndpoints).values({ url: receiver.url, eventTypes: ['case.opened'], secret });
}

async function queueEvents(count: number): Promise<string[]> {
  const db = await getDb();
  return db.transaction((tx) =>
    emitEvents(
      tx,
      'case.opened',
      Array.from({ length: count }, (_, i) => ({ title: `Case ${i}`, recipientIds: [], n: i, run: randomUUID() })),
    ),
  );
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});

afterEach(async () => {
  await stopAll();
  receiver.received.length = 0;
  const db = await getDb();
  await db.delete(jobRunnerLeases);
});

afterAll(() => receiver.close());

describe('the job runner across app processes', () => {
  it(
    'delivers each event once with two runners running',
    async () => {
      await subscribeReceiver();
      const ids = await queueEvents(30);
      await Promise.all([startRunnerProcess('one'), startRunnerProcess('two')]);
      await waitFor(() => new Set(receiver.received.map((r) => r.id)).size === ids.length);
      // Give a would-be second deliverer time to show itself.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(receiver.received).toHaveLength(ids.length);
      expect(new Set(receiver.received.map((r) => r.id))).toEqual(new Set(ids));
      expect(receiver.received.every((r) => r.verified)).toBe(true);
    },
    PROCESS_TEST_MS,
  );

  it(
    'loses nothing when the runner is killed with -9 mid-delivery: the next one delivers, with the same ids',
    async () => {
      await subscribeReceiver();
      const ids = await queueEvents(3);
      // The receiver holds the first request open, so the runner dies with a delivery in flight.
      let held = false;
      receiver.respondWith((_req, res) => {
        if (!held) {
          held = true;
          return;
        }
        res.statusCode = 204;
        res.end();
      });
      const doomed = await startRunnerProcess('doomed', { LEASE_MS: '1500', JOB_TIMEOUT_MS: '2000' });
      await waitFor(() => held);
      doomed.kill('SIGKILL');
      await new Promise((resolve) => doomed.once('exit', resolve));
      const interrupted = receiver.received[0]!.id;

      await startRunnerProcess('survivor', { LEASE_MS: '1500', JOB_TIMEOUT_MS: '2000' });
      await waitFor(
        () =>
          new Set(receiver.received.map((r) => r.id)).size === ids.length &&
          receiver.received.filter((r) => r.id === interrupted).length >= 2,
      );
      expect(new Set(receiver.received.map((r) => r.id))).toEqual(new Set(ids));
      // The one in flight arrives twice, both times under its event id, so the receiver can drop it.
      expect(
        receiver.received.filter((r) => r.id === interrupted),
        JSON.stringify(receiver.received.map((r) => r.id)),
      ).toHaveLength(2);
      expect(receiver.received.every((r) => r.verified)).toBe(true);
    },
    PROCESS_TEST_MS,
  );
});
