import 'server-only';
import crypto from 'node:crypto';
import { getAuthSecret } from '@/lib/auth/secret';
import { appUrl } from '@/lib/app-url';
import { NOTIFICATION_TYPES, type NotificationType } from '@/lib/notifications/kinds';

// A link that turns one kind of mail off for one user without signing in: the user id and kind,
// signed with the app's secret so nobody can forge a link for someone else.
const sign = (body: string) =>
  crypto.createHmac('sha256', getAuthSecret()).update(`unsubscribe:${body}`).digest('base64url');

export function unsubscribeToken(userId: string, type: NotificationType): string {
  const body = Buffer.from(`${userId}|${type}`).toString('base64url');
  return `${body}.${sign(body)}`;
}

export function unsubscribeUrl(userId: string, type: NotificationType): string {
  return appUrl(`/unsubscribe/${unsubscribeToken(userId, type)}`);
}

/** The user and kind a token names, or null when it was not signed by this app. */
export function readUnsubscribeToken(token: string): { userId: string; type: NotificationType } | null {
  const [body, signature] = token.split('.');
  if (!body || !signature) return null;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  const [userId, type] = Buffer.from(body, 'base64url').toString('utf8').split('|');
  if (!userId || !type || !(NOTIFICATION_TYPES as string[]).includes(type)) return null;
  return { userId, type: type as NotificationType };
}
