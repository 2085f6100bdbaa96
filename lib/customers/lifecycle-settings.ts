import 'server-only';
import { getDb } from '@/db';
import { lifecycleSettings } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { getLifecycleRules } from './apply-lifecycle';
import type { LifecycleRuleSettings } from './lifecycle-rules';

/** An admin's change of the rules, audited with before and after. */
export async function saveLifecycleRules(
  actor: { id: string; email: string },
  input: LifecycleRuleSettings,
): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await getLifecycleRules(tx);
    await tx
      .insert(lifecycleSettings)
      .values({ id: 1, ...input, updatedAt: new Date() })
      .onConflictDoUpdate({ target: lifecycleSettings.id, set: { ...input, updatedAt: new Date() } });
    await recordAudit(tx, {
      actor,
      action: 'lifecycle_rules.updated',
      entityType: 'lifecycle_settings',
      entityId: null,
      before,
      after: input,
    });
  });
}

/** The rules as the admin page shows them. */
export async function readLifecycleRules(): Promise<LifecycleRuleSettings> {
  return getLifecycleRules(await getDb());
}
