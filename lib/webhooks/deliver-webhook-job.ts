import 'server-only';
import { eq } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { defineJob } from '@/lib/jobs/registry';
import { attemptDelivery, disableIfFailingTooLong } from './attempt-delivery';
import { DELIVER_WEBHOOK } from './queue-deliveries';
import { msg } from '@/lib/validation/messages';

// Delivery is at least once: a crash after the receiver answered and before the log is written
// sends it again, with the same webhook-id, which receivers use to drop the duplicate.
defineJob({
  kind: DELIVER_WEBHOOK,
  async run(payload, { db }) {
    const [row] = await db
      .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, String(payload.deliveryId)));
    if (!row || row.delivery.status === 'succeeded') return;
    if (!row.endpoint.active) {
      await db
        .update(webhookDeliveries)
        .set({ status: 'dead', error: msg('webhookEndpointOff') })
        .where(eq(webhookDeliveries.id, row.delivery.id));
      return;
    }
    const result = await attemptDelivery(db, row.delivery, row.endpoint);
    if (!result.ok) throw new Error(result.error);
  },
  async onDead(payload, _error, { db }) {
    const [delivery] = await db
      .update(webhookDeliveries)
      .set({ status: 'dead' })
      .where(eq(webhookDeliveries.id, String(payload.deliveryId)))
      .returning({ endpointId: webhookDeliveries.endpointId });
    if (delivery) await disableIfFailingTooLong(db, delivery.endpointId);
  },
});
