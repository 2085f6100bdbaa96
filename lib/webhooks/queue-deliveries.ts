import 'server-only';
import { and, arrayContains, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { webhookDeliveries, webhookEndpoints, type OutboxEvent } from '@/db/schema';
import { englishMessage } from '@/lib/i18n/english';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { EVENT_TYPES, type EventType } from '@/lib/jobs/event-types';

export const DELIVER_WEBHOOK = 'deliver-webhook';
/** Retries stop this long after a delivery is first queued (the Standard Webhooks practice). */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The JSON body receivers get: `type`, `timestamp` and the event's `data`. Texts stored as message
 * references (a case's summary, a stage as its scope) go out in English, as the API speaks.
 */
export function webhookBody(event: Pick<OutboxEvent, 'type' | 'payload' | 'createdAt'>): string {
  const data = Object.fromEntries(
    Object.entries(event.payload as Record<string, unknown>).map(([key, value]) => [
      key,
      typeof value === 'string' ? englishMessage(value) : value,
    ]),
  );
  return JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data });
}

/** Queues the delivery job of one (new or redelivered) delivery. */
export async function queueDeliveryJob(tx: DbOrTx, deliveryId: string): Promise<void> {
  await enqueueJob(
    tx,
    DELIVER_WEBHOOK,
    { deliveryId },
    { maxAttempts: 30, expiresAt: new Date(Date.now() + RETRY_WINDOW_MS) },
  );
}

/** One delivery per active endpoint subscribed to the event's type. */
export async function queueWebhookDeliveries(tx: DbOrTx, event: OutboxEvent): Promise<number> {
  if (!(EVENT_TYPES as readonly string[]).includes(event.type)) return 0;
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(eq(webhookEndpoints.active, true), arrayContains(webhookEndpoints.eventTypes, [event.type as EventType])),
    );
  if (endpoints.length === 0) return 0;
  const body = webhookBody(event);
  const rows = await tx
    .insert(webhookDeliveries)
    .values(endpoints.map((e) => ({ endpointId: e.id, eventId: event.id, eventType: event.type, body })))
    .returning({ id: webhookDeliveries.id });
  for (const row of rows) await queueDeliveryJob(tx, row.id);
  return rows.length;
}
