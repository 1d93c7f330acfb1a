// A journal replica in Node: a JournalDoc over a sync client (syncHelpers' connectClient),
// with helpers to go offline and back and to wait until it is in sync with the server.
import { WebSocketStatus, type HocuspocusProvider } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { JournalDoc } from '../../shared/doc';
import { connectClient, waitFor, type ClientOptions, type SyncClient } from './syncHelpers';

export interface Replica {
  readonly journal: JournalDoc;
  readonly ydoc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly socket: SyncClient['socket'];
  /** Connected and synced: handshake done and every local change acknowledged. */
  isSynced(): boolean;
  /** The connection's state, for failure messages. */
  describe(): string;
  /** Resolves once isSynced() holds; rejects after `timeoutMs` saying what it waited for. */
  whenSynced(timeoutMs?: number): Promise<void>;
  /** Closes the connection and resolves once it is closed; no reconnecting until connect(). */
  disconnect(): Promise<void>;
  /** Opens a new connection (after disconnect()). */
  connect(): void;
  destroy(): void;
}

/**
 * Waits like syncHelpers' waitFor, but describes what it waited for only when it times out,
 * so the message can tell the state things were left in.
 */
export async function waitUntil(
  condition: () => boolean,
  timeoutMs: number,
  describe: () => string,
): Promise<void> {
  try {
    await waitFor(condition, 'a condition', timeoutMs, 5);
  } catch {
    throw new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`);
  }
}

export function connectReplica(options: ClientOptions & { readonly token: string }): Replica {
  const client = connectClient(options);
  const { doc: ydoc, provider, socket } = client;
  const journal = new JournalDoc(ydoc);
  const isSynced = () => socket.status === WebSocketStatus.Connected && client.isInSync();
  const describe = () =>
    `socket ${socket.status}, handshake ${provider.isSynced ? 'done' : 'not done'}, ` +
    `${provider.isAuthenticated ? 'authenticated' : 'not authenticated'}, ` +
    `unsynced changes ${provider.unsyncedChanges}` +
    (client.refusals.length ? `, refused: ${client.refusals.join('; ')}` : '');
  return {
    journal,
    ydoc,
    provider,
    socket,
    isSynced,
    describe,
    whenSynced: (timeoutMs = 5000) =>
      waitUntil(isSynced, timeoutMs, () => `journal ${options.journalId} to sync (${describe()})`),
    async disconnect() {
      socket.disconnect();
      await waitUntil(
        () => socket.status === WebSocketStatus.Disconnected,
        5000,
        () => `the connection to close (status ${socket.status})`,
      );
    },
    connect() {
      void socket.connect();
    },
    destroy() {
      client.destroy();
      journal.destroy();
      ydoc.destroy();
    },
  };
}
