import 'server-only';
import type { DbOrTx } from '@/db';
import { mailMessages } from '@/db/schema';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { mailConfig } from './config';
import type { RenderedEmail } from './render';

export const SEND_MAIL = 'send-mail';

/**
 * Stores a message and, when SMTP is configured, queues its sending, in the caller's transaction.
 * Without SMTP it is kept in the outbox admins read: nothing is lost and nothing fails.
 */
export async function queueMail(
  tx: DbOrTx,
  message: RenderedEmail & { to: string; userId: string | null; kind: string; unsubscribeUrl: string },
): Promise<string> {
  const sending = Boolean(mailConfig().smtpUrl);
  const [row] = await tx
    .insert(mailMessages)
    .values({
      toAddress: message.to,
      userId: message.userId,
      kind: message.kind,
      subject: message.subject,
      text: message.text,
      html: message.html,
      unsubscribeUrl: message.unsubscribeUrl,
      status: sending ? 'queued' : 'kept',
    })
    .returning({ id: mailMessages.id });
  if (sending) await enqueueJob(tx, SEND_MAIL, { messageId: row!.id }, { maxAttempts: 8 });
  return row!.id;
}
