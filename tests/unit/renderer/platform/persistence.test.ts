import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { JournalDoc } from '../../../../shared/doc';
import type { Interaction, InteractionFields } from '../../../../shared/domain';
import type { SaveState } from '../../../../renderer/src/platform/deviceWrites';
import { openLocalStore, type LocalStore } from '../../../../renderer/src/platform/persistence';
import { StorageError } from '../../../../renderer/src/platform/storageErrors';
import { aConference, anInteraction, anUnratedMessage } from '../../../fixtures/interactions';
import {
  blockedFactory,
  createForeignDatabase,
  failingFactory,
  hangingFactory,
  installFreshIndexedDB,
  objectStoresOf,
  settled,
  throwingFactory,
} from './indexedDbFakes';

const NAME = 'relevant-journal-test';

let factory: IDBFactory;

beforeEach(() => {
  factory = installFreshIndexedDB();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

type Entry = readonly [InteractionFields, readonly string[]];

const ENTRIES: readonly Entry[] = [
  [
    anInteraction(),
    ['Ana knows the head of operations at Acme Foods.', 'Ask about the night shift — ¿cuándo?'],
  ],
  [aConference(), ['Too many sales pitches; Chidi was the exception.']],
  [anUnratedMessage(), []],
];

/** Opens the stored journal, lets `run` work on it, and closes it again as the app does. */
async function withStoredJournal<T>(
  run: (journal: JournalDoc, store: LocalStore) => T | Promise<T>,
  name = NAME,
): Promise<T> {
  const ydoc = new Y.Doc();
  const store = await openLocalStore(name, ydoc, { timeoutMs: 5_000 });
  const journal = new JournalDoc(ydoc);
  try {
    return await run(journal, store);
  } finally {
    journal.destroy();
    await store.destroy();
    ydoc.destroy();
  }
}

/** Stores the given interactions (with reflections) and returns what the journal showed. */
function storeEntries(entries: readonly Entry[] = ENTRIES, name = NAME) {
  return withStoredJournal((journal) => {
    for (const [fields, reflection] of entries) journal.addInteraction(fields, { reflection });
    return journal.getSnapshot().interactions;
  }, name);
}

const storedInteractions = (name = NAME): Promise<readonly Interaction[]> =>
  withStoredJournal((journal) => journal.getSnapshot().interactions, name);

/** The StorageError that `promise` rejects with (fails the test if it resolves). */
async function storageErrorOf(promise: Promise<unknown>): Promise<StorageError> {
  const error: unknown = await promise.then(
    () => new Error('expected the open to fail, but it succeeded'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

describe('openLocalStore: the journal survives a restart', () => {
  it('reloads every interaction with its fields and reflection text', async () => {
    const before = await storeEntries();
    expect(before).toHaveLength(3);

    const after = await storedInteractions();
    expect(after).toEqual(before);
    expect(after.map((item) => item.title)).toEqual([
      'Thank-you note to Ben',
      'Food Manufacturing Summit – day 1',
      'Coffee with Ana Lopez',
    ]);
    const coffee = after.find((item) => item.title === 'Coffee with Ana Lopez');
    expect(coffee?.reflectionText).toBe(
      'Ana knows the head of operations at Acme Foods.\nAsk about the night shift — ¿cuándo?',
    );
    expect(coffee?.people).toEqual(['Ana Lopez']);
    expect(coffee?.relevance).toBe(4);
  });

  it('stores later edits and deletions, not only what was there when it opened', async () => {
    await storeEntries();
    await withStoredJournal((journal) => {
      const [message, conference] = journal.getSnapshot().interactions;
      if (!message || !conference) throw new Error('stored interactions missing');
      journal.updateInteraction(message.id, { relevance: 2, outcome: 'Ben replied warmly' });
      journal.deleteInteraction(conference.id);
    });

    const after = await storedInteractions();
    expect(after.map((item) => item.title)).toEqual([
      'Thank-you note to Ben',
      'Coffee with Ana Lopez',
    ]);
    expect(after[0]).toMatchObject({ relevance: 2, outcome: 'Ben replied warmly' });
  });

  it('reads every stored update when there are more than one read asks for', async () => {
    // Each interaction logged is stored as an update of its own: 11 updates, read a few at a
    // time, the later ones asked for as the earlier arrive.
    const titles = Array.from({ length: 11 }, (_, index) => `Coffee number ${index + 1}`);
    await withStoredJournal((journal) => {
      for (const title of titles) journal.addInteraction(anInteraction({ title }));
    });
    const after = await storedInteractions();
    expect(after.map((item) => item.title).sort()).toEqual([...titles].sort());
    // And what is changed afterwards is stored after them, not over them.
    await withStoredJournal((journal) => {
      const last = journal.getSnapshot().interactions.find((item) => item.title === titles[10]);
      if (!last) throw new Error('stored interaction missing');
      journal.updateInteraction(last.id, { title: 'Coffee number 11, edited' });
    });
    expect((await storedInteractions()).map((item) => item.title)).toContain(
      'Coffee number 11, edited',
    );
    expect(await storedInteractions()).toHaveLength(11);
  });

  it('keeps journals stored under different names apart', async () => {
    await storeEntries([[anInteraction({ title: 'Only in A' }), []]], 'journal-a');
    await storeEntries([[anInteraction({ title: 'Only in B' }), []]], 'journal-b');

    expect((await storedInteractions('journal-a')).map((item) => item.title)).toEqual([
      'Only in A',
    ]);
    expect((await storedInteractions('journal-b')).map((item) => item.title)).toEqual([
      'Only in B',
    ]);
  });

  it('opens an empty journal on first use and creates the stores y-indexeddb needs', async () => {
    expect(await objectStoresOf(factory, NAME)).toBeNull();
    expect(await storedInteractions()).toEqual([]);
    expect(await objectStoresOf(factory, NAME)).toEqual(['custom', 'updates']);
  });
});

describe('openLocalStore: failures a person can act on', () => {
  it('reports a browser without IndexedDB as unavailable', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const error = await storageErrorOf(openLocalStore(NAME, new Y.Doc()));
    expect(error.problem).toBe('unavailable');
    expect(error.message).toMatch(/private browsing/);
    expect(error.message).toMatch(/desktop app/);
  });

  it('reports an open that throws (a private window) as unavailable, naming the cause', async () => {
    const denied = new DOMException('The operation is insecure.', 'SecurityError');
    const error = await storageErrorOf(
      openLocalStore(NAME, new Y.Doc(), { indexedDB: throwingFactory(denied) }),
    );
    expect(error.problem).toBe('unavailable');
    expect(error.message).toContain('Allow site data for this page');
    expect(error.message).toContain('(SecurityError: The operation is insecure.)');
    expect(error.cause).toBe(denied);
  });

  it('reports a blocked open as held by another window', async () => {
    const error = await storageErrorOf(
      openLocalStore(NAME, new Y.Doc(), { indexedDB: blockedFactory() }),
    );
    expect(error.problem).toBe('blocked');
    expect(error.message).toMatch(/Close the other windows of Relevant/);
  });

  it('gives up on an open that never answers after timeoutMs, instead of hanging', async () => {
    const started = performance.now();
    const error = await storageErrorOf(
      openLocalStore(NAME, new Y.Doc(), { indexedDB: hangingFactory(), timeoutMs: 80 }),
    );
    const elapsed = performance.now() - started;
    expect(error.problem).toBe('timeout');
    expect(error.message).toMatch(/did not answer in time/);
    expect(elapsed).toBeGreaterThanOrEqual(70);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('gives up in time when the real open waits behind another window’s pending upgrade', async () => {
    await storeEntries();
    // Another window holds the journal open and ignores the request to upgrade it, so the
    // upgrade waits, and every later open waits behind it.
    const holder = await settled(factory.open(NAME));
    const upgrade = factory.open(NAME, 2);
    upgrade.onerror = () => undefined;

    const error = await storageErrorOf(openLocalStore(NAME, new Y.Doc(), { timeoutMs: 100 }));
    expect(error.problem).toBe('timeout');

    holder.close();
    (await settled(upgrade)).close();
  });

  it('reports a full disk while opening as quota', async () => {
    const full = new DOMException('Quota exceeded.', 'QuotaExceededError');
    const error = await storageErrorOf(
      openLocalStore(NAME, new Y.Doc(), { indexedDB: failingFactory(full) }),
    );
    expect(error.problem).toBe('quota');
    expect(error.message).toMatch(/full/);
    expect(error.message).toMatch(/Free some space/);
  });

  it('reports a database without the journal’s object stores as unreadable, quickly', async () => {
    await createForeignDatabase(factory, NAME, []);
    const started = performance.now();
    const error = await storageErrorOf(openLocalStore(NAME, new Y.Doc(), { timeoutMs: 5_000 }));
    expect(error.problem).toBe('unreadable');
    expect(error.message).toMatch(/could not be read/);
    expect(error.message).toMatch(/Nothing was changed or deleted/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('leaves a damaged database as it found it, with its data', async () => {
    await createForeignDatabase(factory, NAME, ['notes']);
    const error = await storageErrorOf(openLocalStore(NAME, new Y.Doc(), { timeoutMs: 5_000 }));
    expect(error.problem).toBe('unreadable');

    expect(await objectStoresOf(factory, NAME)).toEqual(['notes']);
    const db = await settled(factory.open(NAME));
    const kept: unknown = await settled(db.transaction('notes').objectStore('notes').get('record'));
    db.close();
    expect(kept).toBe('kept');
  });
});

describe('openLocalStore: a failed open never empties the journal', () => {
  it('keeps the stored interactions after a blocked open', async () => {
    const before = await storeEntries();
    await storageErrorOf(openLocalStore(NAME, new Y.Doc(), { indexedDB: blockedFactory() }));
    expect(await storedInteractions()).toEqual(before);
  });

  it('keeps them when y-indexeddb itself is too slow and the open times out', async () => {
    const before = await storeEntries();
    // The probe answers at once; y-indexeddb's own open (through the global) only after
    // the time limit, so the open fails while y-indexeddb is still loading.
    const real = factory;
    let lateOpen: Promise<void> = Promise.resolve();
    const slow = {
      open: (name: string) => {
        const request = { onsuccess: null, onerror: null, onupgradeneeded: null } as {
          onsuccess: ((event: Event) => void) | null;
          onerror: ((event: Event) => void) | null;
          onupgradeneeded: ((event: Event) => void) | null;
        };
        lateOpen = new Promise((resolve) => {
          setTimeout(() => {
            const inner = real.open(name);
            inner.onupgradeneeded = (event) => request.onupgradeneeded?.(event);
            inner.onerror = (event) => request.onerror?.(event);
            inner.onsuccess = (event) => {
              request.onsuccess?.(event);
              resolve();
            };
          }, 150);
        });
        return request;
      },
    };
    vi.stubGlobal('indexedDB', slow);

    const ydoc = new Y.Doc();
    const error = await storageErrorOf(
      openLocalStore(NAME, ydoc, { indexedDB: real, timeoutMs: 30 }),
    );
    expect(error.problem).toBe('timeout');
    await lateOpen;
    await new Promise((resolve) => setTimeout(resolve, 50));
    vi.unstubAllGlobals();
    globalThis.indexedDB = real;

    expect(await storedInteractions()).toEqual(before);
  });
});

describe('openLocalStore in a browser: y-indexeddb’s unhandled rejections while opening', () => {
  type RejectionListener = (event: PromiseRejectionEvent) => void;

  /** Installs window-like add/removeEventListener that reject `reason` as soon as one listens. */
  function rejectWhileOpening(reason: unknown) {
    const listeners = new Set<RejectionListener>();
    vi.stubGlobal('addEventListener', (type: string, listener: RejectionListener) => {
      if (type !== 'unhandledrejection') return;
      listeners.add(listener);
      queueMicrotask(() => listener({ reason } as PromiseRejectionEvent));
    });
    vi.stubGlobal('removeEventListener', (type: string, listener: RejectionListener) => {
      if (type === 'unhandledrejection') listeners.delete(listener);
    });
    return listeners;
  }

  it('fails the open as unreadable instead of waiting for the time limit', async () => {
    const before = await storeEntries();
    const listeners = rejectWhileOpening(new Error('Error: DataError: the data is damaged'));
    const started = performance.now();
    const error = await storageErrorOf(openLocalStore(NAME, new Y.Doc(), { timeoutMs: 5_000 }));
    expect(error.problem).toBe('unreadable');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(listeners.size).toBe(0);

    vi.unstubAllGlobals();
    globalThis.indexedDB = factory;
    expect(await storedInteractions()).toEqual(before);
  });

  it('fails the open as quota when the rejection says the storage is full', async () => {
    // y-indexeddb wraps the browser's DOMException into a plain Error with its text.
    rejectWhileOpening(new Error('QuotaExceededError: The quota has been exceeded.'));
    const error = await storageErrorOf(openLocalStore(NAME, new Y.Doc(), { timeoutMs: 5_000 }));
    expect(error.problem).toBe('quota');
  });
});

describe('openLocalStore: later write failures', () => {
  /**
   * Makes writes fail the way a full disk does in Chromium: the request succeeds, then the
   * transaction aborts with a QuotaExceededError when it commits, so no promise rejects.
   */
  function failWritesAsQuotaExceeded() {
    const original = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'add')
      ?.value as IDBObjectStore['add'];
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      const request = original.apply(this, args);
      // fake-indexeddb's internal abort, which (unlike abort()) sets the transaction's error.
      const transaction = this.transaction as IDBTransaction & { _abort(name: string): void };
      request.addEventListener('success', () => transaction._abort('QuotaExceededError'));
      return request;
    });
  }

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('says a change could not be stored, to listeners until they unsubscribe', async () => {
    await storeEntries([[anInteraction({ title: 'Stored before the disk filled up' }), []]]);
    const ydoc = new Y.Doc();
    const store = await openLocalStore(NAME, ydoc, { retryDelaysMs: [60_000] });
    const journal = new JournalDoc(ydoc);
    const reported: SaveState[] = [];
    const unsubscribed: SaveState[] = [];
    store.onSaveStateChange((state) => reported.push(state));
    const unsubscribe = store.onSaveStateChange((state) => unsubscribed.push(state));
    unsubscribe();
    expect(store.saveState).toEqual({ saved: true });

    failWritesAsQuotaExceeded();
    journal.addInteraction(anInteraction({ title: 'Logged on a full disk' }));
    await vi.waitFor(() => expect(reported).toHaveLength(1), { timeout: 2_000 });
    await pause(50);

    expect(reported).toHaveLength(1);
    const [state] = reported;
    if (!state || state.saved) throw new Error('expected an unsaved state');
    expect(store.saveState).toBe(state);
    expect(state.error).toBeInstanceOf(StorageError);
    expect(state.error.problem).toBe('quota');
    expect(state.error.message).toMatch(/is full, so your journal cannot be saved/);
    expect(state.error.message).toContain('QuotaExceededError');
    expect(unsubscribed).toEqual([]);

    // Closed while the disk is still full: one more try, which fails too.
    journal.destroy();
    await store.destroy();
    ydoc.destroy();
    vi.restoreAllMocks();
    // Why the person must be told: the change is not on disk.
    expect((await storedInteractions()).map((item) => item.title)).toEqual([
      'Stored before the disk filled up',
    ]);
  });
});
