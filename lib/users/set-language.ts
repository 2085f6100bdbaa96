import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { Language } from '@/lib/i18n/languages';

/** A user's own UI language (null: the company's), written with its audit entry in one transaction. */
export async function setOwnLanguage(user: CurrentUser, language: Language | null): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ language, updatedAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      actor: user,
      action: 'user.language_changed',
      entityType: 'user',
      entityId: user.id,
      before: { language: user.language },
      after: { language },
    });
  });
}
