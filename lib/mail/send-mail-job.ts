import 'server-only';
import { and, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { mailMessages } from '@/db/schema';
import { defineJob } from '@/lib/jobs/registry';
import { mailConfig } from './config';
import { SEND_MAIL } from './queue-mail';

// One transport per SMTP URL, reused: nodemailer pools the connection.
const transports = new Map<string, nodemailer.Transporter>();
function transportFor(url: string) {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

/** The link a mail client POSTs to for one-click unsubscribe (app/api/unsubscribe/[token]). */
const oneClickUrl = (pageUrl: string) => pageUrl.replace('/unsubscribe/', '/api/unsubscribe/');

defineJob({
  kind: SEND_MAIL,
  async run(payload, { db }) {
    const messageId = String(payload.messageId);
    const [message] = await db.select().from(mailMessages).where(eq(mailMessages.id, messageId));
    if (!message || message.status === 'sent') return;
    const { smtpUrl, from } = mailConfig();
    if (!smtpUrl) {
      // SMTP was switched off since the message was queued: keep it for admins.
      await db.update(mailMessages).set({ status: 'kept' }).where(eq(mailMessages.id, message.id));
      return;
    }
    await transportFor(smtpUrl).sendMail({
      from,
      to: message.toAddress,
      subject: message.subject,
      text: message.text,
      html: message.html,
      // RFC 8058 one-click unsubscribe: mail clients show their own button for it.
      list: message.unsubscribeUrl
        ? { unsubscribe: { url: oneClickUrl(message.unsubscribeUrl), comment: 'Unsubscribe' } }
        : undefined,
      headers: message.unsubscribeUrl ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : undefined,
    });
    await db
      .update(mailMessages)
      .set({ status: 'sent', sentAt: new Date(), error: null })
      .where(eq(mailMessages.id, message.id));
  },
  async onDead(payload, error, { db }) {
    await db
      .update(mailMessages)
      .set({ status: 'failed', error })
      .where(and(eq(mailMessages.id, String(payload.messageId)), eq(mailMessages.status, 'queued')));
  },
});
