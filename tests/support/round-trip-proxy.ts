import net from 'node:net';

export interface RoundTripProxy {
  /** `url` with its host and port pointed at the proxy. */
  proxied: (url: string) => string;
  /** Round trips since the last reset, over every connection through the proxy. */
  roundTrips: () => number;
  reset: () => void;
  close: () => Promise<void>;
}

/**
 * A TCP proxy on loopback in front of a PostgreSQL server that counts round trips on the wire:
 * each time a client sends after the server has answered it is one (pipelined messages sent
 * before an answer count once). It measures what the client waits for, whatever the code above
 * it does, so the same count applies to any version of the write path.
 */
export async function startRoundTripProxy(target: string): Promise<RoundTripProxy> {
  const { hostname, port } = new URL(target);
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port || 5432), hostname);
    sockets.add(client).add(upstream);
    let answered = true;
    client.on('data', (chunk) => {
      if (answered) count += 1;
      answered = false;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      answered = true;
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: proxyPort } = server.address() as net.AddressInfo;
  return {
    proxied: (url) => {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(proxyPort);
      return u.toString();
    },
    roundTrips: () => count,
    reset: () => {
      count = 0;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
