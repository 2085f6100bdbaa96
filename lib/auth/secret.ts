import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

// Next.js bundles instrumentation and routes separately: the shared secret lives on globalThis.
const shared = globalThis as unknown as { __outsideinAuthSecret?: string };
let cached: string | undefined;

/**
 * The key that signs sessions, CSRF tokens and the HMACs of rate limits, device cookies and links:
 * AUTH_SECRET from the environment; else the one this database holds (shareAuthSecret(), run at
 * start-up), so instances on several machines agree; else one generated once in the data folder.
 */
export function getAuthSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (shared.__outsideinAuthSecret) return shared.__outsideinAuthSecret;
  if (cached) return cached;
  const file = secretFile();
  try {
    cached = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(env.dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString('base64url');
    // wx: if another process wrote it first, keep theirs.
    try {
      fs.writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
    } catch {
      /* written concurrently; read below */
    }
    cached = fs.readFileSync(file, 'utf8').trim();
  }
  return cached;
}

const secretFile = () => path.join(env.dataDir, 'auth-secret');

/**
 * Without AUTH_SECRET, makes every app instance on this database sign with one key: the first to
 * start stores its data folder's secret in the database (keeping an existing install's sessions),
 * the others adopt it and write it to their own data folder for the CLI scripts. `store` inserts
 * the value unless one is there, and answers the one that is.
 */
export async function shareAuthSecret(store: (candidate: string) => Promise<string>): Promise<void> {
  if (env.AUTH_SECRET) return;
  const local = getAuthSecret();
  const agreed = await store(local);
  shared.__outsideinAuthSecret = agreed;
  if (agreed !== local) {
    cached = agreed;
    fs.writeFileSync(secretFile(), agreed, { mode: 0o600 });
  }
}
