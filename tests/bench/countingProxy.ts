// A TCP proxy for the sync benchmark that counts the bytes on the wire each way (WebSocket
// frames and the HTTP upgrade included).
import { createConnection, createServer, type Socket } from 'node:net';

export interface CountingProxy {
  /** ws://127.0.0.1:<port>, forwarding to the server. */
  readonly url: string;
  /** Bytes from the server to clients, and from clients to the server, so far. */
  readonly bytes: { toClient: number; toServer: number };
  /** Time of the last byte to the client (performance.now()), 0 before any. */
  readonly lastToClientAt: number;
  /** When the bytes to clients first reached `bytes` in all (performance.now()), or null. */
  toClientReachedAt(bytes: number): number | null;
  close(): Promise<void>;
}

/** A TCP pass-through to 127.0.0.1:`serverPort` that counts every byte. */
export async function startCountingProxy(serverPort: number): Promise<CountingProxy> {
  const bytes = { toClient: 0, toServer: 0 };
  let lastToClientAt = 0;
  /** [time, bytes to clients so far] after each chunk. */
  const toClient: [number, number][] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: serverPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      bytes.toServer += chunk.length;
    });
    upstream.on('data', (chunk: Buffer) => {
      bytes.toClient += chunk.length;
      lastToClientAt = performance.now();
      toClient.push([lastToClientAt, bytes.toClient]);
    });
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The proxy has no port');
  return {
    url: `ws://127.0.0.1:${address.port}`,
    bytes,
    get lastToClientAt() {
      return lastToClientAt;
    },
    toClientReachedAt(total) {
      return toClient.find(([, sent]) => sent >= total)?.[0] ?? null;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
