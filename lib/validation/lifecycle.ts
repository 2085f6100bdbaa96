import { z } from 'zod';
import { msg, type ValidationField } from './messages';

const checkbox = z.preprocess((value) => value === 'on' || value === '1' || value === true, z.boolean());
const days = (field: ValidationField) =>
  z.preprocess(
    (value) => (value === '' || value === null || value === undefined ? null : value),
    z.coerce
      .number({ error: msg('wholeDays', { field }) })
      .int({ error: msg('wholeDays', { field }) })
      .min(1, { error: msg('atLeastOneDay', { field }) })
      .max(3650, { error: msg('atMostDays', { field, max: 3650 }) })
      .nullable(),
  );

/** The admin's lifecycle rules form: a blank number switches its rule off. */
export const lifecycleSettingsSchema = z
  .object({
    activeOnSale: checkbox,
    atRiskOnDetractor: checkbox,
    atRiskOnSevereDefect: checkbox,
    atRiskAfterDays: days('atRiskAfter'),
    advocateAfterPromoters: z.preprocess(
      (value) => (value === '' || value === null || value === undefined ? null : value),
      z.coerce
        .number({ error: msg('promoterAnswers') })
        .int({ error: msg('promoterAnswers') })
        .min(1, { error: msg('promoterAnswers') })
        .max(10, { error: msg('promoterAnswers') })
        .nullable(),
    ),
    churnedAfterDays: days('churnedAfter'),
  })
  .superRefine((value, ctx) => {
    if (
      value.atRiskAfterDays !== null &&
      value.churnedAfterDays !== null &&
      value.churnedAfterDays <= value.atRiskAfterDays
    )
      ctx.addIssue({
        code: 'custom',
        path: ['churnedAfterDays'],
        message: msg('churnedAfterAtRisk'),
      });
  });
