import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import type {
  Extension,
  onAuthenticatePayload,
  onConnectPayload,
  onUpgradePayload,
} from '@hocuspocus/server';
import { MESSAGE_TOO_BIG_CLOSE_CODE } from '../../shared/sync/closeCodes';
import { plainAddress } from './tokenThrottle';

/**
 * How many connections the server keeps open, how long one may stay without a journal, and
 * how much it may send.
 */
export interface ConnectionLimits {
  /** Open connections in all. */
  readonly maxConnections: number;
  /** Open connections from one address (a trusted proxy is not limited). */
  readonly maxPerAddress: number;
  /** A connection that has opened no journal with its token by then is closed. */
  readonly authTimeoutMs: number;
  /** Bytes a connection may send before it has opened a journal with its token. */
  readonly maxUnauthenticatedBytes: number;
  /**
   * The largest message a connection may send: one change, such as a device's first upload
   * of a whole journal (the WebSocket server's maxPayload).
   */
  readonly maxUpdateBytes: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxConnections: 2000,
  maxPerAddress: 128,
  authTimeoutMs: 15_000,
  // A device sends its token first; what follows at once (its documents' state vectors, over
  // this for a long-used journal) waits, unread, while the token is checked (limitConnections).
  maxUnauthenticatedBytes: 64 * 1024,
  // A 20k journal's first upload is one 23.3 MB message (its reflections 13.7 MB).
  maxUpdateBytes: 32 * 1024 * 1024,
};

/** A byte count as people read it: "64 KiB", "32 MiB", or "1000 bytes". */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** The WebSocket close code for a connection that never opened a journal (as a timeout). */
export const AUTH_TIMEOUT_CLOSE_CODE = 4408;

const CONNECTION_HEADER = 'x-relevant-connection' as const;

/**
 * How long a connection closed for opening no journal (or sending too much) stays, unread,
 * after its answer: closing a socket with unread data resets it, and a client still sending
 * could lose the answer to the reset if both arrived together.
 */
const ANSWER_GRACE_MS = 250;

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

/** A connection that has not opened a journal yet. */
interface Waiting {
  readonly socket: Socket;
  readonly timer: NodeJS.Timeout;
  /** Its WebSocket upgrade was asked for (answers to it are then close frames). */
  upgraded: boolean;
  /** Bytes read from it so far. */
  bytes: number;
  /** It sent a token: being checked, or refused. */
  opening: boolean;
  /** Past the byte limit: nothing more is read until it opens a journal, or is closed. */
  held: boolean;
  /** Counts what it sends, until it opens a journal. */
  readonly count: (chunk: Buffer) => void;
}

/**
 * Limits the connections the server holds, counted on the raw sockets before anything is
 * read from them: past the total or the per-address cap a new connection gets a 503 with the
 * reason; a connection that has opened no journal with its token within the timeout is closed
 * (a 408 before its WebSocket upgrade, a close frame with code 4408 after). Half-open and idle
 * sockets can therefore neither pile up nor use up the server's file descriptors.
 *
 * Until it opens a journal, what a connection sends is counted as read from the socket: past
 * `maxUnauthenticatedBytes`, nothing more is read from it, and unless it sent a token in what
 * was read it is closed at once with the reason (a 413 before its upgrade, close code 1009
 * after), so that nobody can make the server read large frames without a token. A device
 * sends its token first, and at once the state vectors of its documents (6 to 9 bytes per Yjs
 * client id: easily over the limit for a long-used journal); one whose token is being checked
 * is held until it is in (then read on), or closed by the timeout.
 *
 * Two extensions: the first (priority 1000, so its onConnect runs before any other's) notes
 * that a connection sent a token; the second, last, that the journal's own check let it in.
 */
export function limitConnections(
  limits: ConnectionLimits,
  trustProxy: readonly string[] = [],
  log: (line: string) => void = () => undefined,
): { readonly extensions: readonly Extension[]; watch(httpServer: HttpServer): void } {
  const trusted = new Set(trustProxy.map((address) => plainAddress(address)));
  const perAddress = new Map<string, number>();
  const waiting = new Map<string, Waiting>();
  const ids = new WeakMap<Socket, string>();
  let open = 0;
  let nextId = 0;

  /** Closes a connection that opened no journal: an HTTP answer, or a close frame once upgraded. */
  const closeWaiting = (id: string, answer: { status: string; code: number; reason: string }) => {
    const entry = waiting.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    waiting.delete(id);
    const { socket } = entry;
    // Nothing more is read or parsed from it.
    socket.removeAllListeners('data');
    socket.pause();
    if (entry.upgraded) socket.end(closeFrame(answer.code, answer.reason));
    else refuseHttp(socket, answer.status, answer.reason);
    setTimeout(() => socket.destroy(), ANSWER_GRACE_MS).unref();
  };

  /** Once the read past the limit has been handled: still waiting, and no token among it? */
  const overLimit = (id: string, address: string) => {
    const entry = waiting.get(id);
    if (!entry) return; // it opened a journal meanwhile (and reads on), or closed
    if (entry.opening) return; // its token is being checked
    const limit = describeBytes(limits.maxUnauthenticatedBytes);
    log(`Closed a connection from ${address} that sent over ${limit} before opening a journal`);
    closeWaiting(id, {
      status: '413 Content Too Large',
      code: MESSAGE_TOO_BIG_CLOSE_CODE,
      reason: `More than ${limit} sent before a journal was opened.`,
    });
  };

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
      const reason = `No journal opened within ${limits.authTimeoutMs / 1000} s.`;
      closeWaiting(id, { status: '408 Request Timeout', code: AUTH_TIMEOUT_CLOSE_CODE, reason });
    }, limits.authTimeoutMs);
    timer.unref();
    const entry: Waiting = {
      socket,
      timer,
      upgraded: false,
      bytes: 0,
      opening: false,
      held: false,
      count: (chunk) => {
        entry.bytes += chunk.length;
        if (entry.bytes <= limits.maxUnauthenticatedBytes || entry.held) return;
        entry.held = true;
        socket.pause();
        // Once this read has been handled: a token in it has reached the check by then.
        setImmediate(() => overLimit(id, address));
      },
    };
    waiting.set(id, entry);
    // Node's HTTP server then reads the socket in JavaScript until the upgrade, as it does
    // for any 'data' listener; the listener goes once the connection has opened a journal.
    socket.on('data', entry.count);
    socket.once('close', () => {
      open -= 1;
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
      clearTimeout(waiting.get(id)?.timer);
      waiting.delete(id);
    });
  };

  const entryOf = (headers: Headers) => {
    const id = headers.get(CONNECTION_HEADER);
    return id === null ? undefined : waiting.get(id);
  };

  const opening: Extension = {
    extensionName: 'ConnectionOpening',
    // Ahead of every other extension's onConnect, whatever they wait for.
    priority: 1000,
    onConnect({ requestHeaders }: onConnectPayload) {
      const entry = entryOf(requestHeaders);
      if (entry) entry.opening = true;
      return Promise.resolve();
    },
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
        entry.socket.off('data', entry.count);
        waiting.delete(id);
        if (entry.held) entry.socket.resume();
      }
      return Promise.resolve();
    },
  };
  return {
    extensions: [opening, extension],
    watch: (httpServer) => {
      httpServer.on('connection', onConnection);
    },
  };
}
