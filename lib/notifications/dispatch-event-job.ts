import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { notifications, outboxEvents, users, type OutboxEvent } from '@/db/schema';
import { companyFormatting, readerLanguage, serverIntl, type ServerIntl } from '@/lib/i18n/server-formatter';
import type { Language } from '@/lib/i18n/languages';
import { DISPATCH_EVENT } from '@/lib/jobs/enqueue';
import { defineJob } from '@/lib/jobs/registry';
import { companyName, composeEmail } from '@/lib/mail/compose';
import { queueMail } from '@/lib/mail/queue-mail';
import { unsubscribeUrl } from '@/lib/mail/unsubscribe-token';
import { queueWebhookDeliveries } from '@/lib/webhooks/queue-deliveries';
import { describeEvent, eventTexts } from './event-messages';
import { channelsFor } from './preferences';

// Turns outbox events into in-app notifications, mail and webhook deliveries: one event
// (`{ eventId }`, emitEvent), or every event of one write statement (`{ eventIds }`, an API batch:
// one job instead of one per event, which was an eighth of a 1,000-row batch's write). It only
// writes to the database, so it runs in one transaction with the job's completion: a crash before
// the commit runs it again from scratch, a crash after leaves nothing to repeat.
//
// Each recipient reads their own language (users.language, else the company's): the mail is
// written in it; the in-app notification keeps the event's facts (params), so the list shows it
// in the reader's language of the day, and its title/body in the recipient's language as well,
// for anything that reads the row without translating it.
defineJob({
  kind: DISPATCH_EVENT,
  transactional: true,
  async run(payload, { db }) {
    const ids = Array.isArray(payload.eventIds) ? payload.eventIds.map(String) : [String(payload.eventId)];
    const stored = await db
      .select()
      .from(outboxEvents)
      .where(sql`${outboxEvents.id} = any(${sql.param(ids)}::uuid[])`);
    const byId = new Map(stored.map((event) => [event.id, event]));
    // In the order they were written; one purged meanwhile is skipped, as a lone job skips it.
    for (const id of ids) {
      const event = byId.get(id);
      if (event) await dispatchEvent(db, event);
    }
  },
});

/** One event's webhook deliveries, notifications and mail. */
async function dispatchEvent(db: DbOrTx, event: OutboxEvent): Promise<void> {
  await queueWebhookDeliveries(db, event);

  const facts = await describeEvent(db, event);
  if (!facts || facts.recipientIds.length === 0) return;
  const recipients = await db
    .select({ id: users.id, email: users.email, language: users.language })
    .from(users)
    .where(and(inArray(users.id, facts.recipientIds), eq(users.active, true)));
  if (recipients.length === 0) return;
  const channels = await channelsFor(
    db,
    recipients.map((r) => r.id),
    facts.type,
  );
  const company = await companyFormatting(db);
  const brand = await companyName(db);
  const intls = new Map<Language, ServerIntl>();
  const intlFor = async (language: string | null) => {
    const chosen = readerLanguage(language, company);
    if (!intls.has(chosen)) intls.set(chosen, await serverIntl(chosen, company));
    return intls.get(chosen)!;
  };
  for (const recipient of recipients) {
    const chosen = channels.get(recipient.id)!;
    if (!chosen.inApp && !chosen.email) continue;
    const intl = await intlFor(recipient.language);
    const texts = eventTexts(intl.t, intl.format, facts.type, facts.params, facts.href);
    if (!texts) continue;
    if (chosen.inApp) {
      await db
        .insert(notifications)
        .values({
          userId: recipient.id,
          eventId: event.id,
          type: facts.type,
          title: texts.title,
          body: texts.body || null,
          params: facts.params,
          href: facts.href,
        })
        .onConflictDoNothing();
    }
    if (chosen.email) {
      const url = unsubscribeUrl(recipient.id, facts.type);
      await queueMail(db, {
        ...composeEmail(intl, texts.email, { url, what: texts.what, brand }),
        to: recipient.email,
        userId: recipient.id,
        kind: facts.type,
        unsubscribeUrl: url,
      });
    }
  }
}
