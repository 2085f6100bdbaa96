import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { pipeToNodeResponse } from 'next/dist/server/pipe-readable';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compress } from '@/scripts/compress.mjs';
import { csvResponse, EXPORT_FAILED_MARKER } from './stream';

/*
 * An export that fails part-way, over HTTP as a browser gets it: through the server's compression
 * and Next.js's piping of the response. Compression holds bytes until it has flushed them, so the
 * marker line must leave before the response is aborted.
 */

async function* pages(failAt: number) {
  for (let page = 0; ; page++) {
    if (page === failAt) throw new Error('connection lost');
    yield Array.from({ length: 500 }, (_, i) => ({ n: page * 500 + i }));
  }
}

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((request, response) =>
    compress(request, response, async () => {
      const answer = await csvResponse('x.csv', ['n'], pages(3), (row) => [row.n]);
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      // Next.js logs the failed pipe (its `abort` has destroyed the response); so does the route.
      await pipeToNodeResponse(answer.body!, response).catch(() => {});
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The bytes received until the server cut the response off, decoded, and whether it was cut off. */
function download(encoding: string): Promise<{ text: string; aborted: boolean }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, headers: { 'accept-encoding': encoding } }, (response) => {
        const parts: Buffer[] = [];
        let aborted = false;
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('aborted', () => (aborted = true));
        response.on('error', () => (aborted = true));
        response.on('close', () => {
          const raw = Buffer.concat(parts);
          const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
          const body =
            response.headers['content-encoding'] === 'br'
              ? zlib.brotliDecompressSync(raw, { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })
              : response.headers['content-encoding'] === 'gzip'
                ? zlib.gunzipSync(raw, sync)
                : raw;
          resolve({ text: body.toString('utf8'), aborted: aborted || !response.complete });
        });
      })
      .on('error', reject);
  });
}

describe('a CSV export that fails part-way, through the server', () => {
  for (const encoding of ['br', 'gzip', 'identity']) {
    it(`ends with the marker, then is cut off (${encoding})`, async () => {
      const { text, aborted } = await download(encoding);
      expect(text).toContain('\n1499\n');
      expect(text.trimEnd().endsWith(EXPORT_FAILED_MARKER)).toBe(true);
      expect(aborted).toBe(true);
    });
  }
});
