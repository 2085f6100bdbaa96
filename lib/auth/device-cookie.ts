import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { getAuthSecret } from './secret';

/*
 * OWASP's device cookie: after a successful sign-in the browser keeps a signed token saying "this
 * client has signed in as this email before". A flood of wrong passwords for an email then slows
 * unknown clients only, so nobody can lock the real user out. The cookie holds a nonce and a
 * signature over nonce and email, never the email itself.
 */

export const DEVICE_COOKIE = 'outsidein-device';
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

const sign = (nonce: string, email: string) =>
  createHmac('sha256', getAuthSecret()).update(`device:${nonce}:${email.trim().toLowerCase()}`).digest('base64url');

/** A fresh device cookie value for this email. */
export function deviceCookieValue(email: string): string {
  const nonce = randomBytes(12).toString('base64url');
  return `${nonce}.${sign(nonce, email)}`;
}

/** Whether the cookie value was issued by this server after a sign-in as this email. */
export function isKnownDevice(value: string | undefined | null, email: string): boolean {
  if (!value || value.length > 200) return false;
  const [nonce, signature, extra] = value.split('.');
  if (!nonce || !signature || extra !== undefined) return false;
  const expected = Buffer.from(sign(nonce, email));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The device cookie's value from a raw Cookie header (Auth.js hands authorize() a Request). */
export function deviceCookieFromHeader(cookieHeader: string | null): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === DEVICE_COOKIE) return rest.join('=');
  }
  return undefined;
}
