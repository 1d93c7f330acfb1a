import type { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';

/** Hocuspocus' message type for Yjs sync messages, and the sync messages that carry changes. */
const SYNC_MESSAGE = 0;
const CARRIES_CHANGES = new Set([1 /* sync step 2 */, 2 /* update */]);

function carriesChanges(message: unknown): boolean {
  if (!(message instanceof Uint8Array)) return false;
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder); // the document's name
    if (decoding.readVarUint(decoder) !== SYNC_MESSAGE) return false;
    return CARRIES_CHANGES.has(decoding.readVarUint(decoder));
  } catch {
    return false;
  }
}

/**
 * Keeps "Synced" honest across a reconnect. While its connection is down, the Hocuspocus
 * socket queues every change the device makes and sends the queue once it is up again. Those
 * changes need no sending: the provider's sync on reconnecting sends everything the server
 * lacks. But the server acknowledges each queued message as well, and the provider, which
 * restarted its count of unconfirmed changes at that sync, would take the first of those
 * acknowledgements for the whole sync and say "synced" before the server has stored it all.
 * The queued changes are dropped as the connection comes up, before the queue is sent.
 *
 * The queue is a private field of HocuspocusProviderWebsocket (@hocuspocus/provider 4.8):
 * if it is not there, nothing is dropped (the sync tests' kill soak fails on that).
 */
export function dropStaleChanges(socket: HocuspocusProviderWebsocket): void {
  const internals = socket as unknown as { messageQueue?: unknown };
  socket.on('connect', () => {
    if (Array.isArray(internals.messageQueue)) {
      internals.messageQueue = internals.messageQueue.filter((message) => !carriesChanges(message));
    }
  });
}
