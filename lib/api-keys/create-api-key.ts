// No 'server-only' marker here: the `npm run api-key` command shares this code with the admin page.
import type { DbOrTx } from '@/db';
import { apiKeys } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { generateApiKey } from '@/lib/auth/api-keys';
import type { CreateApiKeyInput } from '@/lib/validation/api-keys';

export interface ApiKeyActor {
  user?: { id: string; email: string } | null;
  /** Who acted when no user did (the command line). */
  label?: string;
}

/** Stores a new key's hash and returns the key itself, which is never stored or shown again. */
export async function createApiKey(
  db: DbOrTx,
  input: CreateApiKeyInput,
  actor: ApiKeyActor,
): Promise<{ id: string; name: string; key: string; prefix: string; scopes: string[] }> {
  const generated = generateApiKey();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        prefix: generated.prefix,
        secretHash: generated.hash,
        scopes: input.scopes,
        createdById: actor.user?.id ?? null,
      })
      .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, scopes: apiKeys.scopes });
    await recordAudit(tx, {
      actor: actor.user ?? null,
      actorLabel: actor.label,
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: row!.id,
      after: { name: row!.name, prefix: row!.prefix, scopes: row!.scopes },
    });
    return { ...row!, key: generated.key };
  });
}
