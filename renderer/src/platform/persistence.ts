import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { isQuotaError, toStorageError } from './storageErrors';

export interface LocalStore {
  destroy(): Promise<void>;
  /** Calls back when a later write fails (disk full); returns an unsubscribe. */
  onWriteError(listener: (error: Error) => void): () => void;
  /**
   * Calls back when another window replaces the stored journal (restoring a backup): this
   * connection has been closed so that the replacement can go ahead; open the journal again.
   */
  onReplacedElsewhere(listener: () => void): () => void;
}

export interface OpenOptions {
  /** How long opening may take before it is reported as failed. */
  readonly timeoutMs?: number;
  readonly indexedDB?: IDBFactory;
}

// Absent outside browsers (tests run this module in Node with fake-indexeddb).
const events = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;

/** What a failed open means: private modes refuse (SecurityError); anything else is damage. */
function openProblem(error: DOMException | undefined): 'quota' | 'unavailable' | 'unreadable' {
  if (isQuotaError(error)) return 'quota';
  return error?.name === 'SecurityError' || error?.name === 'InvalidStateError'
    ? 'unavailable'
    : 'unreadable';
}

/** The object store in which y-indexeddb keeps the journal's updates. */
const UPDATES_STORE = 'updates';

/**
 * Opens (or creates) an IndexedDB database once, to learn whether storage works at all and
 * whether an existing database holds a journal y-indexeddb can read.
 */
function probe(factory: IDBFactory | undefined, name: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!factory) {
      reject(toStorageError('unavailable'));
      return;
    }
    const timer = setTimeout(() => reject(toStorageError('timeout')), timeoutMs);
    const settle = (action: () => void) => {
      clearTimeout(timer);
      action();
    };
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch (error) {
      settle(() => reject(toStorageError('unavailable', error)));
      return;
    }
    // A journal that does not exist yet is fine: abort the creation, y-indexeddb makes it.
    let fresh = false;
    request.onupgradeneeded = () => {
      fresh = true;
      request.transaction?.abort();
    };
    request.onsuccess = () =>
      settle(() => {
        // A database without the store y-indexeddb reads from (damaged, or not made by it)
        // would make y-indexeddb fail where nothing can see it: say so now instead.
        const readable = request.result.objectStoreNames.contains(UPDATES_STORE);
        request.result.close();
        if (readable) resolve();
        else reject(toStorageError('unreadable'));
      });
    request.onblocked = () => settle(() => reject(toStorageError('blocked')));
    request.onerror = () =>
      settle(() => {
        if (fresh) {
          resolve();
          return;
        }
        const error = request.error ?? undefined;
        reject(toStorageError(openProblem(error), error));
      });
  });
}

/**
 * Loads the journal stored on this device into `ydoc` and keeps storing its changes
 * (y-indexeddb). y-indexeddb itself never reports failures — it only hangs — so opening
 * is probed first and bounded by a timeout, and failed writes are reported to listeners.
 */
export async function openLocalStore(
  name: string,
  ydoc: Y.Doc,
  { timeoutMs = 10_000, indexedDB = globalThis.indexedDB }: OpenOptions = {},
): Promise<LocalStore> {
  await probe(indexedDB, name, timeoutMs);
  const listeners = new Set<(error: Error) => void>();
  let failOpening: ((error: Error) => void) | null = null;
  // y-indexeddb's own promise chains are unhandled: while opening, a damaged store or a full
  // disk shows up only as an unhandled rejection (in browsers), which fails the open.
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason;
    failOpening?.(toStorageError(isQuotaError(reason) ? 'quota' : 'unreadable', reason));
  };
  events.addEventListener?.('unhandledrejection', onRejection);
  const persistence = new IndexeddbPersistence(name, ydoc);
  // y-indexeddb listens for updates before it loads, which makes Yjs encode the whole stored
  // journal once more just to tell it (a third of the load time of a large journal). Nothing
  // else writes until the journal has loaded, so it starts listening only afterwards.
  ydoc.off('update', persistence._storeUpdate);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const failure = new Promise<never>((_, reject) => {
    failOpening = reject;
    timer = setTimeout(() => reject(toStorageError('timeout')), timeoutMs);
  });
  try {
    await Promise.race([persistence.whenSynced, failure]);
    ydoc.on('update', persistence._storeUpdate);
  } catch (error) {
    void persistence.destroy();
    throw error;
  } finally {
    failOpening = null;
    clearTimeout(timer);
    events.removeEventListener?.('unhandledrejection', onRejection);
  }
  // Later, a change that cannot be stored aborts its transaction — when the disk is full,
  // Chromium aborts at commit, after every request succeeded, so no promise rejects. The
  // abort event bubbles to the connection, in every environment: report it from there.
  const db = persistence.db;
  const onAbort = (event: Event) => {
    const error = (event.target as Partial<IDBTransaction> | null)?.error ?? undefined;
    for (const listener of listeners) listener(toStorageError('quota', error));
  };
  db?.addEventListener('abort', onAbort);
  // Another window deleting the database (to restore a backup) waits until this one closes.
  const replacedListeners = new Set<() => void>();
  const onVersionChange = () => {
    db?.close();
    for (const listener of replacedListeners) listener();
  };
  db?.addEventListener('versionchange', onVersionChange);
  return {
    destroy: async () => {
      db?.removeEventListener('abort', onAbort);
      db?.removeEventListener('versionchange', onVersionChange);
      await persistence.destroy();
    },
    onWriteError(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onReplacedElsewhere(listener) {
      replacedListeners.add(listener);
      return () => replacedListeners.delete(listener);
    },
  };
}

/** Asks the browser not to evict the journal under storage pressure (best effort). */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    const storage = (globalThis as { navigator?: { storage?: Partial<StorageManager> } }).navigator
      ?.storage;
    return (await storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
