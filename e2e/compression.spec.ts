import http from 'node:http';
import zlib from 'node:zlib';
import { expect, test } from '@playwright/test';
import { storageStatePath } from './accounts';

/*
 * scripts/serve.mjs compresses (Next.js's own compression is off): Brotli when the client accepts
 * it, else gzip, else nothing; each decodes to the page.
 */

type Answer = { status: number; encoding: string | undefined; vary: string | undefined; body: string };

function get(baseURL: string, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(path, baseURL), { headers }, (response) => {
        const parts: Buffer[] = [];
        response.on('data', (chunk: Buffer) => parts.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(parts);
          const encoding = response.headers['content-encoding'];
          const body =
            encoding === 'br' ? zlib.brotliDecompressSync(raw) : encoding === 'gzip' ? zlib.gunzipSync(raw) : raw;
          resolve({
            status: response.statusCode ?? 0,
            encoding,
            vary: response.headers.vary,
            body: body.toString('utf8'),
          });
        });
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

test.describe('compression', () => {
  test('Brotli, gzip or none, as the client accepts; each the same page', async ({ baseURL }) => {
    const br = await get(baseURL!, '/login', { 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await get(baseURL!, '/login', { 'accept-encoding': 'gzip, deflate' });
    const plain = await get(baseURL!, '/login', { 'accept-encoding': 'identity' });
    expect([br.status, gzip.status, plain.status]).toEqual([200, 200, 200]);
    expect(br.encoding).toBe('br');
    expect(gzip.encoding).toBe('gzip');
    expect(plain.encoding).toBeUndefined();
    expect(br.vary?.toLowerCase()).toContain('accept-encoding');
    for (const answer of [br, gzip, plain]) {
      expect(answer.body).toMatch(/^<!DOCTYPE html>/);
      expect(answer.body).toContain('</html>');
    }
  });

  test('a signed-in dashboard arrives compressed and whole', async ({ baseURL, browser }) => {
    const context = await browser.newContext({ storageState: storageStatePath('manager') });
    const cookies = await context.cookies(baseURL);
    await context.close();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const page = await get(baseURL!, '/dashboard', { 'accept-encoding': 'gzip', cookie });
    expect(page.status).toBe(200);
    expect(page.encoding).toBe('gzip');
    expect(page.body).toContain('Journey heat map');
    expect(page.body).toContain('</html>');
  });
});
