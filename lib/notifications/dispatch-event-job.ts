import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { notifications, outboxEvents, users } from '@/db/schema';
import { DISPATCH_EVENT } from '@/lib/jobs/enqueue';
import { defineJob } from '@/lib/jobs/registry';
import { queueMail } from '@/lib/mail/queue-mail';
import { renderEmail } from '@/lib/mail/render';
import { unsubscribeUrl } from '@/lib/mail/unsubscribe-token';
import { queueWebhookDeliveries } from '@/lib/webhooks/queue-deliveries';
import { describeEvent } from './event-messages';
import { channelsFor } from './preferences';

// Turns one outbox event into in-app notifications, mail and webhook deliveries. It only writes
// to the database, so it runs in one transaction with the job's completion: a crash before the
// commit runs it again from scratch, a crash after leaves nothing to repeat.
defineJob({
  kind: DISPATCH_EVENT,
  transactional: true,
  async run(payload, { db }) {
    const [event] = await db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.id, String(payload.eventId)));
    if (!event) return;
    await queueWebhookDeliveries(db, event);

    const message = await describeEvent(db, event);
    if (!message || message.recipientIds.length === 0) return;
    const recipients = await db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(inArray(users.id, message.recipientIds), eq(users.active, true)));
    const channels = await channelsFor(
      db,
      recipients.map((r) => r.id),
      message.type,
    );
    for (const recipient of recipients) {
      const chosen = channels.get(recipient.id)!;
      if (chosen.inApp) {
        await db
          .insert(notifications)
          .values({
            userId: recipient.id,
            eventId: event.id,
            type: message.type,
            title: message.title,
            body: message.body || null,
            href: message.href,
          })
          .onConflictDoNothing();
      }
      if (chosen.email) {
        const url = unsubscribeUrl(recipient.id, message.type);
        await queueMail(db, {
          ...renderEmail({ ...message.email, unsubscribe: { url, what: message.what } }),
          to: recipient.email,
          userId: recipient.id,
          kind: message.type,
          unsubscribeUrl: url,
        });
      }
    }
  },
});
