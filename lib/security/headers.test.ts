import { describe, expect, it } from 'vitest';
import { isReadableUrl, securityHeaders } from './headers';

describe('security headers', () => {
  it('allow scripts by nonce only, forbid framing, and send HSTS over https only', () => {
    const plain = securityHeaders({ nonce: 'abc123', https: false, development: false });
    expect(plain['Content-Security-Policy']).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(plain['Content-Security-Policy']).not.toContain('unsafe-eval');
    expect(plain['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(plain['Content-Security-Policy']).toContain("object-src 'none'");
    expect(plain['X-Frame-Options']).toBe('DENY');
    expect(plain['X-Content-Type-Options']).toBe('nosniff');
    expect(plain['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders({ nonce: 'n', https: true, development: false })['Strict-Transport-Security']).toMatch(
      /^max-age=31536000/,
    );
  });
});

describe('readable addresses', () => {
  it('refuse a NUL or bytes that are not UTF-8 anywhere in the path or query', () => {
    expect(isReadableUrl(new URL('http://x/customers?q=Ann%20Lee&segment=a'))).toBe(true);
    expect(isReadableUrl(new URL('http://x/customers?q=caf%C3%A9'))).toBe(true);
    expect(isReadableUrl(new URL('http://x/customers?q=a%00b'))).toBe(false);
    expect(isReadableUrl(new URL('http://x/customers?q=%ED%A0%80'))).toBe(false);
    expect(isReadableUrl(new URL('http://x/f/abc%00'))).toBe(false);
    expect(isReadableUrl(new URL('http://x/customers?q=%FF'))).toBe(false);
  });
});
