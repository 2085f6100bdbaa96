import { z } from 'zod';
import { isCompanyLocale, isSupportedCurrency, WEEKDAYS } from '@/lib/settings/options';
import { nameField } from './form-values';
import { msg } from './messages';

/**
 * The admin's company settings form: name, currency, locale and first day of the week. The time
 * zone is saved on its own (its change rebuilds the rollups), so it is not part of this schema.
 */
export const companySettingsSchema = z.object({
  name: nameField(100),
  currency: z
    .string({ error: msg('chooseCurrency') })
    .trim()
    .toUpperCase()
    .refine((value) => /^[A-Z]{3}$/.test(value) && isSupportedCurrency(value), { error: msg('chooseCurrency') }),
  locale: z.string({ error: msg('chooseLocale') }).refine(isCompanyLocale, { error: msg('chooseLocale') }),
  weekStart: z.coerce
    .number({ error: msg('chooseWeekStart') })
    .int({ error: msg('chooseWeekStart') })
    .refine((day) => (WEEKDAYS as readonly number[]).includes(day), { error: msg('chooseWeekStart') }),
});

export type CompanySettingsInput = z.output<typeof companySettingsSchema>;

/** The admin's choice of time zone (checked against the zones known to the runtime and PostgreSQL by requestTimeZoneChange). */
export const timeZoneChangeSchema = z.object({
  timeZone: z
    .string({ error: msg('timeZoneUnknown') })
    .trim()
    .min(1, { error: msg('timeZoneUnknown') })
    .max(64, {
      error: msg('timeZoneUnknown'),
    }),
});
