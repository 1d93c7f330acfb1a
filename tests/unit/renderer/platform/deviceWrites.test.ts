import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { JournalDoc } from '../../../../shared/doc';
import type { Interaction, InteractionId } from '../../../../shared/domain';
import type { SaveState } from '../../../../renderer/src/platform/deviceWrites';
import { openLocalStore, type LocalStore } from '../../../../renderer/src/platform/persistence';
import { anInteraction } from '../../../fixtures/interactions';
import { seededRandom } from '../../../fixtures/random';
import { recordSoakFigure } from '../../../soak/figures';
import { installFreshIndexedDB } from './indexedDbFakes';
import { injectStorageFaults } from './storageFaults';

const NAME = 'relevant-journal-heal';
/** Quick retries: the tests wait for the healing, not for a person. */
const RETRY_DELAYS_MS = [0, 5, 10];

beforeEach(() => {
  installFreshIndexedDB();
});

afterEach(() => {
  vi.restoreAllMocks();
});

interface Open {
  readonly journal: JournalDoc;
  readonly store: LocalStore;
  close(): Promise<void>;
}

async function openJournal(): Promise<Open> {
  const ydoc = new Y.Doc();
  const store = await openLocalStore(NAME, ydoc, {
    timeoutMs: 5_000,
    retryDelaysMs: RETRY_DELAYS_MS,
  });
  const journal = new JournalDoc(ydoc);
  return {
    journal,
    store,
    async close() {
      journal.destroy();
      await store.destroy();
      ydoc.destroy();
    },
  };
}

/** What a person would check: every interaction with every field, in the journal's order. */
const shown = (journal: JournalDoc): readonly Interaction[] => journal.getSnapshot().interactions;

/**
 * Resolves once every write has finished and the store says every change is saved (it
 * retries on its own): a write under way can still fail.
 */
async function untilSaved(store: LocalStore): Promise<void> {
  await vi.waitFor(
    async () => {
      await store.flush();
      expect(store.saveState.saved).toBe(true);
    },
    { timeout: 5_000, interval: 5 },
  );
}

/** The titles of the stored journal, opened again, in alphabetical order. */
async function titlesStored(): Promise<string[]> {
  const again = await openJournal();
  const titles = shown(again.journal).map((item) => item.title);
  await again.close();
  return titles.sort();
}

describe('device storage that heals after a failed write', () => {
  it('keeps every change made after a write failed, once writing works again', async () => {
    const first = await openJournal();
    const ids = ['Coffee with Ana Lopez', 'Call with Ben', 'Lunch with Chidi'].map((title) =>
      first.journal.addInteraction(anInteraction({ title })),
    );
    await first.store.flush();
    const faults = injectStorageFaults(() => 0, 1);
    const states: SaveState[] = [];
    first.store.onSaveStateChange((state) => states.push(state));
    // The disk fills up: this change cannot be written...
    first.journal.updateInteraction(ids[0] as InteractionId, { relevance: 5 });
    await vi.waitFor(() => expect(first.store.saveState.saved).toBe(false));
    const unsaved = first.store.saveState;
    expect(unsaved.saved ? null : unsaved.error.problem).toBe('quota');
    // ...space is freed, and the person goes on working.
    faults.rate = 0;
    first.journal.updateInteraction(ids[1] as InteractionId, { outcome: 'An intro to Dana' });
    first.journal.deleteInteraction(ids[2] as InteractionId);
    await untilSaved(first.store);
    expect(states.at(-1)).toEqual({ saved: true });
    const before = shown(first.journal);
    await first.close();

    const again = await openJournal();
    expect(shown(again.journal)).toEqual(before);
    expect(shown(again.journal).map((item) => [item.title, item.relevance])).toEqual(
      expect.arrayContaining([
        ['Coffee with Ana Lopez', 5],
        ['Call with Ben', expect.anything()],
      ]),
    );
    expect(again.journal.get(ids[1] as InteractionId)?.outcome).toBe('An intro to Dana');
    expect(again.journal.get(ids[2] as InteractionId)).toBeUndefined();
    await again.close();
  });

  it('stays unsaved and keeps trying while every write fails, then heals on its own', async () => {
    const open = await openJournal();
    const faults = injectStorageFaults(() => 0, 1);
    open.journal.addInteraction(anInteraction({ title: 'Logged on a full disk' }));
    await vi.waitFor(() => {
      const state = open.store.saveState;
      expect(state.saved ? 0 : state.attempts).toBeGreaterThanOrEqual(3);
    });
    expect(open.store.saveState.saved).toBe(false);
    faults.rate = 0;
    await untilSaved(open.store);
    await open.close();

    const again = await openJournal();
    expect(shown(again.journal).map((item) => item.title)).toEqual(['Logged on a full disk']);
    await again.close();
  });

  it('keeps what another window stored that this one had not received, when it writes whole', async () => {
    const open = await openJournal();
    open.journal.addInteraction(anInteraction({ title: 'Logged in this window' }));
    await open.store.flush();
    // Another window of the journal stores a change; it has not reached this one (yet).
    const other = new JournalDoc();
    other.addInteraction(anInteraction({ title: 'Logged in the other window' }));
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(NAME);
      request.onsuccess = () => {
        const transaction = request.result.transaction('updates', 'readwrite');
        transaction.objectStore('updates').add(other.encode());
        transaction.oncomplete = () => {
          request.result.close();
          resolve();
        };
        transaction.onabort = () => reject(new Error('not stored'));
      };
    });
    // A write fails here, so this window writes the whole journal.
    const faults = injectStorageFaults(() => 0, 1);
    open.journal.addInteraction(anInteraction({ title: 'Logged as a write failed' }));
    await vi.waitFor(() => expect(open.store.saveState.saved).toBe(false));
    faults.rate = 0;
    await untilSaved(open.store);
    await open.close();

    expect(await titlesStored()).toEqual([
      'Logged as a write failed',
      'Logged in the other window',
      'Logged in this window',
    ]);
  });

  it('writes through a new connection when the browser closed the one it had', async () => {
    const open = await openJournal();
    open.journal.addInteraction(anInteraction({ title: 'Before the connection closed' }));
    await open.store.flush();
    // The first write closes the connection: its two draws are "fail" and "the last kind".
    let draws = 0;
    injectStorageFaults(() => (++draws <= 2 ? 0.99 : 1), 1);
    const states: SaveState[] = [];
    open.store.onSaveStateChange((state) => states.push(state));
    open.journal.addInteraction(anInteraction({ title: 'Written as it closed' }));
    open.journal.addInteraction(anInteraction({ title: 'After it closed' }));
    await vi.waitFor(() => expect(states.at(-1)).toEqual({ saved: true }));
    const failed = states.find((state) => !state.saved);
    expect(failed?.saved === false && failed.error.problem).toBe('unwritable');
    await open.close();

    expect(await titlesStored()).toEqual([
      'After it closed',
      'Before the connection closed',
      'Written as it closed',
    ]);
  });
});

/** How many operations the soak below runs (`npm run soak` runs 10,000). */
const OPERATIONS = Number(process.env.RELEVANT_SOAK_OPERATIONS ?? 1_000);
/** Operations between two reopenings. */
const PER_OPENING = 250;

describe('soak: random write faults never lose a change once writing works again', () => {
  it(`${OPERATIONS} operations, a fifth of the writes failing, reopened every ${PER_OPENING}`, async () => {
    const seededSource = seededRandom(20261206);
    const random = () => seededSource.next();
    let open = await openJournal();
    let wentUnsaved = 0;
    const watch = (store: LocalStore) =>
      store.onSaveStateChange((state) => {
        if (!state.saved) wentUnsaved++;
      });
    watch(open.store);
    const ids: InteractionId[] = [];
    const injected = { quota: 0, abort: 0, closed: 0 };
    for (let done = 0; done < OPERATIONS;) {
      const faults = injectStorageFaults(random, 0.2);
      for (let step = 0; step < PER_OPENING && done < OPERATIONS; step++, done++) {
        const roll = random();
        const target = ids[Math.floor(random() * ids.length)];
        if (roll < 0.3 || !target) {
          ids.push(open.journal.addInteraction(anInteraction({ title: `Interaction ${done}` })));
        } else if (roll < 0.9) {
          open.journal.updateInteraction(target, {
            relevance: ((done % 5) + 1) as 1 | 2 | 3 | 4 | 5,
            outcome: `Outcome at step ${done}`,
          });
        } else {
          open.journal.deleteInteraction(target);
          ids.splice(ids.indexOf(target), 1);
        }
        // Now and then the page gets a moment, as between a person's actions.
        if (step % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      // Writing works again: everything must be stored, before and after reopening.
      faults.rate = 0;
      for (const kind of ['quota', 'abort', 'closed'] as const) {
        injected[kind] += faults.injected[kind];
      }
      await untilSaved(open.store);
      const before = shown(open.journal);
      faults.restore();
      await open.close();
      open = await openJournal();
      watch(open.store);
      expect(shown(open.journal)).toEqual(before);
    }
    await open.close();
    recordSoakFigure({
      figure: `changes lost after ${OPERATIONS.toLocaleString('en')} operations with random IndexedDB faults (${injected.quota} quota, ${injected.abort} aborted, ${injected.closed} closed; ${Math.ceil(OPERATIONS / PER_OPENING)} reopenings)`,
      value: '0',
      target: '0',
      pass: true,
    });
    // The faults did happen, of every kind, and the store did notice.
    expect(injected.quota).toBeGreaterThan(0);
    expect(injected.abort).toBeGreaterThan(0);
    expect(injected.closed).toBeGreaterThan(0);
    expect(wentUnsaved).toBeGreaterThan(0);
  }, 600_000);
});
