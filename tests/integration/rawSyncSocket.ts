/**
 * A client that speaks the sync protocol byte by byte, to send the server what no Yjs client
 * would: a change that does not apply. It authenticates for one document, sends one change
 * and reports whether the server acknowledged it and how the connection ended.
 */
import WebSocket from 'ws';

/** Hocuspocus' message types and y-protocols' sync steps, as the bytes on the wire carry them. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AUTH = 2;
const MESSAGE_SYNC_STATUS = 8;
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;
export const AUTH_TOKEN = 0;
export const AUTH_AUTHENTICATED = 2;

function varUint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return bytes;
}

function varBytes(bytes: Uint8Array): number[] {
  return [...varUint(bytes.length), ...bytes];
}

const varString = (text: string) => varBytes(new TextEncoder().encode(text));

/** Reads a varUint at `offset`: [value, next offset]. */
function readVarUint(bytes: Uint8Array, offset: number): [number, number] {
  let value = 0;
  let shift = 1;
  let at = offset;
  for (;;) {
    const byte = bytes[at++] ?? 0;
    value += (byte & 0x7f) * shift;
    shift *= 128;
    if (byte < 0x80) return [value, at];
  }
}

/** The message type and the offset of its body, after the document name. */
function readHeader(bytes: Uint8Array): { type: number; body: number } {
  const [nameLength, afterLength] = readVarUint(bytes, 0);
  const [type, body] = readVarUint(bytes, afterLength + nameLength);
  return { type, body };
}

/** Resolves once the socket is open; rejects if it cannot open. */
function opened(socket: WebSocket): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
}

/** A message about `documentName`: its name, then `body`. */
const message = (documentName: string, body: number[]) =>
  Uint8Array.from([...varString(documentName), ...body]);

/** The message that asks to open `documentName` with `token`, as a provider sends it. */
export function authMessage(documentName: string, token: string): Uint8Array {
  return message(documentName, [
    MESSAGE_AUTH,
    AUTH_TOKEN,
    ...varString(token),
    ...varString('3.0.0'),
  ]);
}

/** Sends the authentication message for `documentName`. */
function sendToken(socket: WebSocket, documentName: string, token: string): void {
  socket.send(authMessage(documentName, token));
}

export interface ChangeOutcome {
  /** The server sent a sync status saying it applied the change. */
  readonly acknowledged: boolean;
  /** How the server closed the connection, if it did within the wait. */
  readonly closed: { readonly code: number; readonly reason: string } | null;
}

/**
 * Authenticates for `documentName`, sends `change` as an update, and waits for the server to
 * acknowledge it or close the connection (at most `waitMs`).
 */
export async function sendRawChange(
  url: string,
  documentName: string,
  token: string,
  change: Uint8Array,
  waitMs = 2000,
): Promise<ChangeOutcome> {
  const socket = new WebSocket(url);
  socket.binaryType = 'nodebuffer';
  let acknowledged = false;
  const outcome: { closed: ChangeOutcome['closed'] } = { closed: null };
  let authenticated: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (authenticated = resolve));
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  socket.on('error', () => undefined);
  socket.on('close', (code, reason) => {
    outcome.closed = { code, reason: reason.toString() };
    authenticated();
    settle();
  });
  socket.on('message', (data) => {
    const bytes = new Uint8Array(data as Buffer);
    const { type, body } = readHeader(bytes);
    if (type === MESSAGE_AUTH && readVarUint(bytes, body)[0] === AUTH_AUTHENTICATED) {
      authenticated();
    }
    if (type === MESSAGE_SYNC_STATUS && bytes[body] === 1) {
      acknowledged = true;
      settle();
    }
  });
  await opened(socket);
  sendToken(socket, documentName, token);
  await ready;
  if (outcome.closed === null) {
    socket.send(message(documentName, [MESSAGE_SYNC, SYNC_UPDATE, ...varBytes(change)]));
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, waitMs))]);
  }
  socket.terminate();
  return { acknowledged, closed: outcome.closed };
}

/** A sync message asking for what the server has of `documentName` beyond `stateVector`. */
export function syncStepOne(documentName: string, stateVector: Uint8Array): Uint8Array {
  return message(documentName, [MESSAGE_SYNC, SYNC_STEP_1, ...varBytes(stateVector)]);
}

/** How the server closed a connection, and how long after the frame was sent. */
export interface Closed {
  readonly code: number;
  readonly reason: string;
  readonly afterMs: number;
}

/**
 * Opens a socket, sends `bytes` as one frame before any authentication, and waits until the
 * server closes the connection (at most `waitMs`): how it closed it, or null.
 */
export async function sendRawFrame(
  url: string,
  bytes: Uint8Array,
  waitMs = 200,
): Promise<Closed | null> {
  const socket = new WebSocket(url);
  socket.on('error', () => undefined);
  let sentAt = 0;
  const closed = new Promise<Closed>((resolve) =>
    socket.on('close', (code, reason) =>
      resolve({ code, reason: reason.toString(), afterMs: performance.now() - sentAt }),
    ),
  );
  await opened(socket);
  sentAt = performance.now();
  socket.send(bytes);
  const outcome = await Promise.race([
    closed,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs)),
  ]);
  socket.terminate();
  return outcome;
}

/**
 * Opens a socket (with `headers` on its upgrade request, as a proxy would add them) and asks
 * for `documentName` with `token`: whether the server let it in, or its reason for not.
 */
export async function authenticateRaw(
  url: string,
  documentName: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<{ readonly authenticated: true } | { readonly refused: string }> {
  const socket = new WebSocket(url, { headers });
  socket.binaryType = 'nodebuffer';
  socket.on('error', () => undefined);
  const answer = new Promise<{ authenticated: true } | { refused: string }>((resolve) => {
    socket.on('close', (code, reason) =>
      resolve({ refused: `closed ${code} ${reason.toString()}` }),
    );
    socket.on('message', (data) => {
      const bytes = new Uint8Array(data as Buffer);
      const { type, body } = readHeader(bytes);
      if (type !== MESSAGE_AUTH) return;
      const [authType, afterType] = readVarUint(bytes, body);
      if (authType === AUTH_AUTHENTICATED) resolve({ authenticated: true });
      else {
        const [length, start] = readVarUint(bytes, afterType);
        resolve({ refused: new TextDecoder().decode(bytes.subarray(start, start + length)) });
      }
    });
  });
  await opened(socket);
  sendToken(socket, documentName, token);
  const result = await answer;
  socket.terminate();
  return result;
}
