'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { guardedAction } from '@/lib/action';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { apiKeyIdSchema, createApiKeySchema } from '@/lib/validation/api-keys';

/** Returns the key once, for the admin to copy; only its hash is stored. */
export const createApiKeyAction = guardedAction(
  { permission: 'administer', schema: createApiKeySchema },
  async (input, { user }) => {
    const created = await createApiKey(await getDb(), input, { user });
    revalidatePath('/admin/api-keys');
    return { name: created.name, key: created.key };
  },
);

export const revokeApiKeyAction = guardedAction(
  { permission: 'administer', schema: apiKeyIdSchema },
  async ({ keyId }, { user }) => {
    await revokeApiKey(user, keyId);
    revalidatePath('/admin/api-keys');
    return undefined;
  },
);
