import { z } from 'zod';

const checkbox = z.preprocess((value) => value === 'on' || value === '1' || value === true, z.boolean());
const days = (label: string) =>
  z.preprocess(
    (value) => (value === '' || value === null || value === undefined ? null : value),
    z.coerce
      .number({ error: `${label} must be a whole number of days.` })
      .int({ error: `${label} must be a whole number of days.` })
      .min(1, { error: `${label} must be at least 1 day.` })
      .max(3650, { error: `${label} can be at most 3,650 days.` })
      .nullable(),
  );

/** The admin's lifecycle rules form: a blank number switches its rule off. */
export const lifecycleSettingsSchema = z
  .object({
    activeOnSale: checkbox,
    atRiskOnDetractor: checkbox,
    atRiskOnSevereDefect: checkbox,
    atRiskAfterDays: days('At risk after'),
    advocateAfterPromoters: z.preprocess(
      (value) => (value === '' || value === null || value === undefined ? null : value),
      z.coerce
        .number({ error: 'Use a whole number of answers from 1 to 10.' })
        .int({ error: 'Use a whole number of answers from 1 to 10.' })
        .min(1, { error: 'Use a whole number of answers from 1 to 10.' })
        .max(10, { error: 'Use a whole number of answers from 1 to 10.' })
        .nullable(),
    ),
    churnedAfterDays: days('Churned after'),
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
        message: 'Churned must come after at risk: choose more days than for at risk.',
      });
  });
