import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getAuthSecret } from '@/lib/auth/secret';

/*
 * A personalised feedback link carries a signed customer token: `?c=<payload>.<signature>`.
 * payload = base64url(customer id (16 bytes) ‖ touchpoint id (16 bytes) ‖ expiry, Unix seconds
 * (4 bytes, big-endian)); signature = base64url(HMAC-SHA256(app secret, "feedback-customer:v1:" +
 * payload)). Only this app can make one; it names one customer on one touchpoint's link, and stops
 * working at its expiry. Nothing is stored: the signature is the proof.
 */

export const PERSONAL_LINK_DAYS = [7, 30, 90] as const;
export type PersonalLinkDays = (typeof PERSONAL_LINK_DAYS)[number];

const CUSTOMER_TOKEN_PATTERN = /^[A-Za-z0-9_-]{48}\.[A-Za-z0-9_-]{43}$/;
const UUID_HEX = /^[0-9a-f]{32}$/;

const sign = (payload: string) =>
  createHmac('sha256', getAuthSecret()).update(`feedback-customer:v1:${payload}`).digest();

const uuidBytes = (id: string) => {
  const hex = id.replace(/-/g, '').toLowerCase();
  if (!UUID_HEX.test(hex)) throw new Error('not a uuid');
  return Buffer.from(hex, 'hex');
};

const bytesToUuid = (bytes: Buffer) => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** A token naming `customerId` on `touchpointId`'s feedback link, valid until `expiresAt`. */
export function signCustomerToken(input: { customerId: string; touchpointId: string; expiresAt: Date }): string {
  const expiry = Math.floor(input.expiresAt.getTime() / 1000);
  if (!Number.isSafeInteger(expiry) || expiry <= 0 || expiry > 0xffffffff) throw new Error('expiry out of range');
  const expiryBytes = Buffer.alloc(4);
  expiryBytes.writeUInt32BE(expiry);
  const payload = Buffer.concat([uuidBytes(input.customerId), uuidBytes(input.touchpointId), expiryBytes]).toString(
    'base64url',
  );
  return `${payload}.${sign(payload).toString('base64url')}`;
}

export type CustomerTokenCheck =
  { ok: true; customerId: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * The customer a token names, when this app signed it for this touchpoint and it has not expired.
 * The signature is compared in constant time before anything in the payload is believed.
 */
export function verifyCustomerToken(token: unknown, touchpointId: string, now = new Date()): CustomerTokenCheck {
  if (typeof token !== 'string' || !CUSTOMER_TOKEN_PATTERN.test(token)) return { ok: false, reason: 'invalid' };
  const [payload, signature] = token.split('.') as [string, string];
  // Compared as text, so only the one canonical encoding passes (base64url's last character
  // carries two bits a decoder ignores: decoding first would accept four spellings of a signature).
  const expected = Buffer.from(sign(payload).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length !== 36) return { ok: false, reason: 'invalid' };
  let forTouchpoint: Buffer;
  try {
    forTouchpoint = uuidBytes(touchpointId);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  // Signed for another touchpoint's link: genuine, but not for this one.
  if (!bytes.subarray(16, 32).equals(forTouchpoint)) return { ok: false, reason: 'invalid' };
  const expiresAt = new Date(bytes.readUInt32BE(32) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, customerId: bytesToUuid(bytes.subarray(0, 16)), expiresAt };
}
