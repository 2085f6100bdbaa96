import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

const PEER = 'x-outsidein-peer-0123456789abcdef01234567';
const headersOf = (entries: Record<string, string>) => new Headers(entries);

describe('clientAddress', () => {
  it('takes the socket address and ignores forwarded headers by default', () => {
    const headers = headersOf({
      [PEER]: '203.0.113.9',
      'x-forwarded-for': '198.51.100.1',
      'x-real-ip': '198.51.100.2',
    });
    expect(clientAddress(headers, { peerHeader: PEER, trustedHops: 0 })).toBe('203.0.113.9');
  });

  it('knows no address when the socket header is missing, whatever the client sends', () => {
    const headers = headersOf({ 'x-forwarded-for': '198.51.100.1', 'x-outsidein-peer': '198.51.100.3' });
    expect(clientAddress(headers, { peerHeader: PEER, trustedHops: 0 })).toBeNull();
    expect(clientAddress(headers, { peerHeader: undefined, trustedHops: 1 })).toBeNull();
  });

  it('trusts exactly the configured number of proxy hops', () => {
    // client → proxy A (appends the client) → proxy B (appends A) → app (socket is B)
    const headers = headersOf({ [PEER]: '10.0.0.2', 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.1' });
    expect(clientAddress(headers, { peerHeader: PEER, trustedHops: 2 })).toBe('198.51.100.7');
    expect(clientAddress(headers, { peerHeader: PEER, trustedHops: 1 })).toBe('10.0.0.1');
    // Rotating the part a client can write changes nothing.
    const rotated = headersOf({ [PEER]: '10.0.0.2', 'x-forwarded-for': '1.2.3.4, 198.51.100.7, 10.0.0.1' });
    expect(clientAddress(rotated, { peerHeader: PEER, trustedHops: 2 })).toBe('198.51.100.7');
  });

  it('refuses anything that is not an IP address, and long text', () => {
    const long = 'a'.repeat(8_000);
    expect(
      clientAddress(headersOf({ [PEER]: '10.0.0.2', 'x-forwarded-for': long }), { peerHeader: PEER, trustedHops: 1 }),
    ).toBeNull();
    expect(
      clientAddress(headersOf({ [PEER]: '10.0.0.2', 'x-forwarded-for': '<script>' }), {
        peerHeader: PEER,
        trustedHops: 1,
      }),
    ).toBeNull();
    expect(clientAddress(headersOf({ [PEER]: '::ffff:127.0.0.1' }), { peerHeader: PEER, trustedHops: 0 })).toBe(
      '127.0.0.1',
    );
    expect(clientAddress(headersOf({ [PEER]: '2001:DB8::1' }), { peerHeader: PEER, trustedHops: 0 })).toBe(
      '2001:db8::1',
    );
  });
});
