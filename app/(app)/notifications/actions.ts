'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import { markAllNotificationsRead, markNotificationRead } from '@/lib/notifications/mark-read';
import { noInputSchema, notificationIdSchema } from '@/lib/validation/notifications';

export const markNotificationReadAction = guardedAction(
  { permission: 'viewOwnWork', schema: notificationIdSchema },
  async ({ id }, { user }) => {
    const href = await markNotificationRead(user.id, id);
    revalidatePath('/', 'layout');
    return { href };
  },
);

export const markAllNotificationsReadAction = guardedAction(
  { permission: 'viewOwnWork', schema: noInputSchema },
  async (_input, { user }) => {
    const marked = await markAllNotificationsRead(user.id);
    revalidatePath('/', 'layout');
    return { marked };
  },
);
