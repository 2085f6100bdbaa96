import { isIP } from 'node:net';
import { env } from '@/lib/env';

/** The longest textual IP address (an IPv4-mapped IPv6 address). */
const MAX_ADDRESS_LENGTH = 45;
/** X-Forwarded-For entries read at most; a proxy chain is never this long. */
const MAX_FORWARDED_ENTRIES = 16;

export interface AddressSettings {
  /** The header scripts/serve.mjs writes the socket's address into (absent under `next dev`). */
  peerHeader?: string;
  /** How many proxies in front of the app append to X-Forwarded-For (TRUSTED_PROXY_HOPS). */
  trustedHops: number;
}

const fromEnv = (): AddressSettings => ({ peerHeader: env.OUTSIDEIN_PEER_HEADER, trustedHops: env.TRUSTED_PROXY_HOPS });

function normalise(candidate: string | undefined): string | null {
  if (!candidate) return null;
  const trimmed = candidate.trim();
  if (trimmed.length > MAX_ADDRESS_LENGTH) return null;
  const address = trimmed.startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
  return isIP(address) ? address.toLowerCase() : null;
}

/**
 * The caller's address, used for throttling and the audit log. It is the socket's address unless
 * TRUSTED_PROXY_HOPS proxies are configured: then it is the entry that many hops to the left of the
 * socket in X-Forwarded-For, the last one a client could not have written itself. Anything that is
 * not a valid IP address gives null ("unknown"), never the text as sent.
 */
export function clientAddress(headers: Headers, settings: AddressSettings = fromEnv()): string | null {
  const peer = settings.peerHeader ? normalise(headers.get(settings.peerHeader) ?? undefined) : null;
  if (!peer) return null;
  if (settings.trustedHops === 0) return peer;
  const forwarded = (headers.get('x-forwarded-for') ?? '').split(',').slice(-MAX_FORWARDED_ENTRIES);
  const chain = [...forwarded.map((entry) => entry.trim()).filter(Boolean), peer];
  return normalise(chain[Math.max(0, chain.length - 1 - settings.trustedHops)]);
}
