// A device of the scale-out load that already holds its journal (as a device that synced
// before and comes back), speaking the Hocuspocus sync protocol itself: it authenticates,
// sends the state vector of the journal it holds, and from then on reads each change the
// server sends, noting how far each writer's clock has come. It does not keep the journal
// in memory: a thousand full replicas in one bench process would measure this process's
// garbage collector, not the servers. To the servers it is a device like any other.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  AUTH_AUTHENTICATED,
  AUTH_TOKEN,
  MESSAGE_AUTH,
  MESSAGE_SYNC,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
} from '../integration/rawSyncSocket';

export interface ProtocolReader {
  /** Authenticated and answered its first sync. */
  ready(): boolean;
  /** How the connection ended, if it has ("1006 " for a drop). */
  closed(): string | null;
  /** How far the reader has the changes of Yjs client `client` (its next clock). */
  clockOf(client: number): number;
  /** Called after each change the server sends, with the time it arrived. */
  onChange(listener: () => void): void;
  destroy(): void;
}

function message(name: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function connectProtocolReader(options: {
  readonly url: string;
  readonly journalId: string;
  readonly token: string;
  /** The state vector of the journal this device holds. */
  readonly stateVector: Uint8Array;
}): ProtocolReader {
  const { url, journalId, token, stateVector } = options;
  const clocks = Y.decodeStateVector(stateVector);
  const listeners: (() => void)[] = [];
  let synced = false;
  let closed: string | null = null;
  const socket = new WebSocket(url);
  socket.binaryType = 'nodebuffer';
  socket.on('error', () => undefined);
  socket.on('close', (code, reason) => (closed = `${code} ${reason.toString()}`));
  socket.on('open', () => {
    socket.send(
      message(journalId, (e) => {
        encoding.writeVarUint(e, MESSAGE_AUTH);
        encoding.writeVarUint(e, AUTH_TOKEN);
        encoding.writeVarString(e, token);
        encoding.writeVarString(e, '3.0.0');
      }),
    );
  });
  const readChange = (update: Uint8Array) => {
    for (const struct of Y.decodeUpdate(update).structs) {
      const next = struct.id.clock + struct.length;
      if (next > (clocks.get(struct.id.client) ?? 0)) clocks.set(struct.id.client, next);
    }
    for (const listener of listeners) listener();
  };
  socket.on('message', (data) => {
    const decoder = decoding.createDecoder(new Uint8Array(data as Buffer));
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_AUTH) {
      if (decoding.readVarUint(decoder) !== AUTH_AUTHENTICATED) return;
      socket.send(
        message(journalId, (e) => {
          encoding.writeVarUint(e, MESSAGE_SYNC);
          encoding.writeVarUint(e, SYNC_STEP_1);
          encoding.writeVarUint8Array(e, stateVector);
        }),
      );
      return;
    }
    if (type !== MESSAGE_SYNC) return;
    const syncType = decoding.readVarUint(decoder);
    if (syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE) {
      readChange(decoding.readVarUint8Array(decoder));
      if (syncType === SYNC_STEP_2) synced = true;
    }
  });
  return {
    ready: () => synced,
    closed: () => closed,
    clockOf: (client) => clocks.get(client) ?? 0,
    onChange: (listener) => listeners.push(listener),
    destroy: () => socket.terminate(),
  };
}
