import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import type { Extension, onAuthenticatePayload, onUpgradePayload } from '@hocuspocus/server';
import { plainAddress } from './tokenThrottle';

/** How many connections the server keeps open, and how long one may stay without a journal. */
export interface ConnectionLimits {
  /** Open connections in all. */
  readonly maxConnections: number;
  /** Open connections from one address (a trusted proxy is not limited). */
  readonly maxPerAddress: number;
  /** A connection that has opened no journal with its token by then is closed. */
  readonly authTimeoutMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxConnections: 2000,
  maxPerAddress: 128,
  authTimeoutMs: 15_000,
};

/** The WebSocket close code for a connection that never opened a journal (as a timeout). */
export const AUTH_TIMEOUT_CLOSE_CODE = 4408;

const CONNECTION_HEADER = 'x-relevant-connection' as const;

/** An HTTP answer written straight to the socket, before any HTTP was read. */
function refuseHttp(socket: Socket, status: string, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** A WebSocket close frame from the server (unmasked), with a code and a short reason. */
function closeFrame(code: number, reason: string): Buffer {
  const text = Buffer.from(reason, 'utf8').subarray(0, 123);
  return Buffer.concat([Buffer.from([0x88, 2 + text.length, code >> 8, code & 0xff]), text]);
}

/**
 * Limits the connections the server holds, counted on the raw sockets before anything is
 * read from them: past the total or the per-address cap a new connection gets a 503 with the
 * reason; a connection that has opened no journal with its token within the timeout is closed
 * (a 408 before its WebSocket upgrade, a close frame with code 4408 after). Half-open and idle
 * sockets can therefore neither pile up nor use up the server's file descriptors.
 */
export function limitConnections(
  limits: ConnectionLimits,
  trustProxy: readonly string[] = [],
): { readonly extension: Extension; watch(httpServer: HttpServer): void } {
  const trusted = new Set(trustProxy.map((address) => plainAddress(address)));
  const perAddress = new Map<string, number>();
  const waiting = new Map<string, { socket: Socket; timer: NodeJS.Timeout; upgraded: boolean }>();
  const ids = new WeakMap<Socket, string>();
  let open = 0;
  let nextId = 0;

  const onConnection = (socket: Socket) => {
    const address = plainAddress(socket.remoteAddress);
    const fromAddress = perAddress.get(address) ?? 0;
    if (open >= limits.maxConnections) {
      refuseHttp(socket, '503 Service Unavailable', 'The sync server has too many connections.');
      return;
    }
    if (!trusted.has(address) && fromAddress >= limits.maxPerAddress) {
      refuseHttp(socket, '503 Service Unavailable', 'Too many connections from this address.');
      return;
    }
    open += 1;
    perAddress.set(address, fromAddress + 1);
    const id = String((nextId += 1));
    ids.set(socket, id);
    const timer = setTimeout(() => {
      const entry = waiting.get(id);
      waiting.delete(id);
      const reason = `No journal opened within ${limits.authTimeoutMs / 1000} s.`;
      if (entry?.upgraded) socket.end(closeFrame(AUTH_TIMEOUT_CLOSE_CODE, reason));
      else refuseHttp(socket, '408 Request Timeout', reason);
      socket.destroySoon();
    }, limits.authTimeoutMs);
    timer.unref();
    waiting.set(id, { socket, timer, upgraded: false });
    socket.once('close', () => {
      open -= 1;
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
      clearTimeout(waiting.get(id)?.timer);
      waiting.delete(id);
    });
  };

  const extension: Extension = {
    extensionName: 'ConnectionLimits',
    onUpgrade({ request }: onUpgradePayload) {
      const id = ids.get(request.socket);
      const entry = id === undefined ? undefined : waiting.get(id);
      // Always ours: a client's own header of that name is never believed.
      request.headers[CONNECTION_HEADER] = id ?? '';
      if (entry) entry.upgraded = true;
      return Promise.resolve();
    },
    // Runs after the journal's own check (this extension comes later): only a connection that
    // opened a journal with its token is let be.
    onAuthenticate({ requestHeaders }: onAuthenticatePayload) {
      const id = requestHeaders.get(CONNECTION_HEADER);
      const entry = id === null ? undefined : waiting.get(id);
      if (id !== null && entry) {
        clearTimeout(entry.timer);
        waiting.delete(id);
      }
      return Promise.resolve();
    },
  };
  return {
    extension,
    watch: (httpServer) => {
      httpServer.on('connection', onConnection);
    },
  };
}
