// Serves the production build through a small Node HTTP server in front of Next.js, for one
// reason: route handlers and server actions cannot see the socket's address (Next.js only fills
// x-forwarded-for from it when the client sent none, so any client can write that header). Here
// every request gets the socket's address in a header whose name is chosen at random when the
// process starts: a client cannot guess it, so it cannot forge it. lib/auth/client-address.ts
// reads it, and trusts x-forwarded-for only for TRUSTED_PROXY_HOPS proxies in front.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';

const { values } = parseArgs({
  options: { port: { type: 'string' }, hostname: { type: 'string' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? '0.0.0.0';

const peerHeader = `x-outsidein-peer-${randomBytes(12).toString('hex')}`;
// Read by lib/env.ts, which the app evaluates in this same process.
process.env.OUTSIDEIN_PEER_HEADER = peerHeader;

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((request, response) => {
  request.headers[peerHeader] = request.socket.remoteAddress ?? '';
  void handle(request, response);
}).listen(port, hostname, () => {
  console.log(`OutsideIn ready on http://${hostname}:${port}`);
});
