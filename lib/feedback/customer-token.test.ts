import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

let secret = 'unit-test-secret-one';
vi.mock('@/lib/auth/secret', () => ({ getAuthSecret: () => secret }));

const { signCustomerToken, verifyCustomerToken } = await import('./customer-token');

const customerId = '0b6f4a52-8d0e-4c3f-9a51-1d2e3f405162';
const touchpointId = 'f1e2d3c4-b5a6-4789-8a7b-6c5d4e3f2a1b';
const otherTouchpoint = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const now = new Date('2026-06-01T12:00:00Z');
const inAWeek = new Date('2026-06-08T12:00:00Z');

describe('signed customer tokens for personalised feedback links', () => {
  it('names its customer on its own touchpoint until it expires', () => {
    const token = signCustomerToken({ customerId, touchpointId, expiresAt: inAWeek });
    expect(token).toMatch(/^[A-Za-z0-9_-]{48}\.[A-Za-z0-9_-]{43}$/);
    expect(verifyCustomerToken(token, touchpointId, now)).toEqual({ ok: true, customerId, expiresAt: inAWeek });
    expect(verifyCustomerToken(token, touchpointId, inAWeek)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses it on another touchpoint, with another secret, or changed in any character', () => {
    const token = signCustomerToken({ customerId, touchpointId, expiresAt: inAWeek });
    expect(verifyCustomerToken(token, otherTouchpoint, now)).toEqual({ ok: false, reason: 'invalid' });
    // Every other character at every position, including the signature's last one, whose two low
    // bits a base64 decoder ignores (A and B there decode alike): only the canonical text passes.
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      for (const other of 'ABQw_-') {
        if (other === token[i]) continue;
        const changed = token.slice(0, i) + other + token.slice(i + 1);
        expect(verifyCustomerToken(changed, touchpointId, now).ok, `position ${i} → ${other}`).toBe(false);
      }
    }
    secret = 'unit-test-secret-two';
    try {
      expect(verifyCustomerToken(token, touchpointId, now)).toEqual({ ok: false, reason: 'invalid' });
    } finally {
      secret = 'unit-test-secret-one';
    }
  });

  it('accepts only the canonical spelling of the signature', () => {
    const token = signCustomerToken({ customerId, touchpointId, expiresAt: inAWeek });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // Three other last characters decode to the same bytes; none of them may pass.
    const passing = [...alphabet].filter((c) => verifyCustomerToken(token.slice(0, -1) + c, touchpointId, now).ok);
    expect(passing).toEqual([token.at(-1)]);
  });

  it('refuses a token whose payload was swapped, even with a longer expiry, and junk of any type', () => {
    const token = signCustomerToken({ customerId, touchpointId, expiresAt: inAWeek });
    const [payload, signature] = token.split('.') as [string, string];
    const bytes = Buffer.from(payload, 'base64url');
    bytes.writeUInt32BE(0xfffffff0, 32);
    expect(verifyCustomerToken(`${bytes.toString('base64url')}.${signature}`, touchpointId, now).ok).toBe(false);
    // A signature made with the HMAC of the payload alone (no domain prefix) is not this app's.
    const bare = createHmac('sha256', secret).update(payload).digest('base64url');
    expect(verifyCustomerToken(`${payload}.${bare}`, touchpointId, now).ok).toBe(false);
    for (const junk of [undefined, null, 42, '', 'a.b', `${token}x`, `${token}\u0000`, { token }])
      expect(verifyCustomerToken(junk, touchpointId, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyCustomerToken(token, 'not-a-uuid', now)).toEqual({ ok: false, reason: 'invalid' });
  });
});
