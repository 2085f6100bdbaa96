import { randomBytes } from 'node:crypto';

/** 32 random bytes (256 bits) in base64url: 43 URL-safe characters nobody can guess. */
export function generateFeedbackToken(): string {
  return randomBytes(32).toString('base64url');
}
