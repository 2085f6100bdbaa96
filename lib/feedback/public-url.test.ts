import { describe, expect, it } from 'vitest';
import { feedbackUrl, requestOrigin } from './public-url';

describe('the public origin of feedback links', () => {
  it('prefers PUBLIC_URL, whatever the request says', () => {
    expect(requestOrigin(new Headers({ host: 'internal:3000' }), 'https://cx.example.com/some/path')).toBe(
      'https://cx.example.com',
    );
  });

  it('follows the proxy headers without PUBLIC_URL', () => {
    const headers = new Headers({
      host: 'internal:3000',
      'x-forwarded-host': 'cx.example.com',
      'x-forwarded-proto': 'https',
    });
    expect(requestOrigin(headers, undefined)).toBe('https://cx.example.com');
    expect(requestOrigin(new Headers({ host: 'localhost:3000' }), undefined)).toBe('http://localhost:3000');
  });

  it('builds the link from the origin and the token', () => {
    expect(feedbackUrl('https://cx.example.com', 'abc')).toBe('https://cx.example.com/f/abc');
  });
});
