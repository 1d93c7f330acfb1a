import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
} from '@hocuspocus/provider';
import type * as Y from 'yjs';
import {
  CHANGE_REFUSED_CLOSE_CODE,
  MESSAGE_TOO_BIG_CLOSE_CODE,
  MESSAGE_TOO_BIG_REASON,
  reflectionsDocumentName,
  type SyncTarget,
} from '../../../../shared/sync';
import { dropStaleChanges } from './staleChanges';
import { syncStateOf, type ConnectionFacts, type SyncState } from './syncStatus';
import {
  readStoredSync,
  writeStoredSync,
  type KeyValueStore,
  type StoredSync,
  type SyncSecrets,
} from './syncStore';

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
  /**
   * Where the system keeps tokens encrypted (the desktop): the token is kept there, not in
   * `storage`, whenever the system can encrypt it.
   */
  readonly secrets?: SyncSecrets;
  /** The WebSocket class (Node tests pass `ws`). */
  readonly WebSocketPolyfill?: typeof WebSocket;
  /** Backoff between attempts to reach the server: first delay and longest delay. */
  readonly retry?: { readonly delayMs: number; readonly maxDelayMs: number };
  /**
   * How long the reflections stay connected after they synced, when nothing is being written
   * and no reflection is open (see holdReflections); default 30 s.
   */
  readonly reflectionsIdleMs?: number;
}

const DEFAULT_REFLECTIONS_IDLE_MS = 30_000;

const DEFAULT_RETRY = { delayMs: 1000, maxDelayMs: 30_000 };
const REFUSED_WITHOUT_REASON = 'The sync server refused this journal’s token.';
const CHANGE_REFUSED_WITHOUT_REASON = 'The sync server closed the connection.';
const TOKEN_LOST =
  'This device no longer has the journal’s token (the system’s secret store did not give it back).';

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
 *
 * The reflections are most of a journal's weight on a server, and are needed there only while
 * they change: they sync when they are attached (bringing what other devices wrote), then stay
 * connected while a reflection is open here (holdReflections) or a change of this device is
 * on its way, and leave a little after that, so that the server can unload them. The plain
 * text of every reflection travels with the journal meanwhile.
 */
export class JournalSync {
  private facts: ConnectionFacts;
  private state: SyncState;
  private connection: Connection | null = null;
  private reflections: Y.Doc | null = null;
  /** Reflections open here: the reflections stay connected while any is. */
  private reflectionHolds = 0;
  private leaveTimer: ReturnType<typeof setTimeout> | undefined;
  /** The pause before offering a refused change again; the socket waits for it. */
  private offerAgainTimer: ReturnType<typeof setTimeout> | undefined;
  /** Refusals of a change since this device's changes were last all stored. */
  private changeRefusals = 0;
  /** Whether the token is kept by `secrets` (then never written to `storage`). */
  private tokenInSecrets = false;
  private readonly listeners = new Set<() => void>();
  private readonly retry: { readonly delayMs: number; readonly maxDelayMs: number };

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly options: JournalSyncOptions,
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    const stored = readStoredSync(options.storage, options.journalName);
    const storedToken = stored?.target.token;
    this.tokenInSecrets = stored !== null && storedToken === undefined;
    this.facts = {
      target: stored ? { ...stored.target, token: storedToken ?? '' } : null,
      enabled: stored?.enabled ?? false,
      online: options.network.navigator.onLine,
      socket: 'disconnected',
      failedAttempt: false,
      handshakeDone: false,
      reflectionsBehind: false,
      pending: stored?.pending ?? 0,
      refusedReason: null,
      changeRefused: null,
      tokenPending: this.tokenInSecrets,
    };
    this.state = syncStateOf(this.facts);
    ydoc.on('update', this.onDocumentUpdate);
    options.network.addEventListener('online', this.onOnline);
    options.network.addEventListener('offline', this.onOffline);
    options.network.addEventListener('storage', this.onStorage);
    if (this.tokenInSecrets) void this.readSecretToken();
    else if (this.facts.target && this.facts.enabled) this.open(this.facts.target);
    // Kept in local storage by an earlier version: moved to the system's keeping.
    if (storedToken !== undefined) this.keepToken(storedToken);
  }

  /** Reads the token the system keeps, then connects (or says it is lost). */
  private async readSecretToken(): Promise<void> {
    const { secrets, journalName } = this.options;
    const token = await (secrets?.read(journalName) ?? Promise.resolve(null)).catch(() => null);
    const target = this.facts.target;
    if (!this.facts.tokenPending || !target) return; // connected or forgotten meanwhile
    if (token === null) {
      this.update({ tokenPending: false, refusedReason: TOKEN_LOST });
      return;
    }
    const withToken = { ...target, token };
    this.update({ target: withToken, tokenPending: false });
    if (this.facts.enabled) this.open(withToken);
  }

  /**
   * Hands the token to the system's keeping, where there is one: from then on the stored
   * settings have none. Where the system cannot encrypt it, it stays in the settings.
   */
  private keepToken(token: string): void {
    const { secrets, journalName } = this.options;
    if (!secrets) return;
    this.tokenInSecrets = true;
    this.writeSettings();
    void secrets
      .keep(journalName, token)
      .catch(() => false)
      .then((kept) => {
        if (kept || this.facts.target?.token !== token) return;
        this.tokenInSecrets = false;
        this.writeSettings();
      });
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
    reflections.on('update', this.onReflectionsUpdate);
    if (this.connection) this.openReflections(this.connection);
  }

  /**
   * Keeps the reflections connected (a reflection is open for editing here), so that what
   * other devices write into it shows as they write; returns the release.
   */
  holdReflections(): () => void {
    this.reflectionHolds++;
    if (this.connection && !this.connection.reflections) this.openReflections(this.connection);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.reflectionHolds--;
      this.planLeave();
    };
  }

  /** Whether the reflections' provider is on the connection now (for tests and the bench). */
  get reflectionsConnected(): boolean {
    return this.connection?.reflections != null;
  }

  /** Syncs this journal with `target` from now on (replacing any earlier target). */
  connect(target: SyncTarget): void {
    this.close();
    this.changeRefusals = 0;
    const newToken = target.token !== this.facts.target?.token;
    // Never written to local storage where the system may keep it (keepToken falls back).
    if (newToken && this.options.secrets) this.tokenInSecrets = true;
    this.update({
      target,
      enabled: true,
      refusedReason: null,
      changeRefused: null,
      failedAttempt: false,
      tokenPending: false,
    });
    if (newToken) this.keepToken(target.token);
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
    this.update({
      target: null,
      enabled: false,
      pending: 0,
      refusedReason: null,
      changeRefused: null,
      tokenPending: false,
    });
    if (this.tokenInSecrets) void this.options.secrets?.keep(this.options.journalName, null);
    this.tokenInSecrets = false;
  }

  destroy(): void {
    this.close();
    this.ydoc.off('update', this.onDocumentUpdate);
    this.reflections?.off('update', this.onDocumentUpdate);
    this.reflections?.off('update', this.onReflectionsUpdate);
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
    dropStaleChanges(socket);
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
        // reconnect if the device came back online in between (unless a refused change is
        // waiting for its pause). Otherwise the socket is retrying by itself, with backoff.
        if (this.wantsConnection() && !socket.shouldConnect && this.offerAgainTimer === undefined) {
          void socket.connect();
        }
      } else this.update({ socket: status });
    });
    socket.on('close', ({ event }: { event?: { code?: number; reason?: string } }) => {
      if (!current()) return;
      if (event?.code === CHANGE_REFUSED_CLOSE_CODE) {
        this.changeRefused(connection, event.reason ?? '');
      } else if (event?.code === MESSAGE_TOO_BIG_CLOSE_CODE) {
        this.changeRefused(connection, event.reason || MESSAGE_TOO_BIG_REASON);
      }
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
    provider.on('synced', () => this.planLeave());
    provider.on('unsyncedChanges', () => this.planLeave());
    provider.attach();
  }

  /**
   * Once the reflections are synced, nothing of this device is on its way and no reflection is
   * open here, they leave the connection after the idle time (unless that changes meanwhile).
   */
  private planLeave(): void {
    clearTimeout(this.leaveTimer);
    const idle = () => {
      const provider = this.connection?.reflections;
      return (
        provider !== null &&
        provider !== undefined &&
        provider.synced &&
        provider.unsyncedChanges === 0 &&
        this.reflectionHolds === 0
      );
    };
    if (!idle()) return;
    this.leaveTimer = setTimeout(() => {
      const connection = this.connection;
      if (!connection?.reflections || !idle()) return;
      connection.reflections.destroy();
      connection.reflections = null;
      this.update({ reflectionsBehind: false });
    }, this.options.reflectionsIdleMs ?? DEFAULT_REFLECTIONS_IDLE_MS);
  }

  /** A change written here into the reflections: they connect to send it. */
  private readonly onReflectionsUpdate = (
    _update: Uint8Array,
    _origin: unknown,
    _doc: Y.Doc,
    transaction: Y.Transaction,
  ) => {
    const connection = this.connection;
    if (!transaction.local || !connection) return;
    if (!connection.reflections) this.openReflections(connection);
    else this.planLeave();
  };

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
    // The server closed this document but not the socket (an error while handling a
    // message): the provider would wait for a reconnect that never comes.
    provider.on('close', ({ event }: { event?: { reason?: string } }) => {
      const open = connection.socket.status === WebSocketStatus.Connected;
      if (current() && open && this.facts.refusedReason === null) {
        this.changeRefused(connection, event?.reason ?? '');
      }
    });
  }

  /**
   * The server refused a change of this device (it could not apply, store or take one that
   * large), closing the connection: the change stays here, counted as pending, and is offered
   * again after a pause that grows with each refusal (the socket's own pause would be a
   * constant second). A device's first upload of a journal it held before sync was set up is
   * not among the changes counted: it counts as one then.
   */
  private changeRefused(connection: Connection, reason: string): void {
    this.changeRefusals += 1;
    this.update({
      changeRefused: reason.trim() || CHANGE_REFUSED_WITHOUT_REASON,
      pending: Math.max(this.facts.pending, 1),
    });
    connection.socket.disconnect();
    clearTimeout(this.offerAgainTimer);
    const pause = Math.min(
      this.retry.maxDelayMs,
      this.retry.delayMs * 2 ** Math.min(this.changeRefusals - 1, 16),
    );
    this.offerAgainTimer = setTimeout(() => {
      this.offerAgainTimer = undefined;
      if (this.connection === connection && this.wantsConnection()) {
        void connection.socket.connect();
      }
    }, pause);
  }

  private close(): void {
    const connection = this.connection;
    if (!connection) return;
    clearTimeout(this.leaveTimer);
    clearTimeout(this.offerAgainTimer);
    this.offerAgainTimer = undefined;
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
    if (!connection) return;
    const done = (provider: HocuspocusProvider) =>
      provider.synced && provider.unsyncedChanges === 0;
    // Reflections that left the connection had nothing of this device on its way.
    const reflectionsDone = connection.reflections === null || done(connection.reflections);
    if (done(connection.provider) && reflectionsDone) {
      this.changeRefusals = 0;
      this.update({ pending: 0, changeRefused: null });
    }
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

  /** Writes the settings to local storage: without the token while the system keeps it. */
  private writeSettings(): void {
    const { target, enabled, pending } = this.facts;
    let settings: StoredSync | null = null;
    if (target) {
      const { token, ...withoutToken } = target;
      settings = {
        target: this.tokenInSecrets ? withoutToken : { ...withoutToken, token },
        enabled,
        pending,
      };
    }
    writeStoredSync(this.options.storage, this.options.journalName, settings);
  }

  private update(change: Partial<ConnectionFacts>): void {
    const before = this.facts;
    this.facts = { ...before, ...change };
    const { target, enabled, pending } = this.facts;
    if (target !== before.target || enabled !== before.enabled || pending !== before.pending) {
      this.writeSettings();
    }
    const next = syncStateOf(this.facts);
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
