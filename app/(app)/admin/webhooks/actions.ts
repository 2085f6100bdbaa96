'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import { DomainError } from '@/lib/errors';
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
    if (!result.ok) throw new DomainError('invalid', `Not delivered: ${result.error}`);
    return {
      message: `Delivered: the endpoint answered ${result.response.status} in ${result.response.latencyMs} ms.`,
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
