'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import { saveCompanySettings } from '@/lib/settings/save-company';
import { companySettingsSchema, timeZoneChangeSchema } from '@/lib/validation/settings';
import { requestTimeZoneChange } from '@/lib/settings/time-zone';
import { getDb } from '@/db';

/** Saves the company's name, currency, locale and first day of the week (not its time zone). */
export const saveCompanySettingsAction = guardedAction(
  { permission: 'administer', schema: companySettingsSchema },
  async (input, { user }) => {
    const changed = await saveCompanySettings(user, input);
    // The name is in the shell and the currency and locale on every page: all of them change.
    if (changed.length > 0) revalidatePath('/', 'layout');
    return { changed };
  },
);

/**
 * Asks for a new company time zone: the rollups are rebuilt in it by a background job, and the
 * dashboard keeps the old zone's numbers until the new ones are swapped in (lib/settings/time-zone.ts).
 */
export const requestTimeZoneChangeAction = guardedAction(
  { permission: 'administer', schema: timeZoneChangeSchema },
  async (input, { user }) => {
    const db = await getDb();
    const result = await db.transaction((tx) => requestTimeZoneChange(tx, input.timeZone, user));
    revalidatePath('/admin/settings');
    return result;
  },
);
