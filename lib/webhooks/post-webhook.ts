import 'server-only';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { msg } from '@/lib/validation/messages';
import { isPublicAddress } from './address-policy';

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Bytes of a response read at most; the rest is dropped unread. */
export const MAX_RESPONSE_BYTES = 64 * 1024;
/** Characters of the response kept in the delivery log. */
export const EXCERPT_CHARS = 500;

export interface WebhookResponse {
  status: number;
  latencyMs: number;
  excerpt: string;
}

/** A delivery refused before sending; its message is a reference (lib/validation/messages.ts). */
export class WebhookRefused extends Error {}

/** A failure the delivery log keeps: its message is a reference (lib/validation/messages.ts), said in each reader's language. */
class WebhookFailed extends Error {}

/**
 * Resolves the host and refuses private addresses at connection time, so a name that resolves to
 * a public address when the endpoint is saved and to 127.0.0.1 later (DNS rebinding) is caught.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      const refused = list.find((a) => !allowPrivate && !isPublicAddress(a.address));
      if (refused) {
        return callback(
          new WebhookRefused(msg('webhookResolvesPrivate', { host: hostname, address: refused.address })),
          '',
          0,
        );
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(new WebhookFailed(msg('webhookHostNoAddress', { host: hostname })), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/** POSTs a signed body; answers with the status, latency and the start of the response. */
export function postWebhook(options: {
  url: string;
  headers: Record<string, string>;
  body: string;
  allowPrivate: boolean;
  timeoutMs?: number;
}): Promise<WebhookResponse> {
  const url = new URL(options.url);
  const started = performance.now();
  const client = url.protocol === 'https:' ? https : http;
  const literal = literalAddressProblem(options.url, options.allowPrivate);
  if (literal) return Promise.reject(new WebhookRefused(literal));
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'OutsideIn-Webhooks/1',
          'content-length': Buffer.byteLength(options.body),
          ...options.headers,
        },
        lookup: guardedLookup(options.allowPrivate),
        timeout: options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () =>
          resolve({
            status: response.statusCode ?? 0,
            latencyMs: Math.round(performance.now() - started),
            excerpt: Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_CHARS),
          });
        response.on('data', (chunk: Buffer) => {
          if (size >= MAX_RESPONSE_BYTES) return;
          chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
          size += chunk.length;
          if (size >= MAX_RESPONSE_BYTES) {
            finish();
            response.destroy();
          }
        });
        response.on('end', finish);
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(
        new WebhookFailed(msg('webhookNoAnswer', { seconds: (options.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000 })),
      ),
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** A literal IP in the URL never goes through lookup(); judge it directly. */
export function literalAddressProblem(rawUrl: string, allowPrivate: boolean): string | null {
  const host = new URL(rawUrl).hostname.replace(/^\[|\]$/g, '');
  if (allowPrivate || !/^[\d.]+$|:/.test(host)) return null;
  return isPublicAddress(host) ? null : msg('webhookAddressPrivate', { host });
}
