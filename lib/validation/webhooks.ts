import { z } from 'zod';
import { EVENT_TYPES } from '@/lib/jobs/event-types';
import { webhookUrlProblem } from '@/lib/webhooks/address-policy';

const list = (value: unknown) =>
  value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value];

export const createWebhookSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, { error: 'Enter the URL that receives the events.' })
    .max(2000, { error: 'Keep the URL under 2,000 characters.' })
    .superRefine((value, ctx) => {
      const problem = webhookUrlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  description: z
    .string()
    .trim()
    .max(200, { error: 'Keep the description under 200 characters.' })
    .optional()
    .transform((v) => v || null),
  eventTypes: z.preprocess(
    list,
    z
      .array(z.enum(EVENT_TYPES, { error: 'Unknown event type.' }))
      .min(1, { error: 'Choose at least one event.' })
      .transform((types) => [...new Set(types)].sort()),
  ),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const webhookIdSchema = z.object({ endpointId: z.uuid({ error: 'Unknown endpoint.' }) });
export const webhookActiveSchema = webhookIdSchema.extend({ active: z.boolean() });
export const deliveryIdSchema = z.object({ deliveryId: z.uuid({ error: 'Unknown delivery.' }) });
export const webhookSettingsSchema = z.object({
  allowPrivateTargets: z.preprocess((v) => v === 'on' || v === true || v === 'true', z.boolean()),
});
