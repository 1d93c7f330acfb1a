// A journal replica in Node: a JournalDoc whose Y.Doc syncs through a Hocuspocus provider,
// with helpers to go offline and back and to wait until it is in sync with the server.
import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
} from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { JournalDoc } from '../../shared/doc';

export interface ReplicaOptions {
  /** The server (or a proxy in front of it), ws://host:port. */
  readonly url: string;
  readonly journalId: string;
  readonly token: string;
  /** A document to sync (a new empty one by default). */
  readonly ydoc?: Y.Doc;
  /** Reconnect after a lost connection within tens of milliseconds instead of seconds. */
  readonly fastReconnect?: boolean;
}

export interface Replica {
  readonly journal: JournalDoc;
  readonly ydoc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
  /** Synced with the server: handshake done and every local change acknowledged. */
  isSynced(): boolean;
  /** Resolves once isSynced() holds; rejects after `timeoutMs` saying what it waited for. */
  whenSynced(timeoutMs?: number): Promise<void>;
  /** Closes the connection and resolves once it is closed; no reconnecting until connect(). */
  disconnect(): Promise<void>;
  /** Opens a new connection (after disconnect()). */
  connect(): void;
  destroy(): void;
}

/** Waits until `condition` holds, polling; after `timeoutMs` rejects with `describe()`. */
export async function waitFor(
  condition: () => boolean,
  timeoutMs: number,
  describe: () => string,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function connectReplica(options: ReplicaOptions): Replica {
  const ydoc = options.ydoc ?? new Y.Doc();
  const journal = new JournalDoc(ydoc);
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    WebSocketPolyfill: WebSocket,
    ...(options.fastReconnect
      ? { delay: 20, minDelay: 20, maxDelay: 100, factor: 1.5, jitter: true }
      : {}),
  });
  const provider = new HocuspocusProvider({
    name: options.journalId,
    token: options.token,
    document: ydoc,
    websocketProvider: socket,
  });
  provider.attach();
  const isSynced = () =>
    socket.status === WebSocketStatus.Connected &&
    provider.isSynced &&
    provider.unsyncedChanges === 0;
  return {
    journal,
    ydoc,
    provider,
    socket,
    isSynced,
    whenSynced: (timeoutMs = 5000) =>
      waitFor(
        isSynced,
        timeoutMs,
        () =>
          `journal ${options.journalId} to sync (socket ${socket.status}, synced ${provider.isSynced}, ` +
          `authenticated ${provider.isAuthenticated}, unsynced changes ${provider.unsyncedChanges})`,
      ),
    async disconnect() {
      socket.disconnect();
      await waitFor(
        () => socket.status === WebSocketStatus.Disconnected,
        5000,
        () => `the connection to close (status ${socket.status})`,
      );
    },
    connect() {
      void socket.connect();
    },
    destroy() {
      provider.destroy();
      socket.destroy();
      journal.destroy();
      ydoc.destroy();
    },
  };
}
