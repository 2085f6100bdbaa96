import { z } from 'zod';
import { EVENT_TYPES } from '@/lib/jobs/event-types';
import { webhookUrlProblem } from '@/lib/webhooks/address-policy';
import { msg } from './messages';

const list = (value: unknown) =>
  value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value];

export const createWebhookSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, { error: msg('enterWebhookUrl') })
    .max(2000, { error: msg('webhookUrlMax', { max: 2000 }) })
    .superRefine((value, ctx) => {
      const problem = webhookUrlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  description: z
    .string()
    .trim()
    .max(200, { error: msg('webhookDescriptionMax', { max: 200 }) })
    .optional()
    .transform((v) => v || null),
  eventTypes: z.preprocess(
    list,
    z
      .array(z.enum(EVENT_TYPES, { error: msg('unknownEventType') }))
      .min(1, { error: msg('chooseAtLeastOneEvent') })
      .transform((types) => [...new Set(types)].sort()),
  ),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const webhookIdSchema = z.object({ endpointId: z.uuid({ error: msg('unknownEndpoint') }) });
export const webhookActiveSchema = webhookIdSchema.extend({ active: z.boolean() });
export const deliveryIdSchema = z.object({ deliveryId: z.uuid({ error: msg('unknownDelivery') }) });
export const webhookSettingsSchema = z.object({
  allowPrivateTargets: z.preprocess((v) => v === 'on' || v === true || v === 'true', z.boolean()),
});
