/*
 * Decoded sessions, remembered for a few seconds under their cookie. Auth.js's auth() decrypts the
 * session cookie (a key derivation and a JWE decryption), runs the jwt callback (a database read)
 * and encrypts a renewed cookie on every call, ~3 ms of CPU per page view, although a server
 * component cannot set the renewed cookie. The same cookie decodes to the same session, so its
 * answer is kept for REMEMBER_SECONDS. Nothing about who may do what is kept: getCurrentUser reads
 * the user's active flag and session version from the database on every request, so a sign-out, a
 * password change or a deactivation still ends the session at once. The only effect: a cookie may
 * be honoured up to REMEMBER_SECONDS past its own expiry (Auth.js already allows 15 s of clock skew).
 */

import { TimedMemo } from '@/lib/timed-memo';

export const REMEMBER_SECONDS = 30;
/** Sessions kept at most; the least recently used go first. */
export const MAX_SESSIONS = 1_000;

const sessions = new TimedMemo(MAX_SESSIONS);

/** The session `cookie` decodes to: remembered if decoded in the last REMEMBER_SECONDS, else decoded now. */
export function rememberedSession<T>(
  cookie: string,
  decode: () => Promise<T | null>,
  now: number = Date.now(),
): Promise<T | null> {
  // Only a session is kept: a cookie that decodes to none, or a failed decode, is asked again.
  return sessions.remember(cookie, REMEMBER_SECONDS, decode, now, (session) => session !== null);
}

/** Forgets every remembered session (tests). */
export function forgetSessions(): void {
  sessions.clear();
}
