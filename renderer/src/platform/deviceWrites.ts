import * as Y from 'yjs';
import { isQuotaError, StorageError, toStorageError } from './storageErrors';

/** The object store in which y-indexeddb keeps a document's updates. */
export const UPDATES_STORE = 'updates';
/** y-indexeddb's other store, made with it when a lost database is made again. */
const CUSTOM_STORE = 'custom';

/**
 * Whether every change of the document is stored on this device. Once a write fails, it
 * stays unsaved until the whole document has been written again.
 */
export type SaveState =
  | { readonly saved: true }
  | {
      readonly saved: false;
      /** What failed last, in words a person can act on. */
      readonly error: StorageError;
      /** Whole-document writes tried and failed since the first failure. */
      readonly attempts: number;
    };

export const SAVED: SaveState = { saved: true };

/** Waits before each new attempt to write the whole document; the last repeats. */
export const RETRY_DELAYS_MS = [250, 1_000, 2_000, 5_000, 10_000] as const;

export interface DeviceWrites {
  readonly state: SaveState;
  /** The connection writes go through (a new one after the browser closed the last). */
  readonly db: IDBDatabase;
  /** Calls back whenever the state changes; returns an unsubscribe. */
  onStateChange(listener: (state: SaveState) => void): () => void;
  /** Tries to write the whole document now, if something is unsaved; resolves with the state. */
  retryNow(): Promise<SaveState>;
  stop(): void;
}

export interface DeviceWritesOptions {
  readonly name: string;
  readonly ydoc: Y.Doc;
  readonly db: IDBDatabase;
  readonly indexedDB: IDBFactory;
  /** Changes with this origin came from storage: not written again. */
  readonly storageOrigin: unknown;
  /** Called with each new connection, after the browser closed the one before. */
  readonly onConnection?: (db: IDBDatabase) => void;
  readonly retryDelaysMs?: readonly number[];
}

/** What a failed write means: a full disk, or storage that cannot be written for now. */
function writeProblem(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  return toStorageError(isQuotaError(error) ? 'quota' : 'unwritable', error);
}

/**
 * Writes each change of `ydoc` to its IndexedDB database as y-indexeddb does (an update per
 * change), and heals after any failure: a write that aborts (a full disk), throws (a closed
 * connection) or a connection the browser closes makes the state unsaved; from then on the
 * whole document is written again — merged with what is stored, in one transaction that
 * replaces it — with growing pauses until it succeeds, reconnecting first if needed. A single
 * failed update is never left as a hole that later updates depend on.
 */
export function keepWriting(options: DeviceWritesOptions): DeviceWrites {
  const { name, ydoc, indexedDB, storageOrigin } = options;
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  let db = options.db;
  let connected = true;
  let state: SaveState = SAVED;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let healing: Promise<SaveState> | null = null;
  // Changes made while a whole-document write is under way, after it encoded the document.
  let afterEncode: Uint8Array[] = [];
  let encoding = false;
  const listeners = new Set<(state: SaveState) => void>();

  // Read through functions: they change while a write is awaited.
  const isStopped = () => stopped;
  const attemptsSoFar = () => (state.saved ? 0 : state.attempts);
  const setState = (next: SaveState) => {
    state = next;
    for (const listener of [...listeners]) listener(next);
  };

  const fail = (error: unknown) => {
    if (stopped) return;
    const problem = writeProblem(error);
    if (state.saved) setState({ saved: false, error: problem, attempts: 0 });
    schedule();
  };

  const schedule = () => {
    if (stopped || state.saved || timer !== null || healing) return;
    const attempts = state.attempts;
    const delay = delays[Math.min(attempts, delays.length - 1)] ?? 0;
    timer = setTimeout(() => {
      timer = null;
      void heal();
    }, delay);
  };

  const onAbort = (event: Event) => {
    const error = (event.target as Partial<IDBTransaction> | null)?.error ?? undefined;
    fail(error ?? new DOMException('A write was aborted.', 'AbortError'));
  };
  // The browser closed the connection (the database was deleted, or storage went away).
  const onClose = () => {
    connected = false;
    fail(
      new DOMException('The browser closed the connection to the journal.', 'InvalidStateError'),
    );
  };
  const watch = (connection: IDBDatabase) => {
    connection.addEventListener('abort', onAbort);
    connection.addEventListener('close', onClose);
  };
  const unwatch = (connection: IDBDatabase) => {
    connection.removeEventListener('abort', onAbort);
    connection.removeEventListener('close', onClose);
  };
  watch(db);

  const write = (updates: readonly Uint8Array[]) => {
    try {
      const store = db.transaction(UPDATES_STORE, 'readwrite').objectStore(UPDATES_STORE);
      for (const update of updates) store.add(update);
    } catch (error) {
      // A closed connection throws at once: write through a new one.
      if (error instanceof DOMException && error.name === 'InvalidStateError') connected = false;
      fail(error);
    }
  };

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === storageOrigin || stopped) return;
    if (state.saved) {
      write([update]);
      return;
    }
    // Unsaved: the next whole-document write holds this change, unless it has encoded already.
    if (encoding) afterEncode.push(update);
    schedule();
  };
  ydoc.on('update', onUpdate);

  const reconnect = async () => {
    const next = await openForWrites(indexedDB, name);
    unwatch(db);
    try {
      db.close(); // already closed, nearly always
    } catch {
      // Nothing to close.
    }
    db = next;
    connected = true;
    watch(next);
    options.onConnection?.(next);
  };

  /** Replaces everything stored with the whole document, in one transaction. */
  const writeWhole = () =>
    new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(UPDATES_STORE, 'readwrite');
      const store = transaction.objectStore(UPDATES_STORE);
      // What is stored (another window's changes among it, which may not have reached this
      // document yet) is merged with this document's state and written back as one update,
      // in the same transaction: nothing stored is lost, and a failure changes nothing.
      let failure: Error | null = null;
      const stored = store.getAll();
      stored.onsuccess = () => {
        try {
          const own = Y.encodeStateAsUpdate(ydoc);
          const updates = (stored.result as unknown[]).filter(
            (value): value is Uint8Array => value instanceof Uint8Array,
          );
          store.clear();
          store.add(mergedWith(updates, own));
        } catch (error) {
          // The transaction failed under it (aborted, or its connection closed).
          failure = error instanceof Error ? error : new Error(String(error));
          try {
            transaction.abort();
          } catch {
            // Already over: its abort event says so.
          }
          return;
        }
        // Changes from here on are not in it: kept to write once it is stored.
        encoding = true;
        afterEncode = [];
      };
      transaction.oncomplete = () => resolve();
      transaction.onabort = () =>
        reject(
          failure ?? transaction.error ?? new DOMException('The write was aborted.', 'AbortError'),
        );
      transaction.onerror = (event) => event.preventDefault(); // reported by onabort
    }).finally(() => {
      encoding = false;
    });

  const heal = (): Promise<SaveState> => {
    if (healing) return healing;
    if (state.saved || stopped) return Promise.resolve(state);
    healing = (async () => {
      try {
        if (!connected) await reconnect();
        await writeWhole();
        const later = afterEncode;
        afterEncode = [];
        setState(SAVED);
        if (later.length > 0) write(later);
      } catch (error) {
        if (error instanceof DOMException && error.name === 'InvalidStateError') connected = false;
        if (!isStopped()) {
          setState({ saved: false, error: writeProblem(error), attempts: attemptsSoFar() + 1 });
        }
      } finally {
        healing = null;
      }
      schedule();
      return state;
    })();
    return healing;
  };

  return {
    get state() {
      return state;
    },
    get db() {
      return db;
    },
    onStateChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retryNow() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      return heal();
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      ydoc.off('update', onUpdate);
      unwatch(db);
      listeners.clear();
    },
  };
}

/**
 * `own` merged with what was stored before it; `own` alone if what was stored cannot be
 * merged (damaged), since this document holds everything it read from storage.
 */
function mergedWith(stored: readonly Uint8Array[], own: Uint8Array): Uint8Array {
  if (stored.length === 0) return own;
  try {
    return Y.mergeUpdates([...stored, own]);
  } catch {
    return own;
  }
}

/** Makes the stores y-indexeddb keeps a document in, where they are missing (in an upgrade). */
export function makeDocumentStores(db: IDBDatabase): void {
  if (!db.objectStoreNames.contains(UPDATES_STORE)) {
    db.createObjectStore(UPDATES_STORE, { autoIncrement: true });
  }
  if (!db.objectStoreNames.contains(CUSTOM_STORE)) db.createObjectStore(CUSTOM_STORE);
}

/** A new connection to a document's database, making its stores if it was deleted meanwhile. */
function openForWrites(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    request.onupgradeneeded = () => makeDocumentStores(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('The journal could not be opened.'));
    request.onblocked = () => reject(toStorageError('blocked'));
  });
}
