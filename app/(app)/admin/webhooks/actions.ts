'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import { DomainError } from '@/lib/errors';
import { requestIntl } from '@/lib/i18n/server-formatter';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliver,
  sendTestPing,
  setWebhookActive,
  updateWebhookSettings,
} from '@/lib/webhooks/manage-endpoints';
import {
  createWebhookSchema,
  deliveryIdSchema,
  webhookActiveSchema,
  webhookIdSchema,
  webhookSettingsSchema,
} from '@/lib/validation/webhooks';
import { translateMessage, type ValidationTranslator } from '@/lib/validation/messages';

/** Returns the signing secret once, for the admin to copy into the receiver. */
export const createWebhookAction = guardedAction(
  { permission: 'administer', schema: createWebhookSchema },
  async (input, { user }) => {
    const created = await createWebhookEndpoint(user, input);
    revalidatePath('/admin/webhooks');
    return { id: created.id, url: input.url, secret: created.secret };
  },
);

export const setWebhookActiveAction = guardedAction(
  { permission: 'administer', schema: webhookActiveSchema },
  async ({ endpointId, active }, { user }) => {
    await setWebhookActive(user, endpointId, active);
    revalidatePath('/admin/webhooks');
    return undefined;
  },
);

export const deleteWebhookAction = guardedAction(
  { permission: 'administer', schema: webhookIdSchema },
  async ({ endpointId }, { user }) => {
    await deleteWebhookEndpoint(user, endpointId);
    revalidatePath('/admin/webhooks');
    return undefined;
  },
);

export const sendTestPingAction = guardedAction(
  { permission: 'administer', schema: webhookIdSchema },
  async ({ endpointId }, { user }) => {
    const result = await sendTestPing(user, endpointId);
    revalidatePath(`/admin/webhooks/${endpointId}`);
    // Logged either way; a failed ping is reported like any refused action, beside the button.
    const { t } = await requestIntl();
    // The delivery log's reason is a message reference, said in the reader's language too.
    const reason = (text: string) => translateMessage(text, t as unknown as ValidationTranslator);
    if (!result.ok) throw new DomainError('invalid', t('admin.webhooks.pingFailed', { error: reason(result.error) }));
    return {
      message: t('admin.webhooks.pingDelivered', { status: result.response.status, ms: result.response.latencyMs }),
    };
  },
);

export const redeliverAction = guardedAction(
  { permission: 'administer', schema: deliveryIdSchema },
  async ({ deliveryId }, { user }) => {
    await redeliver(user, deliveryId);
    revalidatePath('/admin/webhooks');
    return undefined;
  },
);

export const updateWebhookSettingsAction = guardedAction(
  { permission: 'administer', schema: webhookSettingsSchema },
  async ({ allowPrivateTargets }, { user }) => {
    await updateWebhookSettings(user, allowPrivateTargets);
    revalidatePath('/admin/webhooks');
    return { allowPrivateTargets };
  },
);
