import 'server-only';
import { cache } from 'react';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { companySettings, type CompanySettings } from '@/db/schema';
import { todayInZone } from '@/lib/dates';

/** What the app runs with before migration 0017's row exists (it is inserted by the migration). */
const DEFAULTS = {
  id: 1,
  name: 'OutsideIn',
  currency: 'GBP',
  timeZone: 'UTC',
  locale: 'en-GB',
  weekStart: 1,
  pendingTimeZone: null,
  rebuildTimeZone: null,
  rebuildDone: 0,
  rebuildTotal: 0,
  rebuildError: null,
};

/** The company's settings, read once per request (docs/settings.md). */
export const getCompanySettings = cache(async (): Promise<CompanySettings> => {
  const db = await getDb();
  const [row] = await db.select().from(companySettings).where(eq(companySettings.id, 1)).limit(1);
  return row ?? { ...DEFAULTS, updatedAt: new Date(0) };
});

/** Today in the company's time zone: the default end of every period. */
export const getCompanyToday = async (): Promise<string> => todayInZone((await getCompanySettings()).timeZone);

/** What days and weeks are counted by: the company's zone and its first day of the week (ISO 1 = Monday … 7 = Sunday). */
export type CompanyCalendar = Pick<CompanySettings, 'timeZone' | 'weekStart'>;

/**
 * The company's zone and first day of the week, read in the caller's transaction: what jobs and
 * mutations use (pages take them from getCompanySettings(), read once per request).
 */
export async function companyCalendar(db: DbOrTx): Promise<CompanyCalendar> {
  const [row] = await db
    .select({ timeZone: companySettings.timeZone, weekStart: companySettings.weekStart })
    .from(companySettings)
    .where(eq(companySettings.id, 1))
    .limit(1);
  return row ?? { timeZone: DEFAULTS.timeZone, weekStart: DEFAULTS.weekStart };
}
