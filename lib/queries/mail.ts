import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { mailMessages } from '@/db/schema';

export const MAIL_OUTBOX_SIZE = 100;

/** The latest messages, sent or kept, newest first. */
export async function listMailMessages() {
  const db = await getDb();
  return db
    .select({
      id: mailMessages.id,
      toAddress: mailMessages.toAddress,
      kind: mailMessages.kind,
      subject: mailMessages.subject,
      status: mailMessages.status,
      error: mailMessages.error,
      createdAt: mailMessages.createdAt,
      sentAt: mailMessages.sentAt,
    })
    .from(mailMessages)
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(MAIL_OUTBOX_SIZE);
}

export async function getMailMessage({ id }: { id: string }) {
  const db = await getDb();
  const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
  return row ?? null;
}
