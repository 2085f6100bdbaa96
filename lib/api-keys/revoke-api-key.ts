import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiKeys } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';

/** Revokes a key; every request with it is refused from the next one on. */
export async function revokeApiKey(actor: CurrentUser, keyId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [key] = await tx.select().from(apiKeys).where(eq(apiKeys.id, keyId)).for('update');
    if (!key) throw new DomainError('not-found', 'That API key no longer exists.');
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
}
