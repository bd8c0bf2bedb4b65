/**
 * A TCP proxy in front of a real server, which a test can cut and restore: to Samachar it
 * is the database going away (connections reset, new ones refused) and coming back. Or it
 * can go silent (`blackhole()`): connections stay open and new ones are accepted, but no
 * byte goes through until `heal()`, as in a network partition, where nothing says the
 * other side is gone.
 */
import net from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** Refuses new connections and resets every open one. */
  stop(): Promise<void>;
  /** Accepts connections again, on the same port. */
  start(): Promise<void>;
  /** Stops forwarding in both directions without closing anything (a silent partition). */
  blackhole(): void;
  /** Forwards again: what was held back is delivered, as TCP does after a partition. */
  heal(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const pairs = new Set<[net.Socket, net.Socket]>();
  let silent = false;
  let server: net.Server | null = null;
  let port = 0;
  const forward = ([client, upstream]: [net.Socket, net.Socket]) => {
    client.pipe(upstream);
    upstream.pipe(client);
  };
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        const pair: [net.Socket, net.Socket] = [client, upstream];
        pairs.add(pair);
        client.on('close', () => pairs.delete(pair));
        if (silent) {
          client.pause();
          upstream.pause();
        } else forward(pair);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const stop = async () => {
    const s = server;
    server = null;
    for (const socket of sockets) socket.resetAndDestroy();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await listen();
  return {
    get port() {
      return port;
    },
    stop,
    start: listen,
    close: stop,
    blackhole() {
      silent = true;
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    heal() {
      silent = false;
      for (const pair of pairs) forward(pair);
    },
  };
}
