import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  timestamp: string;
  type: string;
  body: unknown;
  /** Whether the signature checked out with the spec's algorithm and the endpoint's secret. */
  verified: boolean;
}

/**
 * A real HTTP receiver on loopback. It checks every request's Standard Webhooks signature with
 * the reference library, and answers with whatever `respond` says (default 204).
 */
export async function startWebhookReceiver() {
  const received: Received[] = [];
  let secret = '';
  let respond: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_req, res) => {
    res.statusCode = 204;
    res.end();
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const headers = {
        'webhook-id': String(req.headers['webhook-id'] ?? ''),
        'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
        'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
      };
      let verified = false;
      let body: unknown = null;
      try {
        body = new Webhook(secret).verify(raw, headers);
        verified = true;
      } catch {
        body = JSON.parse(raw) as unknown;
      }
      received.push({
        id: headers['webhook-id'],
        timestamp: headers['webhook-timestamp'],
        type: (body as { type?: string }).type ?? '',
        body,
        verified,
      });
      respond(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    setSecret: (value: string) => {
      secret = value;
    },
    respondWith: (handler: typeof respond) => {
      respond = handler;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
