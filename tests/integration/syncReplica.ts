// A journal replica in Node, as the app holds one: a JournalDoc with its reflections open,
// both documents synced over one socket (syncHelpers' connectJournalClient), with helpers to
// go offline and back and to wait until it is in sync with the server.
import { WebSocketStatus, type HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { JournalDoc, type JournalReflections } from '../../shared/doc';
import {
  connectJournalClient,
  waitFor,
  type ClientOptions,
  type JournalClient,
} from './syncHelpers';

export interface Replica {
  readonly journal: JournalDoc;
  readonly ydoc: Y.Doc;
  /** The reflections document, synced beside the journal. */
  readonly reflections: JournalReflections;
  readonly provider: HocuspocusProvider;
  readonly socket: JournalClient['socket'];
  /** Connected and both documents synced: handshakes done and every local change acknowledged. */
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

function describeProvider(name: string, provider: HocuspocusProvider): string {
  return (
    `${name}: handshake ${provider.isSynced ? 'done' : 'not done'}, ` +
    `${provider.isAuthenticated ? 'authenticated' : 'not authenticated'}, ` +
    `unsynced changes ${provider.unsyncedChanges}`
  );
}

/**
 * A replica of the journal `options.journalId`; `doc` (optional) is its journal document.
 * Its reflections' plain text is written when the test calls `reflections.writeTexts()`,
 * as the app does a moment after a reflection changes.
 */
export function connectReplica(
  options: Omit<ClientOptions, 'part'> & {
    readonly token: string;
    /** False: the journal only, as the app's devices are while no reflection is in use. */
    readonly withReflections?: boolean;
  },
): Replica {
  const client = connectJournalClient(options);
  const { doc: ydoc, socket, provider } = client;
  const journal = new JournalDoc(ydoc);
  const reflections = journal.attachReflections(client.reflections);
  const isSynced = () => socket.status === WebSocketStatus.Connected && client.isInSync();
  const describe = () =>
    `socket ${socket.status}; ${describeProvider('journal', provider)}; ` +
    (client.reflectionsProvider
      ? describeProvider('reflections', client.reflectionsProvider)
      : 'reflections: not connected') +
    (client.refusals().length ? `; refused: ${client.refusals().join('; ')}` : '');
  return {
    journal,
    ydoc,
    reflections,
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
      client.reflections.destroy();
    },
  };
}
