import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
} from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { reflectionsDocumentName, type SyncTarget } from '../../../../shared/sync';
import { syncStateOf, type ConnectionFacts, type SyncState } from './syncStatus';
import { readStoredSync, writeStoredSync, type KeyValueStore } from './syncStore';

/** Whether the device has a network, and word when that changes (`window` in the app). */
export interface NetworkWatch {
  readonly navigator: { readonly onLine: boolean };
  /** Also `storage`: another tab changed the stored settings (its count of pending changes). */
  addEventListener(type: 'online' | 'offline' | 'storage', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline' | 'storage', listener: () => void): void;
}

export interface JournalSyncOptions {
  /** The journal's local name: sync settings are kept per journal. */
  readonly journalName: string;
  readonly storage: KeyValueStore;
  readonly network: NetworkWatch;
  /** The WebSocket class (Node tests pass `ws`). */
  readonly WebSocketPolyfill?: typeof WebSocket;
  /** Backoff between attempts to reach the server: first delay and longest delay. */
  readonly retry?: { readonly delayMs: number; readonly maxDelayMs: number };
}

const DEFAULT_RETRY = { delayMs: 1000, maxDelayMs: 30_000 };
const REFUSED_WITHOUT_REASON = 'The sync server refused this journal’s token.';

interface Connection {
  readonly target: SyncTarget;
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: HocuspocusProvider;
  /** The reflections' provider, on the same socket, once they are attached. */
  reflections: HocuspocusProvider | null;
}

/**
 * Keeps one journal in step with its sync server: connects when sync is on and the device
 * is online, reconnects with backoff, stops for good when the token is refused, and counts
 * the local changes the server has not yet confirmed. Edits never wait for the server: they
 * go into the local document (and its storage) first, and travel when a connection is up.
 *
 * A journal is two documents on the server (see shared/sync/syncLink.ts): the journal, and
 * its reflections, attached when they are open (attachReflections). Both travel over one
 * socket with the same token; the state is synced when both are, changes of both count as
 * pending, and a refusal of either stops both.
 */
export class JournalSync {
  private facts: ConnectionFacts;
  private state: SyncState;
  private connection: Connection | null = null;
  private reflections: Y.Doc | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly retry: { readonly delayMs: number; readonly maxDelayMs: number };

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly options: JournalSyncOptions,
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    const stored = readStoredSync(options.storage, options.journalName);
    this.facts = {
      target: stored?.target ?? null,
      enabled: stored?.enabled ?? false,
      online: options.network.navigator.onLine,
      socket: 'disconnected',
      failedAttempt: false,
      handshakeDone: false,
      reflectionsBehind: false,
      pending: stored?.pending ?? 0,
      refusedReason: null,
    };
    this.state = syncStateOf(this.facts);
    ydoc.on('update', this.onDocumentUpdate);
    options.network.addEventListener('online', this.onOnline);
    options.network.addEventListener('offline', this.onOffline);
    options.network.addEventListener('storage', this.onStorage);
    if (this.facts.target && this.facts.enabled) this.open(this.facts.target);
  }

  readonly getState = (): SyncState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Syncs the journal's reflections (their own Y.Doc) too, from now on: over the current
   * connection if there is one, and over every later one (connect, resume).
   */
  attachReflections(reflections: Y.Doc): void {
    if (this.reflections) throw new Error('The reflections are attached already.');
    this.reflections = reflections;
    reflections.on('update', this.onDocumentUpdate);
    if (this.connection) this.openReflections(this.connection);
  }

  /** Syncs this journal with `target` from now on (replacing any earlier target). */
  connect(target: SyncTarget): void {
    this.close();
    this.update({ target, enabled: true, refusedReason: null, failedAttempt: false });
    this.open(target);
  }

  /** Stops syncing on this device until `resume`; edits go on being kept locally. */
  pause(): void {
    this.close();
    this.update({ enabled: false });
  }

  resume(): void {
    const { target } = this.facts;
    if (target) this.connect(target);
  }

  /** Removes the sync settings from this device; the journal stays as it is. */
  forget(): void {
    this.close();
    this.update({ target: null, enabled: false, pending: 0, refusedReason: null });
  }

  destroy(): void {
    this.close();
    this.ydoc.off('update', this.onDocumentUpdate);
    this.reflections?.off('update', this.onDocumentUpdate);
    this.options.network.removeEventListener('online', this.onOnline);
    this.options.network.removeEventListener('offline', this.onOffline);
    this.options.network.removeEventListener('storage', this.onStorage);
    this.listeners.clear();
  }

  private open(target: SyncTarget): void {
    const socket = new HocuspocusProviderWebsocket({
      url: target.serverUrl,
      autoConnect: false,
      delay: this.retry.delayMs,
      minDelay: this.retry.delayMs,
      maxDelay: this.retry.maxDelayMs,
      factor: 2,
      jitter: true,
      maxAttempts: 0,
      ...(this.options.WebSocketPolyfill
        ? { WebSocketPolyfill: this.options.WebSocketPolyfill }
        : {}),
    });
    const provider = new HocuspocusProvider({
      name: target.journalId,
      token: target.token,
      document: this.ydoc,
      websocketProvider: socket,
    });
    const connection: Connection = { target, socket, provider, reflections: null };
    this.connection = connection;
    const current = () => this.connection === connection;

    socket.on('status', ({ status }: { status: ConnectionFacts['socket'] }) => {
      if (!current()) return;
      if (status === 'connected') this.update({ socket: status, failedAttempt: false });
      else if (status === 'disconnected') {
        this.update({
          socket: status,
          handshakeDone: false,
          reflectionsBehind: connection.reflections !== null,
          failedAttempt: true,
        });
        // A disconnect asked for while the socket was still open takes effect only now:
        // reconnect if the device came back online in between. (Otherwise the socket is
        // retrying by itself, with backoff.)
        if (this.wantsConnection() && !socket.shouldConnect) void socket.connect();
      } else this.update({ socket: status });
    });
    this.watch(connection, provider, () => this.update({ handshakeDone: true }));
    provider.attach();
    if (this.reflections) this.openReflections(connection);
    if (this.wantsConnection()) void socket.connect();
  }

  /** The reflections' provider on the connection's socket (it joins an open socket at once). */
  private openReflections(connection: Connection): void {
    if (!this.reflections) return;
    const provider = new HocuspocusProvider({
      name: reflectionsDocumentName(connection.target.journalId),
      token: connection.target.token,
      document: this.reflections,
      websocketProvider: connection.socket,
      // Nobody's presence is shown in a reflection; the journal's provider keeps the socket's
      // awareness (and with it the provider's check that the connection is alive).
      awareness: null,
    });
    connection.reflections = provider;
    this.update({ reflectionsBehind: true });
    this.watch(connection, provider, () => this.update({ reflectionsBehind: false }));
    provider.attach();
  }

  /** Follows one of the connection's providers: its handshake, confirmations and refusal. */
  private watch(connection: Connection, provider: HocuspocusProvider, synced: () => void): void {
    const current = () => this.connection === connection;
    provider.on('synced', () => {
      if (current()) synced();
      this.confirmIfDone();
    });
    provider.on('unsyncedChanges', () => this.confirmIfDone());
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      if (!current()) return;
      connection.socket.disconnect();
      this.update({ refusedReason: reason.trim() || REFUSED_WITHOUT_REASON });
    });
  }

  private close(): void {
    const connection = this.connection;
    if (!connection) return;
    this.connection = null;
    connection.provider.destroy();
    connection.reflections?.destroy();
    connection.socket.destroy();
    this.update({
      socket: 'disconnected',
      handshakeDone: false,
      reflectionsBehind: false,
      failedAttempt: false,
    });
  }

  private wantsConnection(): boolean {
    const { enabled, online, refusedReason } = this.facts;
    return enabled && online && refusedReason === null;
  }

  /**
   * The server has confirmed everything this device sent, in both documents (the reflections
   * once attached): nothing is pending any more.
   */
  private confirmIfDone(): void {
    const connection = this.connection;
    if (!connection || this.facts.pending === 0) return;
    const done = (provider: HocuspocusProvider) =>
      provider.synced && provider.unsyncedChanges === 0;
    const reflectionsDone =
      this.reflections === null ||
      (connection.reflections !== null && done(connection.reflections));
    if (done(connection.provider) && reflectionsDone) this.update({ pending: 0 });
  }

  /**
   * Counts changes made on this device, in the journal or its reflections (not those that
   * arrived from storage, tabs or the server).
   */
  private readonly onDocumentUpdate = (
    _update: Uint8Array,
    _origin: unknown,
    _doc: Y.Doc,
    transaction: Y.Transaction,
  ) => {
    if (transaction.local && this.facts.target) {
      // Other tabs of this journal count into the same stored number.
      this.update({ pending: this.storedPending() + 1 });
    }
  };

  private storedPending(): number {
    return (
      readStoredSync(this.options.storage, this.options.journalName)?.pending ?? this.facts.pending
    );
  }

  /** Another tab counted a change, or saw the server confirm them all. */
  private readonly onStorage = () => {
    if (this.facts.target) this.update({ pending: this.storedPending() });
  };

  private readonly onOnline = () => {
    this.update({ online: true, failedAttempt: false });
    const socket = this.connection?.socket;
    if (socket && this.wantsConnection() && socket.status === WebSocketStatus.Disconnected) {
      void socket.connect();
    }
  };

  private readonly onOffline = () => {
    this.update({ online: false });
    this.connection?.socket.disconnect();
  };

  private update(change: Partial<ConnectionFacts>): void {
    const before = this.facts;
    this.facts = { ...before, ...change };
    const { target, enabled, pending } = this.facts;
    if (target !== before.target || enabled !== before.enabled || pending !== before.pending) {
      writeStoredSync(
        this.options.storage,
        this.options.journalName,
        target ? { target, enabled, pending } : null,
      );
    }
    const next = syncStateOf(this.facts);
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
