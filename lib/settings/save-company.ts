import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { companySettings } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { CompanySettingsInput } from '@/lib/validation/settings';

const FIELDS = ['name', 'currency', 'locale', 'weekStart'] as const;

/**
 * An admin's change of the company's name, currency, locale and first day of the week, with the
 * audit event of what changed (before and after) in the same transaction. The time zone is not
 * touched: changing it rebuilds the rollups and has its own action. Returns the changed fields.
 */
export async function saveCompanySettings(
  actor: { id: string; email: string },
  input: CompanySettingsInput,
): Promise<string[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // The row is inserted by migration 0017; locked so two admins saving at once audit in order.
    const [current] = await tx
      .select({
        name: companySettings.name,
        currency: companySettings.currency,
        locale: companySettings.locale,
        weekStart: companySettings.weekStart,
      })
      .from(companySettings)
      .where(eq(companySettings.id, 1))
      .for('update');
    const changed = FIELDS.filter((field) => current?.[field] !== input[field]);
    if (changed.length === 0) return [];
    await tx
      .insert(companySettings)
      .values({ id: 1, ...input, updatedAt: sql`now()` })
      .onConflictDoUpdate({ target: companySettings.id, set: { ...input, updatedAt: sql`now()` } });
    await recordAudit(tx, {
      actor,
      action: 'company_settings.updated',
      entityType: 'company_settings',
      entityId: null,
      before: current ? Object.fromEntries(changed.map((field) => [field, current[field]])) : null,
      after: Object.fromEntries(changed.map((field) => [field, input[field]])),
    });
    return changed;
  });
}
