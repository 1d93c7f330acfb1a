import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { journalParts, ORIGIN, PART_BYTES } from '../../../shared/doc';
import { keepWriting, UPDATES_STORE, type SaveState } from './deviceWrites';
import { isQuotaError, toStorageError } from './storageErrors';

export interface LocalStore {
  destroy(): Promise<void>;
  /** Resolves once every change made so far is written (or its write failed). */
  flush(): Promise<void>;
  /**
   * Rewrites the stored document as parts that load one at a time (see journalParts), when
   * it is stored otherwise; 'changed' when the document changed meanwhile (try again later).
   */
  compact(): Promise<'compacted' | 'unneeded' | 'changed'>;
  /** How many changes were stored since the last compaction. */
  readonly changesSinceCompaction: number;
  /** Whether every change is stored (after a failed write, not until it has healed). */
  readonly saveState: SaveState;
  /** Calls back when the save state changes (see deviceWrites.ts); returns an unsubscribe. */
  onSaveStateChange(listener: (state: SaveState) => void): () => void;
  /** Tries now to write what is unsaved, instead of waiting for the next retry. */
  retrySaving(): Promise<SaveState>;
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
  /** Splits a stored update too large to apply at once into parts (a worker, in the app). */
  readonly split?: (update: Uint8Array) => Promise<Uint8Array[]>;
  /** Waits between parts, so that the page can paint and take input (the next task). */
  readonly pause?: () => Promise<void>;
  /** Waits before each new try to write the whole document after a failed write. */
  readonly retryDelaysMs?: readonly number[];
}

/** An update larger than this is split before it is applied: one apply would hold the page. */
export const SPLIT_ABOVE_BYTES = 4 * PART_BYTES;

/** What is stored: y-indexeddb's updates in key order, and the last key. */
interface Stored {
  readonly updates: readonly Uint8Array[];
  readonly lastKey: number | null;
}

const NOTHING_STORED: Stored = { updates: [], lastKey: null };

/** Splits on this thread (tests, and where workers are not available). */
export function splitHere(update: Uint8Array): Promise<Uint8Array[]> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    return Promise.resolve([...journalParts(doc)]);
  } finally {
    doc.destroy();
  }
}

/**
 * Resolves in a later task, so that the page can paint and take input meanwhile: a message to
 * itself, queued behind what is already waiting (not a timer, which browsers delay by 4 ms once
 * nested). Not scheduler.yield: its continuations go ahead of other tasks, so storage replies
 * and React's renders would wait for the whole journal to load (a quick-add from the preview
 * took a second to show).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
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

/**
 * Opens an IndexedDB database once, to learn whether storage works at all and whether an
 * existing database holds a journal y-indexeddb can read, and reads what it holds.
 */
function readStored(
  factory: IDBFactory | undefined,
  name: string,
  timeoutMs: number,
): Promise<Stored> {
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
    request.onsuccess = () => {
      const db = request.result;
      // A database without the store y-indexeddb reads from (damaged, or not made by it)
      // would make y-indexeddb fail where nothing can see it: say so now instead.
      if (!db.objectStoreNames.contains(UPDATES_STORE)) {
        db.close();
        settle(() => reject(toStorageError('unreadable')));
        return;
      }
      readUpdates(db).then(
        (stored) => settle(() => resolve(stored)),
        (error: unknown) => settle(() => reject(toStorageError('unreadable', error))),
      );
    };
    request.onblocked = () => settle(() => reject(toStorageError('blocked')));
    request.onerror = () =>
      settle(() => {
        if (fresh) {
          resolve(NOTHING_STORED);
          return;
        }
        const error = request.error ?? undefined;
        reject(toStorageError(openProblem(error), error));
      });
  });
}

/**
 * Stored updates read per request, and requests in flight at once: each result is copied out
 * of storage on the main thread, and replies that arrive while it is busy are handled in one
 * task, so a few small requests at a time keep every such task short.
 */
const READ_BATCH = 2;
const READS_IN_FLIGHT = 2;

/**
 * Every stored update in key order, and the last key, in one transaction; the database is
 * closed after. The updates are read a few at a time: a large journal's bytes are copied out
 * of storage in short tasks, not one long one.
 */
function readUpdates(db: IDBDatabase): Promise<Stored> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(UPDATES_STORE, 'readonly');
    const store = transaction.objectStore(UPDATES_STORE);
    const batches: Uint8Array[][] = [];
    let lastKey: number | null = null;
    const keys = store.getAllKeys();
    keys.onsuccess = () => {
      const all = keys.result.filter((key): key is number => typeof key === 'number');
      lastKey = all.at(-1) ?? null;
      let next = 0;
      // Each reply asks for the next batch, in the same transaction; batches land in order.
      const readNext = () => {
        if (next >= all.length) return;
        const batch = all.slice(next, next + READ_BATCH);
        next += READ_BATCH;
        const index = batches.length;
        batches.push([]);
        const values = store.getAll(IDBKeyRange.bound(batch[0], batch[batch.length - 1]));
        values.onsuccess = () => {
          batches[index] = (values.result as unknown[]).filter(
            (value): value is Uint8Array => value instanceof Uint8Array,
          );
          readNext();
        };
      };
      for (let reads = 0; reads < READS_IN_FLIGHT; reads++) readNext();
    };
    transaction.oncomplete = () => {
      db.close();
      resolve({ updates: batches.flat(), lastKey });
    };
    transaction.onerror = () => {
      db.close();
      reject(transaction.error ?? new Error('The stored journal could not be read.'));
    };
  });
}

/**
 * The stored updates as groups to apply one per turn: small updates together up to a part's
 * size, large ones split into parts (so that no single apply holds the page for long).
 */
async function partsToApply(
  updates: readonly Uint8Array[],
  split: (update: Uint8Array) => Promise<Uint8Array[]>,
): Promise<Uint8Array[][]> {
  const groups: Uint8Array[][] = [];
  let group: Uint8Array[] = [];
  let size = 0;
  const close = () => {
    if (group.length > 0) groups.push(group);
    group = [];
    size = 0;
  };
  for (const update of updates) {
    if (update.length > SPLIT_ABOVE_BYTES) {
      close();
      for (const part of await split(update)) groups.push([part]);
      continue;
    }
    group.push(update);
    size += update.length;
    if (size >= PART_BYTES) close();
  }
  close();
  return groups;
}

/**
 * Loads the journal stored on this device into `ydoc` and keeps storing its changes
 * (y-indexeddb, whose database layout it keeps). It reads the stored updates itself and
 * applies them a part at a time, pausing between parts, so that opening a large journal never
 * holds the page; y-indexeddb then reads what another window stored since. y-indexeddb never
 * reports failures — it only hangs — so opening is bounded by a timeout. Changes are written
 * by deviceWrites.ts, which heals after a failed write and says whether all is saved.
 */
export async function openLocalStore(
  name: string,
  ydoc: Y.Doc,
  {
    timeoutMs = 10_000,
    indexedDB = globalThis.indexedDB,
    split = splitHere,
    pause = nextTurn,
    retryDelaysMs,
  }: OpenOptions = {},
): Promise<LocalStore> {
  const stored = await readStored(indexedDB, name, timeoutMs);
  let groups: Uint8Array[][];
  try {
    groups = await partsToApply(stored.updates, split);
  } catch (error) {
    throw toStorageError('unreadable', error);
  }
  let failOpening: ((error: Error) => void) | null = null;
  // y-indexeddb's own promise chains are unhandled: while opening, a damaged store or a full
  // disk shows up only as an unhandled rejection (in browsers), which fails the open.
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason;
    failOpening?.(toStorageError(isQuotaError(reason) ? 'quota' : 'unreadable', reason));
  };
  events.addEventListener?.('unhandledrejection', onRejection);
  const persistence = new IndexeddbPersistence(name, ydoc);
  // It reads only what was stored after what was read above (another window's changes).
  persistence._dbref = stored.lastKey === null ? 0 : stored.lastKey + 1;
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
    clearTimeout(timer);
    for (const group of groups) {
      ydoc.transact(() => {
        for (const update of group) Y.applyUpdate(ydoc, update, ORIGIN.restore);
      }, ORIGIN.restore);
      await pause();
    }
  } catch (error) {
    void persistence.destroy();
    throw error;
  } finally {
    failOpening = null;
    clearTimeout(timer);
    events.removeEventListener?.('unhandledrejection', onRejection);
  }
  const opened = persistence.db;
  if (!opened) throw toStorageError('unavailable');
  // Another window deleting the database (to restore a backup) waits until this one closes.
  const replacedListeners = new Set<() => void>();
  const onVersionChange = () => {
    writes.stop();
    writes.db.close();
    for (const listener of replacedListeners) listener();
  };
  opened.addEventListener('versionchange', onVersionChange);
  // Every change is written from here on, and any failed write heals (deviceWrites.ts).
  const writes = keepWriting({
    name,
    ydoc,
    db: opened,
    indexedDB,
    storageOrigin: persistence,
    retryDelaysMs,
    onConnection: (next) => {
      persistence.db = next;
      persistence._db = Promise.resolve(next);
      next.addEventListener('versionchange', onVersionChange);
    },
  });
  const countChange = (_update: Uint8Array, origin: unknown) => {
    if (origin !== persistence) changesSinceCompaction++;
  };
  ydoc.on('update', countChange);
  let compacted = !needsCompaction(stored.updates);
  let changesSinceCompaction = 0;
  return {
    destroy: async () => {
      ydoc.off('update', countChange);
      // What is being written is waited for (a write can still fail), and what could not be
      // written gets one more try before the journal closes.
      await afterWrites(writes.db);
      if (!writes.state.saved) await writes.retryNow();
      writes.stop();
      writes.db.removeEventListener('versionchange', onVersionChange);
      await persistence.destroy();
    },
    flush: () => afterWrites(writes.db),
    get changesSinceCompaction() {
      return changesSinceCompaction;
    },
    async compact() {
      // Unsaved: the whole document is being written again already.
      if (!writes.state.saved) return 'unneeded';
      if (compacted && changesSinceCompaction < MANY_CHANGES) return 'unneeded';
      const result = await writeParts(writes.db, ydoc, pause);
      if (result === 'compacted') {
        compacted = true;
        changesSinceCompaction = 0;
      }
      return result;
    },
    get saveState() {
      return writes.state;
    },
    onSaveStateChange: (listener) => writes.onStateChange(listener),
    retrySaving: () => writes.retryNow(),
    onReplacedElsewhere(listener) {
      replacedListeners.add(listener);
      return () => replacedListeners.delete(listener);
    },
  };
}

/**
 * Whether stored updates should be rewritten as parts: one is too large to apply at once, or
 * there are many more of them than the parts they would make (small changes pile up).
 */
function needsCompaction(updates: readonly Uint8Array[]): boolean {
  let total = 0;
  for (const update of updates) {
    if (update.length > SPLIT_ABOVE_BYTES) return true;
    total += update.length;
  }
  return updates.length > 2 * Math.ceil(total / PART_BYTES) + MANY_CHANGES;
}

/** Small changes stored one by one that make the stored journal worth rewriting. */
const MANY_CHANGES = 100;

/** Resolves once the writes queued on `db` so far are done: a later transaction completes after them. */
function afterWrites(db: IDBDatabase): Promise<void> {
  return new Promise((resolve) => {
    try {
      const transaction = db.transaction(UPDATES_STORE, 'readwrite');
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => resolve();
      transaction.onabort = () => resolve();
    } catch {
      resolve(); // closed: nothing more will be written
    }
  });
}

/**
 * Replaces every stored update with the document's parts, in one transaction, so that a
 * failure changes nothing. The parts are made between pauses; if the document changes
 * meanwhile, nothing is written ('changed'). Updates stored after the last one read stay.
 */
async function writeParts(
  db: IDBDatabase,
  ydoc: Y.Doc,
  pause: () => Promise<void>,
): Promise<'compacted' | 'changed'> {
  // Set from the document's listener, which the type checker cannot see run between awaits.
  const watch = { changed: false };
  const onChange = () => {
    watch.changed = true;
  };
  ydoc.on('afterTransaction', onChange);
  try {
    await afterWrites(db);
    const lastKey = await lastStoredKey(db);
    const parts: Uint8Array[] = [];
    for (const part of journalParts(ydoc)) {
      parts.push(part);
      await pause();
      if (watch.changed) return 'changed';
    }
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(UPDATES_STORE, 'readwrite');
      const store = transaction.objectStore(UPDATES_STORE);
      if (lastKey !== null) store.delete(IDBKeyRange.upperBound(lastKey));
      for (const part of parts) store.add(part);
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => reject(transaction.error ?? new Error('compaction aborted'));
    });
    return 'compacted';
  } catch (error) {
    if (watch.changed) return 'changed';
    throw error;
  } finally {
    ydoc.off('afterTransaction', onChange);
  }
}

function lastStoredKey(db: IDBDatabase): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const request = db
      .transaction(UPDATES_STORE, 'readonly')
      .objectStore(UPDATES_STORE)
      .openCursor(null, 'prev');
    request.onsuccess = () => {
      const key = request.result?.key;
      resolve(typeof key === 'number' ? key : null);
    };
    request.onerror = () =>
      reject(request.error ?? new Error('The stored journal could not be read.'));
  });
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
