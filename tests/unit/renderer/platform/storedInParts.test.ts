import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { JournalDoc, ORIGIN } from '../../../../shared/doc';
import {
  openLocalStore,
  SPLIT_ABOVE_BYTES,
  splitHere,
  type OpenOptions,
} from '../../../../renderer/src/platform/persistence';
import { anInteraction, novemberAt } from '../../../fixtures/interactions';
import { installFreshIndexedDB, settled } from './indexedDbFakes';

const NAME = 'relevant-journal-parts-test';

let factory: IDBFactory;

beforeEach(() => {
  factory = installFreshIndexedDB();
});

/** A journal large enough that its one update must be split: 1,500 interactions with notes. */
function aLargeJournal(): JournalDoc {
  const journal = new JournalDoc();
  journal.ydoc.transact(() => {
    for (let n = 0; n < 1500; n++) {
      journal.addInteraction(
        anInteraction({
          title: `Coffee ${n}`,
          startedAt: novemberAt(1 + (n % 28)),
          outcome: `A long outcome ${n} `.repeat(12),
        }),
      );
    }
  });
  return journal;
}

/** The updates y-indexeddb keeps for a journal, in key order. */
async function storedUpdates(name = NAME): Promise<Uint8Array[]> {
  const db = await settled(factory.open(name));
  try {
    return (await settled(
      db.transaction('updates', 'readonly').objectStore('updates').getAll(),
    )) as Uint8Array[];
  } finally {
    db.close();
  }
}

/** Stores `update` as y-indexeddb would have: one entry in the updates store. */
async function storeAsOneUpdate(update: Uint8Array, name = NAME): Promise<void> {
  const ydoc = new Y.Doc();
  const store = await openLocalStore(name, ydoc);
  Y.applyUpdate(ydoc, update, ORIGIN.remote);
  await store.flush();
  await store.destroy();
}

/** Opens the stored journal, counting the pauses between parts and the largest applied. */
async function openCounting(options: OpenOptions = {}) {
  const ydoc = new Y.Doc();
  let pauses = 0;
  let largest = 0;
  ydoc.on('beforeTransaction', () => undefined);
  ydoc.on('afterTransaction', (transaction: Y.Transaction) => {
    let size = 0;
    for (const [client, clock] of transaction.afterState) {
      size += clock - (transaction.beforeState.get(client) ?? 0);
    }
    largest = Math.max(largest, size);
  });
  const store = await openLocalStore(NAME, ydoc, {
    pause: () => {
      pauses++;
      return Promise.resolve();
    },
    ...options,
  });
  return { ydoc, store, pauses: () => pauses, largest: () => largest };
}

describe('a journal stored in parts', () => {
  it('a journal stored as one large update opens part by part, with a pause after each', async () => {
    const journal = aLargeJournal();
    const whole = journal.encode();
    expect(whole.length).toBeGreaterThan(SPLIT_ABOVE_BYTES);
    await storeAsOneUpdate(whole);
    let splits = 0;
    const opened = await openCounting({
      split: (update) => {
        splits++;
        return splitHere(update);
      },
    });
    try {
      expect(splits).toBe(1);
      expect(opened.pauses()).toBeGreaterThan(5);
      // No single apply brought in more than a part's share of the journal's items.
      expect(opened.largest()).toBeLessThan(Y.decodeUpdate(whole).structs.length / 4);
      const reopened = new JournalDoc(opened.ydoc);
      expect(reopened.getSnapshot().interactions).toEqual(journal.getSnapshot().interactions);
    } finally {
      await opened.store.destroy();
    }
  });

  it('compacting rewrites the stored journal as parts, which open the same without splitting', async () => {
    const journal = aLargeJournal();
    await storeAsOneUpdate(journal.encode());
    const first = await openCounting();
    expect(await first.store.compact()).toBe('compacted');
    expect(await first.store.compact()).toBe('unneeded');
    await first.store.destroy();
    const parts = await storedUpdates();
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(SPLIT_ABOVE_BYTES);

    const second = await openCounting({
      split: () => Promise.reject(new Error('nothing should need splitting now')),
    });
    try {
      expect(new JournalDoc(second.ydoc).getSnapshot().interactions).toEqual(
        journal.getSnapshot().interactions,
      );
    } finally {
      await second.store.destroy();
    }
  });

  it('a change made while compacting stops it and nothing stored is lost', async () => {
    await storeAsOneUpdate(aLargeJournal().encode());
    const ydoc = new Y.Doc();
    const journal = new JournalDoc(ydoc);
    let compacting = 0;
    const store = await openLocalStore(NAME, ydoc, {
      pause: () => {
        // Halfway through compacting, the person logs an interaction.
        if (compacting > 0 && ++compacting === 3) {
          journal.addInteraction(anInteraction({ title: 'Logged meanwhile' }));
        }
        return Promise.resolve();
      },
    });
    compacting = 1;
    const before = await storedUpdates();
    const result = await store.compact();
    await store.flush();
    await store.destroy();
    expect(result).toBe('changed');
    expect((await storedUpdates()).length).toBe(before.length + 1);
    const reopened = await openCounting();
    try {
      const titles = new JournalDoc(reopened.ydoc).getSnapshot().interactions.map((i) => i.title);
      expect(titles).toContain('Logged meanwhile');
      expect(titles).toHaveLength(1501);
    } finally {
      await reopened.store.destroy();
    }
  });

  it('changes another window stored after this one read the journal are loaded too', async () => {
    const journal = aLargeJournal();
    await storeAsOneUpdate(journal.encode());
    // Another window adds an interaction between this window's read and y-indexeddb's.
    const other = new Y.Doc();
    Y.applyUpdate(other, journal.encode());
    const otherJournal = new JournalDoc(other);
    const updates: Uint8Array[] = [];
    other.on('update', (update: Uint8Array) => updates.push(update));
    otherJournal.addInteraction(anInteraction({ title: 'From the other window' }));
    const ydoc = new Y.Doc();
    const store = await openLocalStore(NAME, ydoc, {
      split: async (update) => {
        const db = await settled(factory.open(NAME));
        await settled(
          db.transaction('updates', 'readwrite').objectStore('updates').add(updates[0]),
        );
        db.close();
        return splitHere(update);
      },
    });
    try {
      const titles = new JournalDoc(ydoc).getSnapshot().interactions.map((i) => i.title);
      expect(titles).toContain('From the other window');
    } finally {
      await store.destroy();
    }
  });
});
