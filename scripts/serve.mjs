// Serves the production build through a small Node HTTP server in front of Next.js, for three
// reasons.
//
// The client's address: route handlers and server actions cannot see the socket's address
// (Next.js only fills x-forwarded-for from it when the client sent none, so any client can write
// that header). Here every request gets the socket's address in a header whose name is chosen at
// random when the process starts: a client cannot guess it, so it cannot forge it.
// lib/auth/client-address.ts reads it, and trusts x-forwarded-for only for TRUSTED_PROXY_HOPS
// proxies in front.
//
// Compression: Brotli 1 or gzip 1 instead of Next.js's gzip 6 (scripts/compress.mjs says why).
//
// Graceful shutdown: on SIGTERM and SIGINT it stops accepting connections, lets the requests in
// flight finish (at most DRAIN_MS), then runs the app's shutdown (lib/shutdown.ts: the hooks
// registered with onShutdown, then the database pool and the embedded PostgreSQL server).
//   node scripts/serve.mjs [--port 3000] [--hostname 0.0.0.0]
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { compress } from './compress.mjs';

const DRAIN_MS = 10_000;
const { values } = parseArgs({
  options: { port: { type: 'string' }, hostname: { type: 'string' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? '0.0.0.0';

const peerHeader = `x-outsidein-peer-${randomBytes(12).toString('hex')}`;
// Read by lib/env.ts, which the app evaluates in this same process.
process.env.OUTSIDEIN_PEER_HEADER = peerHeader;
// As `next start` does; set before Next.js loads, since it reads NODE_ENV as it loads.
process.env.NODE_ENV ??= 'production';

const { default: next } = await import('next');
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

let inFlight = 0;
let stopping = false;
const server = createServer((request, response) => {
  inFlight += 1;
  response.once('close', () => (inFlight -= 1));
  // While draining, a kept-alive connection is closed after its answer, not reused.
  if (stopping) response.setHeader('connection', 'close');
  request.headers[peerHeader] = request.socket.remoteAddress ?? '';
  compress(request, response, () => void handle(request, response));
});

// Next.js runs instrumentation.ts (migrations, the demo seed) on the first request, and holds
// every request until it is done: ask for liveness at once, so start-up work (and a start-up
// failure, which exits) happens now rather than when the first user arrives.
server.listen(port, hostname, async () => {
  const local = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname;
  await fetch(`http://${local}:${port}/api/health/live`).catch(() => {});
  console.log(`OutsideIn ready on http://${hostname}:${port}`);
});

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  console.log(`serve: ${signal}: refusing new connections, ${inFlight} request(s) in flight`);
  server.close();
  server.closeIdleConnections();
  while (inFlight > 0 && Date.now() - started < DRAIN_MS) await new Promise((resolve) => setTimeout(resolve, 50));
  if (inFlight > 0)
    console.log(`serve: ${inFlight} request(s) still running after ${DRAIN_MS / 1000} s; cutting them off`);
  server.closeAllConnections();
  // Registered by instrumentation.ts; absent only if start-up never finished.
  const shutdown = globalThis.__outsideinShutdown;
  if (typeof shutdown === 'function') await shutdown();
  console.log(`serve: stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(0);
}
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => void stop(signal));
