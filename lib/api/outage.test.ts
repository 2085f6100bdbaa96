import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/queries/answer-cache', () => ({ forgetDashboardAnswers: () => {} }));

const { answerOutages, databaseRecentlyUnavailable } = await import('./outage');
const { readLimitedBody } = await import('./read-body');

type Global = { __outsideinLastOutageAt?: number };

/** A POST whose body stream fails the way Node fails it when the client hangs up mid-body. */
function abortedPost(): Request {
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(new TextEncoder().encode('{"interactions":['));
        return;
      }
      controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    },
  });
  return new Request('http://localhost/api/v1/interactions', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('answerOutages', () => {
  afterEach(() => {
    delete (globalThis as Global).__outsideinLastOutageAt;
    vi.restoreAllMocks();
  });

  it('answers 400 and notes no outage when the client stops sending its body', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const route = answerOutages(async (request: Request) => {
      await readLimitedBody(request, 1_000_000);
      return new Response('stored');
    });
    const response = await route(abortedPost());
    expect(response.status).toBe(400);
    expect((await response.json()).detail).toMatch(/not received in full/);
    expect(databaseRecentlyUnavailable()).toBe(false);
    expect(logged).not.toHaveBeenCalled();
  });

  it('still answers 503 and notes an outage when the database connection resets', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const route = answerOutages(async (request: Request) => {
      await request.text();
      throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    });
    const response = await route(new Request('http://localhost/api/v1/interactions', { method: 'POST', body: '{}' }));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(databaseRecentlyUnavailable()).toBe(true);
  });
});
