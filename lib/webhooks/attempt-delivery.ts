import 'server-only';
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { webhookDeliveries, webhookEndpoints, type WebhookDelivery, type WebhookEndpoint } from '@/db/schema';
import { emitEvent } from '@/lib/jobs/enqueue';
import { postWebhook, type WebhookResponse } from './post-webhook';
import { allowsPrivateWebhookTargets } from './settings';
import { signWebhook } from './signing';
import { msg } from '@/lib/validation/messages';

/** An endpoint failing without one success for this long is switched off, and admins are told. */
export const DISABLE_AFTER_MS = 24 * 60 * 60 * 1000;

export type AttemptResult =
  { ok: true; response: WebhookResponse } | { ok: false; error: string; response?: WebhookResponse };

/**
 * What the delivery log keeps of a failure: a message reference (lib/validation/messages.ts), so the
 * endpoint's page says it in its reader's language. The network's own errors are named by their
 * code; one without a known code keeps the runtime's (English) text.
 */
function failureMessage(error: unknown, url: string): string {
  const host = new URL(url).host;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return msg('webhookHostUnknown', { host });
  if (code === 'ECONNREFUSED') return msg('webhookConnectionRefused', { host });
  if (code === 'ECONNRESET' || code === 'EPIPE') return msg('webhookConnectionReset', { host });
  return error instanceof Error ? error.message : String(error);
}

/** Sends one delivery once and writes the attempt to the delivery log. */
export async function attemptDelivery(
  db: DbOrTx,
  delivery: WebhookDelivery,
  endpoint: WebhookEndpoint,
): Promise<AttemptResult> {
  const allowPrivate = await allowsPrivateWebhookTargets(db);
  let result: AttemptResult;
  try {
    const response = await postWebhook({
      url: endpoint.url,
      headers: signWebhook(endpoint.secret, delivery.eventId, delivery.body),
      body: delivery.body,
      allowPrivate,
    });
    result =
      response.status >= 200 && response.status < 300
        ? { ok: true, response }
        : { ok: false, error: msg('webhookAnswered', { status: String(response.status) }), response };
  } catch (error) {
    result = { ok: false, error: failureMessage(error, endpoint.url) };
  }
  await db
    .update(webhookDeliveries)
    .set({
      status: result.ok ? 'succeeded' : 'failed',
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      responseStatus: result.response?.status ?? null,
      latencyMs: result.response?.latencyMs ?? null,
      responseExcerpt: result.response?.excerpt ?? null,
      error: result.ok ? null : result.error,
      lastAttemptAt: new Date(),
    })
    .where(eq(webhookDeliveries.id, delivery.id));
  if (result.ok) {
    await db.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, endpoint.id));
  } else {
    await db
      .update(webhookEndpoints)
      .set({ failingSince: new Date() })
      .where(and(eq(webhookEndpoints.id, endpoint.id), isNull(webhookEndpoints.failingSince)));
    await disableIfFailingTooLong(db, endpoint.id);
  }
  return result;
}

/** Switches an endpoint off after a day of failures with no success, and tells the admins once. */
export async function disableIfFailingTooLong(db: DbOrTx, endpointId: string): Promise<boolean> {
  const cutoff = new Date(Date.now() - DISABLE_AFTER_MS);
  return db.transaction(async (tx) => {
    // A message reference: the admin page, the notification and the email each say it in their reader's language.
    const reason = msg('webhookFailingDay');
    const [disabled] = await tx
      .update(webhookEndpoints)
      .set({ active: false, disabledAt: new Date(), disabledReason: reason })
      .where(
        and(
          eq(webhookEndpoints.id, endpointId),
          eq(webhookEndpoints.active, true),
          lte(webhookEndpoints.failingSince, cutoff),
        ),
      )
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url });
    if (!disabled) return false;
    await emitEvent(tx, 'webhook.disabled', { endpointId: disabled.id, url: disabled.url, reason });
    return true;
  });
}
