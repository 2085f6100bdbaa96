import { env } from '@/lib/env';

/**
 * The origin customers reach this app on: PUBLIC_URL when set, else as the request that asked
 * for it saw it (through a proxy's x-forwarded-host and x-forwarded-proto when there is one).
 */
export function requestOrigin(headers: Headers, publicUrl: string | undefined = env.PUBLIC_URL): string {
  if (publicUrl) return new URL(publicUrl).origin;
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host') || 'localhost:3000';
  const proto =
    headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ||
    (/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host) ? 'http' : 'https');
  return `${proto}://${host}`;
}

export function feedbackUrl(origin: string, token: string): string {
  return `${origin}/f/${token}`;
}
