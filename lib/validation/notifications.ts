import { z } from 'zod';
import { NOTIFICATION_TYPES } from '@/lib/notifications/kinds';
import { msg } from './messages';

export const notificationIdSchema = z.object({ id: z.uuid({ error: msg('unknownNotification') }) });
export const noInputSchema = z.object({}).optional();

const types = z.preprocess(
  (value) => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(NOTIFICATION_TYPES, { error: msg('unknownNotification') })),
);

/** The preferences form: the kinds ticked for each channel. */
export const preferencesSchema = z.object({ inApp: types, email: types });
