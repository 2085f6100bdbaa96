import { englishMessage } from '@/lib/i18n/english';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  auditEvents,
  jobRunnerLeases,
  jobs,
  notifications,
  outboxEvents,
  webhookDeliveries,
  webhookEndpoints,
  type User,
} from '@/db/schema';
import {
  createWebhookAction,
  redeliverAction,
  sendTestPingAction,
  updateWebhookSettingsAction,
} from '@/app/(app)/admin/webhooks/actions';
import { updateDefectAction } from '@/app/(app)/defects/actions';
import { EXCERPT_CHARS, postWebhook } from '@/lib/webhooks/post-webhook';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { startWebhookReceiver } from '../support/webhook-receiver';
import { createDefectFixture, defectVersion, testRunner } from './notify-fixtures';

let admin: User;
let manager: User;
let staff: User;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  admin = await createUser({ role: 'admin' });
  manager = await createUser({ role: 'manager' });
  staff = await createUser({ role: 'staff' });
  receiver = await startWebhookReceiver();
});

afterAll(() => receiver.close());

beforeEach(async () => {
  signInAs(admin.id);
  const db = await getDb();
  await db.delete(jobRunnerLeases);
  await db.delete(webhookEndpoints);
  receiver.received.length = 0;
  receiver.respondWith((_req, res) => {
    res.statusCode = 204;
    res.end();
  });
  await updateWebhookSettingsAction({ allowPrivateTargets: true });
});

async function addEndpoint(eventTypes: string[] = ['defect.assigned', 'defect.status_changed']) {
  const created = await createWebhookAction({ url: receiver.url, description: 'Help desk', eventTypes });
  if (!created.ok) throw new Error(created.message);
  receiver.setSecret(created.data.secret);
  return created.data;
}

async function assign(defectId: string, ownerId: string) {
  signInAs(manager.id);
  const result = await updateDefectAction({ id: defectId, version: await defectVersion(defectId), ownerId });
  signInAs(admin.id);
  if (!result.ok) throw new Error(result.message);
}

describe('webhook endpoints', () => {
  it('shows a whsec_ secret once and keeps only admins in', async () => {
    const created = await addEndpoint();
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    signInAs(manager.id);
    const refused = await createWebhookAction({ url: receiver.url, eventTypes: ['defect.created'] });
    expect(refused).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses bad input beside the field', async () => {
    const result = await createWebhookAction({ url: 'ftp://example.com', eventTypes: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.status).toBe(422);
    expect(result.fieldErrors?.url?.[0]).toMatch(/http/);
    expect(result.fieldErrors?.eventTypes?.[0]).toMatch(/at least one/);
  });

  it('refuses loopback and private targets unless the admin setting allows them', async () => {
    await updateWebhookSettingsAction({ allowPrivateTargets: false });
    const result = await createWebhookAction({ url: receiver.url, eventTypes: ['defect.created'] });
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (result.ok) return;
    expect(result.fieldErrors?.url?.[0]).toMatch(/127\.0\.0\.1.*loopback/);
    const named = await createWebhookAction({ url: 'http://localhost:9/x', eventTypes: ['defect.created'] });
    expect(named.ok).toBe(false);
  });
});

describe('webhook delivery', () => {
  it('signs every delivery by the Standard Webhooks spec, with the event id as webhook-id', async () => {
    await addEndpoint();
    const { defect } = await createDefectFixture();
    await assign(defect.id, staff.id);
    await testRunner().drain();

    expect(receiver.received).toHaveLength(1);
    const [message] = receiver.received;
    expect(message!.verified).toBe(true);
    expect(message!.type).toBe('defect.assigned');
    expect(message!.body).toMatchObject({ type: 'defect.assigned', data: { defectId: defect.id, ownerId: staff.id } });
    const db = await getDb();
    const [event] = await db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.type, 'defect.assigned'), sql`${outboxEvents.payload}->>'defectId' = ${defect.id}`));
    expect(message!.id).toBe(event!.id);
    const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, event!.id));
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1, responseStatus: 204 });
    expect(delivery!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('delivers each event of an interaction batch once, with its payload, from one dispatch job', async () => {
    await addEndpoint(['interaction.created', 'defect.created', 'feedback.received']);
    const { till } = await createDefectFixture();
    const { recordInteractions } = await import('@/lib/interactions/record-interactions');
    const { interactionInputSchema } = await import('@/lib/validation/interactions');
    const db = await getDb();
    const occurredAt = new Date('2026-03-04T05:06:07.089Z');
    const inputs = [
      { touchpointId: till.id, outcome: 'resolved', occurredAt: occurredAt.toISOString() },
      { touchpointId: till.id, outcome: 'sale_lost', saleValue: '80', occurredAt: occurredAt.toISOString() },
      { touchpointId: till.id, outcome: 'none', occurredAt: occurredAt.toISOString() },
    ].map((input) => interactionInputSchema.parse({ id: crypto.randomUUID(), ...input }));
    const result = await recordInteractions(db, inputs, { source: 'api', loggedById: staff.id });
    expect(result.raised).toHaveLength(1);
    const dispatch = await db
      .select({ payload: jobs.payload })
      .from(jobs)
      .where(sql`${jobs.kind} = 'dispatch-event' and ${jobs.payload}->'eventIds' is not null`);
    expect(dispatch.map((j) => (j.payload.eventIds as string[]).length)).toEqual([4]);

    await testRunner().drain();
    expect(receiver.received).toHaveLength(4);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(4);
    const data = (type: string) =>
      receiver.received.filter((r) => r.type === type).map((r) => (r.body as { data: unknown }).data);
    expect(data('interaction.created')).toEqual(
      expect.arrayContaining(
        inputs.map((input) => ({
          interactionId: input.id,
          touchpointId: till.id,
          customerId: null,
          source: 'api',
          outcome: input.outcome,
          occurredAt: occurredAt.toISOString(),
          actorId: staff.id,
        })),
      ),
    );
    const defect = result.raised[0]!;
    expect(data('defect.created')).toEqual([
      {
        defectId: defect.id,
        touchpointId: till.id,
        categoryId: defect.categoryId,
        kind: 'lost_sale',
        severity: defect.severity,
        interactionId: inputs[1]!.id,
        actorId: null,
      },
    ]);

    // Public feedback also announces its answers and comment.
    const feedback = interactionInputSchema.parse({
      id: crypto.randomUUID(),
      touchpointId: till.id,
      outcome: 'none',
      expectation: 4,
      experience: 5,
      csat: 5,
      nps: 3,
      effort: 2,
      notes: 'Quick, "kind" and \\ clear',
    });
    await recordInteractions(db, [feedback], { source: 'feedback', loggedById: null });
    await testRunner().drain();
    expect(data('feedback.received')).toEqual([
      {
        interactionId: feedback.id,
        touchpointId: till.id,
        customerId: null,
        expectation: 4,
        experience: 5,
        csat: 5,
        nps: 3,
        effort: 2,
        comment: 'Quick, "kind" and \\ clear',
      },
    ]);
  });

  it('sends only the event types the endpoint chose', async () => {
    await addEndpoint(['defect.status_changed']);
    const { defect } = await createDefectFixture();
    await assign(defect.id, staff.id);
    await testRunner().drain();
    expect(receiver.received).toHaveLength(0);
  });

  it('retries a failing endpoint with backoff, logs each answer, and redelivers with the same id', async () => {
    await addEndpoint();
    receiver.respondWith((_req, res) => {
      res.statusCode = 503;
      res.end('busy, try later');
    });
    const { defect } = await createDefectFixture();
    await assign(defect.id, staff.id);
    const runner = testRunner();
    await runner.drain();
    const db = await getDb();
    const [delivery] = await db.select().from(webhookDeliveries);
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 1,
      responseStatus: 503,
      responseExcerpt: 'busy, try later',
    });
    const [job] = await db
      .select({ wait: sql<number>`extract(epoch from ${jobs.runAt} - now())`.mapWith(Number), status: jobs.status })
      .from(jobs)
      .where(and(eq(jobs.kind, 'deliver-webhook'), sql`${jobs.payload}->>'deliveryId' = ${delivery!.id}`));
    expect(job!.status).toBe('pending');
    expect(job!.wait).toBeGreaterThan(3);

    receiver.respondWith((_req, res) => {
      res.statusCode = 200;
      res.end('ok');
    });
    await db
      .update(jobs)
      .set({ runAt: sql`now()` })
      .where(eq(jobs.kind, 'deliver-webhook'));
    await runner.drain();
    const [after] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery!.id));
    expect(after).toMatchObject({ status: 'succeeded', attempts: 2, responseStatus: 200 });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.every((r) => r.verified)).toBe(true);

    const again = await redeliverAction({ deliveryId: delivery!.id });
    expect(again.ok).toBe(true);
    await runner.drain();
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1);
  });

  it('answers a test ping at once and logs it', async () => {
    const { id } = await addEndpoint();
    const result = await sendTestPingAction({ endpointId: id });
    expect(result).toMatchObject({
      ok: true,
      data: { message: expect.stringMatching(/^Delivered: the endpoint answered 204 in \d+ ms\.$/) },
    });
    expect(receiver.received).toMatchObject([{ type: 'webhook.test', verified: true }]);
    const db = await getDb();
    const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id));
    expect(delivery).toMatchObject({ eventType: 'webhook.test', status: 'succeeded', responseStatus: 204 });
  });

  it('refuses at send time a target that became private, after resolving it', async () => {
    const { id } = await addEndpoint();
    await updateWebhookSettingsAction({ allowPrivateTargets: false });
    const result = await sendTestPingAction({ endpointId: id });
    expect(result).toMatchObject({
      ok: false,
      status: 422,
      message: expect.stringMatching(/^Not delivered: .*loopback/),
    });
    expect(receiver.received).toHaveLength(0);
    const db = await getDb();
    await db
      .update(webhookEndpoints)
      .set({ url: receiver.url.replace('127.0.0.1', 'localhost') })
      .where(eq(webhookEndpoints.id, id));
    await sendTestPingAction({ endpointId: id });
    expect(receiver.received).toHaveLength(0);
    const log = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id));
    // Stored as message references, said in each reader's language on the endpoint's page.
    expect(log.map((d) => d.error)).toEqual([
      expect.stringMatching(/^validation:/),
      expect.stringMatching(/^validation:/),
    ]);
    expect(log.map((d) => englishMessage(d.error!))).toEqual([
      expect.stringMatching(/127\.0\.0\.1 is a loopback/),
      expect.stringMatching(/localhost resolves to .*(127\.0\.0\.1|::1)/),
    ]);
  });

  it('switches off an endpoint failing for a day, and tells the admins', async () => {
    const { id } = await addEndpoint();
    receiver.respondWith((_req, res) => {
      res.statusCode = 500;
      res.end();
    });
    const db = await getDb();
    await db
      .update(webhookEndpoints)
      .set({ failingSince: sql`now() - interval '25 hours'` })
      .where(eq(webhookEndpoints.id, id));
    const { defect } = await createDefectFixture();
    await assign(defect.id, staff.id);
    await testRunner().drain();
    const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    expect(endpoint).toMatchObject({ active: false });
    // Stored as a message reference, read in each reader's language.
    expect(englishMessage(endpoint!.disabledReason!)).toBe('Every delivery failed for 24 hours.');
    const [failed] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id));
    expect(englishMessage(failed!.error!)).toBe('The endpoint answered 500.');
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, admin.id), eq(notifications.type, 'webhook.disabled')));
    expect(told).toHaveLength(1);
    expect(told[0]!.href).toBe(`/admin/webhooks/${id}`);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit.map((a) => a.action)).toContain('webhook.created');
  });
});

describe('posting to a slow or chatty endpoint', () => {
  it('gives up after the timeout and reads at most the cap', async () => {
    const server = http.createServer((req, res) => {
      if (req.url === '/slow') return; // never answers
      res.statusCode = 200;
      res.end('x'.repeat(1024 * 1024));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const started = Date.now();
      await expect(
        postWebhook({
          url: `http://127.0.0.1:${port}/slow`,
          headers: {},
          body: '{}',
          allowPrivate: true,
          timeoutMs: 300,
        }),
      ).rejects.toThrow(/webhookNoAnswer \{"seconds":0.3\}/);
      expect(Date.now() - started).toBeLessThan(5_000);
      const big = await postWebhook({
        url: `http://127.0.0.1:${port}/big`,
        headers: {},
        body: '{}',
        allowPrivate: true,
      });
      expect(big.status).toBe(200);
      expect(big.excerpt).toHaveLength(EXCERPT_CHARS);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
