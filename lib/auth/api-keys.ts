import { createHash, randomBytes } from 'node:crypto';

export { API_SCOPES, type ApiScope } from './api-scopes';

/** A new key: shown once to its creator; only its hash is stored. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(4).toString('hex');
  const key = `oi_${prefix}_${randomBytes(24).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

// Keys carry 192 random bits, so a fast hash is enough: there is nothing to brute-force.
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
