import { expect, test } from '@playwright/test';

/*
 * Server actions through the real server: Next.js refuses a cross-site action and an action body
 * over 1 MB with a 500; proxy.ts answers them first with 403 and 413 problem details.
 */

const problem = async (response: {
  status(): number;
  headers(): Record<string, string>;
  json(): Promise<unknown>;
}) => ({
  status: response.status(),
  type: response.headers()['content-type'],
  body: (await response.json()) as { status?: number; detail?: string },
});

test('a server action from another site answers 403, one over 1 MB answers 413, and a same-site one goes through', async ({
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;

  // A JavaScript-style action call and a plain cross-site form post, both from a foreign origin.
  const fetched = await request.post('/login', {
    headers: { origin: 'https://evil.example', 'next-action': '0'.repeat(42), 'content-type': 'text/plain' },
    data: '[]',
  });
  expect(await problem(fetched)).toMatchObject({
    status: 403,
    type: expect.stringContaining('application/problem+json'),
    body: { status: 403, detail: expect.stringContaining('another site') },
  });
  const posted = await request.post('/login', {
    headers: { origin: 'https://evil.example' },
    multipart: { $ACTION_ID_0000: '', email: 'admin@example.test', password: 'x' },
  });
  expect(posted.status()).toBe(403);

  const big = await request.post('/login', {
    headers: { origin, 'next-action': '0'.repeat(42), 'content-type': 'text/plain' },
    data: 'x'.repeat(1024 * 1024 + 10),
  });
  expect(await problem(big)).toMatchObject({
    status: 413,
    type: expect.stringContaining('application/problem+json'),
    body: { status: 413, detail: expect.stringContaining('1 MB') },
  });

  // From the site itself the request reaches Next.js (an unknown action id is its 404), never a 5xx.
  const same = await request.post('/login', {
    headers: { origin, 'next-action': '0'.repeat(42), 'content-type': 'text/plain' },
    data: '[]',
  });
  expect([403, 413]).not.toContain(same.status());
  expect(same.status()).toBeLessThan(500);
});
