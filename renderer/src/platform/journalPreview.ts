import * as z from 'zod';
import type { JournalDoc } from '../../../shared/doc';
// The schema module alone: the preview is read before Yjs is loaded, and must not pull it in.
import { SCHEMA_VERSION } from '../../../shared/doc/schema';
import { asInteractionId, readInteraction, type Interaction } from '../../../shared/domain';
import { LOCAL_JOURNAL_DATABASE } from '../../../shared/platform';

/**
 * The journal's first page as plain data, kept in a small database of its own beside the
 * Yjs store, so that opening can show it at once while the whole document still loads.
 * It is only ever a preview: the document stays the one source of truth, and a preview
 * that is missing, unreadable or of another format is simply not shown.
 */
export interface JournalPreview {
  /** The newest interactions (at most PREVIEW_PAGE), newest first. */
  readonly interactions: readonly Interaction[];
  /** How many interactions the journal held. */
  readonly count: number;
  readonly hasSample: boolean;
  /** When it was written (ISO 8601). */
  readonly writtenAt: string;
}

/** The layout of the stored record; a preview of any other format is ignored. */
export const PREVIEW_FORMAT = 1;
/** As many interactions as the timeline draws at first. */
export const PREVIEW_PAGE = 100;

const STORE = 'preview';
/** Interactions logged before the journal had opened (see pendingCaptures.ts). */
export const CAPTURES_STORE = 'captures';
const KEY = 'journal';
/** Version 2 added the captures store. */
const DATABASE_VERSION = 2;

export const previewDatabaseName = (journalName: string) => `${journalName}-preview`;

/**
 * An interaction as the preview keeps it: the plain snapshot object. It is read back with the
 * same tolerant reader as the journal's records (the interaction's descriptor), so a preview
 * written by another version shows what it can and never breaks the first paint.
 */
const storedInteraction = z
  .record(z.string(), z.unknown())
  .refine((stored) => typeof stored.id === 'string' && stored.id.length > 0);

const storedSchema = z.object({
  format: z.literal(PREVIEW_FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  writtenAt: z.string(),
  count: z.number().int().nonnegative(),
  hasSample: z.boolean(),
  interactions: z.array(storedInteraction).max(PREVIEW_PAGE),
});

/** What is written: the interactions as plain snapshot objects. */
type StoredPreview = Omit<z.input<typeof storedSchema>, 'interactions'> & {
  readonly interactions: readonly Interaction[];
};

export interface PreviewOptions {
  /** The journal's database name; the preview lives in `${name}-preview`. */
  readonly name?: string;
  readonly indexedDB?: IDBFactory;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens the preview database; with `create` false, a missing one is null (and not made). */
function openPreviewDatabase(
  factory: IDBFactory,
  name: string,
  create: boolean,
): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const open = factory.open(previewDatabaseName(name), DATABASE_VERSION);
    let aborted = false;
    open.onupgradeneeded = () => {
      if (create) {
        for (const store of [STORE, CAPTURES_STORE]) {
          if (!open.result.objectStoreNames.contains(store)) open.result.createObjectStore(store);
        }
      } else {
        aborted = true;
        open.transaction?.abort();
      }
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => (aborted ? resolve(null) : reject(open.error ?? new Error('open failed')));
    open.onblocked = () => reject(new Error('The preview database is blocked.'));
  });
}

/** IndexedDB where there is one (absent in some private modes and outside browsers). */
const browserIndexedDB = () => (globalThis as { indexedDB?: IDBFactory }).indexedDB;

/** Runs `run` on the preview store in one transaction, and closes the database after. */
function withStore<T>(
  options: PreviewOptions,
  mode: IDBTransactionMode,
  /** The one request to make, or null to make none after all. */
  run: (store: IDBObjectStore) => IDBRequest<T> | null,
): Promise<T | null> {
  return withPreviewStore(options, STORE, mode, run);
}

/**
 * Runs `run` on one store of the preview database in one transaction, and closes the database
 * after; null where there is no IndexedDB, or (reading) no database yet.
 */
export async function withPreviewStore<T>(
  { name = LOCAL_JOURNAL_DATABASE, indexedDB = browserIndexedDB() }: PreviewOptions,
  storeName: string,
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T> | null,
): Promise<T | null> {
  if (!indexedDB) return null;
  const db = await openPreviewDatabase(indexedDB, name, mode === 'readwrite');
  if (!db) return null;
  try {
    // A capture is a person's words: stored for sure; a preview can be written again.
    const durability = storeName === STORE ? 'relaxed' : 'strict';
    const transaction = db.transaction(storeName, mode, { durability });
    const done = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onabort = transaction.onerror = () =>
        reject(transaction.error ?? new Error('The preview was not stored.'));
    });
    // Handled even when the request fails first (and is what is thrown).
    done.catch(() => undefined);
    const req = run(transaction.objectStore(storeName));
    if (!req) {
      transaction.abort();
      await done.catch(() => undefined);
      return null;
    }
    const result = await request(req);
    await done;
    return result;
  } finally {
    db.close();
  }
}

/**
 * How long the first paint waits for the preview. A busy machine's first IndexedDB read can
 * take over a second; storage that takes longer than this is treated as having none.
 */
const PREVIEW_READ_TIMEOUT_MS = 2500;

/**
 * Reads the stored preview, or null when there is none, it cannot be read within
 * `timeoutMs`, or it is not one this version wrote. Never rejects: a preview is optional.
 */
export async function readJournalPreview(
  options: PreviewOptions & { readonly timeoutMs?: number } = {},
): Promise<JournalPreview | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(resolve, options.timeoutMs ?? PREVIEW_READ_TIMEOUT_MS, null);
  });
  try {
    const stored = withStore<unknown>(options, 'readonly', (store) => store.get(KEY));
    const value = await Promise.race([stored.catch(() => null), timeout]);
    const parsed = storedSchema.safeParse(value);
    if (!parsed.success) return null;
    const { interactions: kept, count, hasSample, writtenAt } = parsed.data;
    const interactions = kept.map((fields) =>
      readInteraction(asInteractionId(String(fields.id)), (key) => fields[key]),
    );
    return {
      interactions,
      count: Math.max(count, interactions.length),
      hasSample,
      writtenAt,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Forgets the stored preview (before the journal is replaced by a backup). */
export async function clearJournalPreview(options: PreviewOptions = {}): Promise<void> {
  await withStore(options, 'readwrite', (store) => store.delete(KEY));
}

/** What is stored for `journal` now: a slice of its sorted list, never a pass over all of it. */
export function previewOf(journal: JournalDoc, now = new Date()): StoredPreview {
  const snapshot = journal.getSnapshot();
  return {
    format: PREVIEW_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    writtenAt: now.toISOString(),
    count: snapshot.interactions.length,
    hasSample: snapshot.hasSample,
    interactions: snapshot.interactions.slice(0, PREVIEW_PAGE),
  };
}

type PageEvents = Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
type DocumentEvents = Partial<
  Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>
>;

export interface KeepOptions extends PreviewOptions {
  /** Quiet time after a change before the preview is rewritten. */
  readonly delayMs?: number;
  /** Delay of the first write after the journal has opened. */
  readonly firstDelayMs?: number;
  /** Where pagehide and visibilitychange are heard (the window and document in the app). */
  readonly window?: PageEvents;
  readonly document?: DocumentEvents;
  readonly now?: () => Date;
}

export interface PreviewKeeper {
  /** Writes now if anything changed since the last write; resolves when stored. */
  flush(): Promise<void>;
  /** Stops writing (pending changes are dropped); resolves once a write in flight is done. */
  stop(): Promise<void>;
}

/**
 * Keeps the stored preview in step with an open journal: written shortly after it opens,
 * then after every change once the journal has been quiet for `delayMs`, and at once when
 * the page is hidden or left. At most one write is in flight; changes made meanwhile are
 * written after it. Failures are ignored (the next change tries again): a preview is
 * optional, and typing must never wait for it.
 */
export function keepJournalPreview(journal: JournalDoc, options: KeepOptions = {}): PreviewKeeper {
  const {
    delayMs = 1000,
    firstDelayMs = 200,
    window: page = globalThis,
    document: doc = (globalThis as { document?: DocumentEvents }).document,
    now = () => new Date(),
  } = options;
  let dirty = true;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;

  const write = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (stopped || !dirty) return inFlight ?? Promise.resolve();
    if (inFlight) return inFlight.then(write);
    dirty = false;
    const preview = previewOf(journal, now());
    // Stopped while the database was opening: the journal is being replaced, write nothing.
    inFlight = withStore(options, 'readwrite', (store) =>
      stopped ? null : store.put(preview, KEY),
    )
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void write(), ms);
  };
  const onChange = () => {
    dirty = true;
    schedule(delayMs);
  };
  const onHide = () => {
    if (dirty) void write();
  };
  const onVisibility = () => {
    if (doc?.visibilityState === 'hidden') onHide();
  };

  const unsubscribe = journal.subscribe(onChange);
  page.addEventListener?.('pagehide', onHide);
  doc?.addEventListener?.('visibilitychange', onVisibility);
  schedule(firstDelayMs);

  return {
    flush: write,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      page.removeEventListener?.('pagehide', onHide);
      doc?.removeEventListener?.('visibilitychange', onVisibility);
      await inFlight;
    },
  };
}
