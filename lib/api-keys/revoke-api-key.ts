import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiKeys } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { forgetCheckedApiKeys } from '@/lib/auth/request-auth';
import { msg } from '@/lib/validation/messages';

/**
 * Revokes a key; every request with it is refused from the next one on by this process, and within
 * API_KEY_CACHE_MS by any other instance.
 */
export async function revokeApiKey(actor: CurrentUser, keyId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [key] = await tx.select().from(apiKeys).where(eq(apiKeys.id, keyId)).for('update');
    if (!key) throw new DomainError('not-found', msg('apiKeyGone'));
    if (key.revokedAt) return;
    const revokedAt = new Date();
    await tx.update(apiKeys).set({ revokedAt }).where(eq(apiKeys.id, keyId));
    await recordAudit(tx, {
      actor,
      action: 'api_key.revoked',
      entityType: 'api_key',
      entityId: keyId,
      before: { name: key.name, revokedAt: null },
      after: { name: key.name, revokedAt: revokedAt.toISOString() },
    });
  });
  forgetCheckedApiKeys();
}
