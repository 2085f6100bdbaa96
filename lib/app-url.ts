import { env } from '@/lib/env';

/**
 * An absolute link into the app for mail and webhooks, which have no request to take the host
 * from: PUBLIC_URL when set, else the local default.
 */
export function appUrl(path: string, publicUrl: string | undefined = env.PUBLIC_URL): string {
  return new URL(path, publicUrl ?? 'http://localhost:3000').toString();
}
