import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { ACTION_BODY_LIMIT_BYTES, refuseActionRequest } from './action-requests';

const post = (path: string, headers: Record<string, string>) =>
  new NextRequest(`http://app.example.test${path}`, {
    method: 'POST',
    headers: { host: 'app.example.test', ...headers },
  });

describe('server action requests refused before Next.js answers them with a 500', () => {
  it('refuses a POST from another origin with 403, with or without the Next-Action header', () => {
    for (const origin of ['https://evil.example', 'null', 'not a url', 'http://app.example.test.evil.example'])
      for (const extra of [{ 'next-action': 'abc' }, {}] as Record<string, string>[])
        expect(refuseActionRequest(post('/customers/new', { origin, ...extra }))?.status, origin).toBe(403);
  });

  it('lets same-origin and origin-less posts through, and reads the host as Next.js does', () => {
    expect(refuseActionRequest(post('/customers/new', { origin: 'http://app.example.test' }))).toBeNull();
    expect(refuseActionRequest(post('/customers/new', {}))).toBeNull();
    expect(
      refuseActionRequest(
        post('/customers/new', { origin: 'https://public.example.test', 'x-forwarded-host': 'public.example.test' }),
      ),
    ).toBeNull();
  });

  it('refuses an action body over the limit with 413, and leaves uploads and the API alone', () => {
    const over = String(ACTION_BODY_LIMIT_BYTES + 1);
    expect(refuseActionRequest(post('/log', { 'next-action': 'abc', 'content-length': over }))?.status).toBe(413);
    expect(
      refuseActionRequest(post('/log', { 'next-action': 'abc', 'content-length': String(ACTION_BODY_LIMIT_BYTES) })),
    ).toBeNull();
    expect(refuseActionRequest(post('/customers/import/upload', { 'content-length': over }))).toBeNull();
    expect(refuseActionRequest(post('/api/v1/interactions', { origin: 'https://evil.example' }))).toBeNull();
    expect(
      refuseActionRequest(
        new NextRequest('http://app.example.test/log', { headers: { origin: 'https://evil.example' } }),
      ),
    ).toBeNull();
  });
});
