import 'server-only';
import { randomUUID } from 'node:crypto';
import dns from 'node:dns/promises';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/auth/current-user';
import { recordAudit } from '@/lib/audit';
import type { CreateWebhookInput } from '@/lib/validation/webhooks';
import { isPublicAddress } from './address-policy';
import { attemptDelivery, type AttemptResult } from './attempt-delivery';
import { queueDeliveryJob } from './queue-deliveries';
import { allowsPrivateWebhookTargets, setAllowPrivateWebhookTargets } from './settings';
import { generateWebhookSecret } from './signing';
import { msg } from '@/lib/validation/messages';

/** Refuses a URL whose host resolves to a private address unless an admin allowed those. */
async function assertReachableTarget(url: string): Promise<void> {
  if (await allowsPrivateWebhookTargets()) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = (await dns.lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new DomainError('invalid', msg('fieldsNeedAttention'), { url: [msg('webhookHostUnknown', { host })] });
  }
  const refused = addresses.find((a) => !isPublicAddress(a));
  if (refused)
    throw new DomainError('invalid', msg('fieldsNeedAttention'), {
      url: [msg('webhookHostPrivate', { host, address: refused })],
    });
}

/** Saves an endpoint and returns its secret, which is shown this once. */
export async function createWebhookEndpoint(
  actor: CurrentUser,
  input: CreateWebhookInput,
): Promise<{ id: string; secret: string }> {
  await assertReachableTarget(input.url);
  const secret = generateWebhookSecret();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        url: input.url,
        description: input.description,
        eventTypes: input.eventTypes,
        secret,
        createdById: actor.id,
      })
      .returning({ id: webhookEndpoints.id });
    await recordAudit(tx, {
      actor,
      action: 'webhook.created',
      entityType: 'webhook_endpoint',
      entityId: row!.id,
      after: { url: input.url, eventTypes: input.eventTypes },
    });
    return { id: row!.id, secret };
  });
}

export async function setWebhookActive(actor: CurrentUser, endpointId: string, active: boolean): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set(
        active
          ? { active, disabledAt: null, disabledReason: null, failingSince: null }
          : { active, disabledAt: new Date(), disabledReason: msg('webhookSwitchedOffBy', { name: actor.name }) },
      )
      .where(eq(webhookEndpoints.id, endpointId))
      .returning({ id: webhookEndpoints.id });
    if (!row) throw new DomainError('not-found', msg('endpointGone'));
    await recordAudit(tx, {
      actor,
      action: active ? 'webhook.enabled' : 'webhook.disabled',
      entityType: 'webhook_endpoint',
      entityId: endpointId,
    });
  });
}

export async function deleteWebhookEndpoint(actor: CurrentUser, endpointId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpointId))
      .returning({ url: webhookEndpoints.url });
    if (!row) throw new DomainError('not-found', msg('endpointGone'));
    await recordAudit(tx, {
      actor,
      action: 'webhook.deleted',
      entityType: 'webhook_endpoint',
      entityId: endpointId,
      before: { url: row.url },
    });
  });
}

/** Sends a `webhook.test` message now and logs it like any delivery; the admin sees the answer at once. */
export async function sendTestPing(actor: CurrentUser, endpointId: string): Promise<AttemptResult> {
  const db = await getDb();
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  if (!endpoint) throw new DomainError('not-found', msg('endpointGone'));
  const body = JSON.stringify({
    type: 'webhook.test',
    timestamp: new Date().toISOString(),
    data: { endpointId, sentBy: actor.name },
  });
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({ endpointId, eventId: randomUUID(), eventType: 'webhook.test', body })
    .returning();
  return attemptDelivery(db, delivery!, endpoint);
}

/** Sends a delivery again, with its original webhook-id, and a fresh 24 hours of retries. */
export async function redeliver(actor: CurrentUser, deliveryId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: webhookDeliveries.id, active: webhookEndpoints.active })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, deliveryId));
    if (!row) throw new DomainError('not-found', msg('deliveryGone'));
    if (!row.active) throw new DomainError('conflict', msg('switchOnBeforeRedeliver'));
    await tx.update(webhookDeliveries).set({ status: 'pending', error: null }).where(eq(webhookDeliveries.id, row.id));
    await queueDeliveryJob(tx, row.id);
    await recordAudit(tx, { actor, action: 'webhook.redelivered', entityType: 'webhook_delivery', entityId: row.id });
  });
}

export async function updateWebhookSettings(actor: CurrentUser, allowPrivateTargets: boolean): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await setAllowPrivateWebhookTargets(allowPrivateTargets, tx);
    await recordAudit(tx, {
      actor,
      action: 'webhook.settings_changed',
      entityType: 'integration_settings',
      after: { allowPrivateTargets },
    });
  });
}
