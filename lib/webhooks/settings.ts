import 'server-only';
import { getDb, type DbOrTx } from '@/db';
import { integrationSettings } from '@/db/schema';

/** Whether webhooks may go to loopback, link-local and private addresses (off unless an admin allows it). */
export async function allowsPrivateWebhookTargets(db?: DbOrTx): Promise<boolean> {
  const [row] = await (db ?? (await getDb()))
    .select({ allow: integrationSettings.allowPrivateWebhookTargets })
    .from(integrationSettings);
  return row?.allow ?? false;
}

export async function setAllowPrivateWebhookTargets(allow: boolean, db?: DbOrTx): Promise<void> {
  await (db ?? (await getDb()))
    .insert(integrationSettings)
    .values({ id: 1, allowPrivateWebhookTargets: allow })
    .onConflictDoUpdate({
      target: integrationSettings.id,
      set: { allowPrivateWebhookTargets: allow, updatedAt: new Date() },
    });
}
