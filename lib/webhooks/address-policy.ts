import ipaddr from 'ipaddr.js';
import { msg } from '@/lib/validation/messages';

/**
 * Whether an IP address is on the public internet. Loopback, link-local (cloud metadata lives at
 * 169.254.169.254), private, unique-local, carrier-grade NAT, multicast and reserved ranges are
 * not: a webhook must not become a way to reach the server's own network (SSRF). IPv4 written as
 * IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** Why a webhook URL is refused before any lookup (a message reference), or null when its form is acceptable. */
export function webhookUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return msg('webhookUrlInvalid');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return msg('webhookUrlScheme');
  if (url.username || url.password) return msg('webhookUrlCredentials');
  return null;
}
