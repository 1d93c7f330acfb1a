import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordSoakFigure } from '../../../soak/figures';
import * as Y from 'yjs';
import { JournalDoc, SCHEMA_VERSION } from '../../../../shared/doc';
import type { InteractionFields } from '../../../../shared/domain';
import {
  checkBackup,
  copyStoredJournal,
  JOURNAL_CHANGED_MARK,
  openJournalSession,
  replaceStoredJournal,
} from '../../../../renderer/src/platform/journalSession';
import { StorageError } from '../../../../renderer/src/platform/storageErrors';
import { aConference, anInteraction, anUnratedMessage } from '../../../fixtures/interactions';
import { createForeignDatabase, installFreshIndexedDB, objectStoresOf } from './indexedDbFakes';
import { injectStorageFaults } from './storageFaults';

const NAME = 'relevant-journal-test';

let factory: IDBFactory;

beforeEach(() => {
  factory = installFreshIndexedDB();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Opens the stored journal as the app does, runs `run` on it, and closes it again. */
async function inSession<T>(run: (journal: JournalDoc) => T): Promise<T> {
  const session = await openJournalSession(NAME);
  try {
    return run(session.journal);
  } finally {
    await session.close();
  }
}

const titles = (journal: JournalDoc) => journal.getSnapshot().interactions.map((i) => i.title);

const storedTitles = () => inSession(titles);

/** A backup as the app makes one: the encoded journal holding these interactions. */
function backupOf(...fields: InteractionFields[]): Uint8Array {
  const journal = new JournalDoc();
  journal.migrate();
  for (const item of fields) {
    journal.addInteraction(item, { reflection: [`Reflection on ${item.title}`] });
  }
  const bytes = journal.encode();
  journal.destroy();
  journal.ydoc.destroy();
  return bytes;
}

/** A backup file as the app writes one: the journal and its reflections document. */
function fileBackupOf(...fields: InteractionFields[]): Uint8Array {
  const journal = new JournalDoc();
  journal.migrate();
  const reflections = new Y.Doc();
  journal.attachReflections(reflections);
  for (const item of fields) {
    journal.addInteraction(item, { reflection: [`Reflection on ${item.title}`] });
  }
  const bytes = journal.encodeFile();
  journal.destroy();
  journal.ydoc.destroy();
  reflections.destroy();
  return bytes;
}

/** Bytes that are not a journal: what a person might pick by mistake, or a damaged file. */
function garbage(): Record<string, Uint8Array> {
  const backup = backupOf(anInteraction(), aConference());
  return {
    'no bytes at all': new Uint8Array(0),
    'a JSON file': new TextEncoder().encode('{"interactions":[{"title":"Coffee"}]}'),
    'a PNG image': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    'a backup cut off halfway': backup.slice(0, Math.floor(backup.length / 2)),
    'a backup missing its start': backup.slice(10),
    'a run of 0xff bytes': new Uint8Array(64).fill(0xff),
    // These two decode as Yjs updates that hold nothing (or only unresolvable parts).
    'a run of zero bytes': new Uint8Array(64),
    'a run of 0x01 bytes': new Uint8Array(64).fill(1),
  };
}

describe('openJournalSession', () => {
  it('opens an empty journal on first use, at the current schema and writable', async () => {
    await inSession((journal) => {
      expect(journal.getSnapshot().interactions).toEqual([]);
      expect(journal.readOnlyReason).toBeNull();
      expect(journal.ydoc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
    });
  });

  it('keeps what was logged, reflections included, after the session is closed', async () => {
    await inSession((journal) => {
      journal.addInteraction(anInteraction(), { reflection: ['She knows the plant in Vigo.'] });
      journal.addInteraction(anUnratedMessage());
    });
    await inSession((journal) => {
      expect(titles(journal)).toEqual(['Thank-you note to Ben', 'Coffee with Ana Lopez']);
      expect(journal.getSnapshot().interactions[1]?.reflectionText).toBe(
        'She knows the plant in Vigo.',
      );
    });
  });

  it('marks each change of the open journal for the Performance panel, keeping only the last', async () => {
    const marks = () => performance.getEntriesByName(JOURNAL_CHANGED_MARK);
    performance.clearMarks(JOURNAL_CHANGED_MARK);
    await inSession((journal) => {
      const before = performance.now();
      journal.addInteraction(anInteraction());
      expect(marks()).toHaveLength(1);
      expect(marks()[0]?.startTime).toBeGreaterThanOrEqual(before);
      journal.addInteraction(anUnratedMessage());
      expect(marks()).toHaveLength(1);
    });
  });

  it('opens a journal from a newer version of the app read-only, without losing it', async () => {
    const newer = new JournalDoc();
    newer.migrate();
    newer.addInteraction(anInteraction({ title: 'Logged by a newer Relevant' }));
    newer.ydoc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    await replaceStoredJournal(newer.encode(), NAME);

    await inSession((journal) => {
      expect(titles(journal)).toEqual(['Logged by a newer Relevant']);
      expect(journal.readOnlyReason).toMatch(/newer version of Relevant/);
      expect(() => journal.addInteraction(anUnratedMessage())).toThrow(/Update Relevant/);
    });
    await inSession((journal) => {
      expect(journal.ydoc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION + 1);
    });
  });

  it('fails with a StorageError on a damaged store, and leaves the store as it was', async () => {
    await createForeignDatabase(factory, NAME, ['leftovers']);
    const error: unknown = await openJournalSession(NAME).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).problem).toBe('unreadable');
    expect(await objectStoresOf(factory, NAME)).toEqual(['leftovers']);
  });
});

describe('checkBackup', () => {
  it('accepts a backup the app made, and one of an empty journal', () => {
    expect(() => checkBackup(backupOf(anInteraction(), aConference()))).not.toThrow();
    expect(() => checkBackup(backupOf())).not.toThrow();
  });

  it.each(Object.entries(garbage()))('refuses %s, saying nothing was changed', (_, bytes) => {
    expect(() => checkBackup(bytes)).toThrow(/nothing was changed/);
  });
});

describe('replaceStoredJournal', () => {
  it('replaces the stored journal with the backup’s, not a mix of both', async () => {
    await inSession((journal) => {
      journal.addInteraction(anInteraction({ title: 'Logged after the backup' }));
    });
    await replaceStoredJournal(
      backupOf(aConference(), anUnratedMessage({ title: 'Only in the backup' })),
      NAME,
    );

    await inSession((journal) => {
      expect(titles(journal)).toEqual(['Only in the backup', 'Food Manufacturing Summit – day 1']);
      expect(journal.getSnapshot().interactions[1]?.reflectionText).toBe(
        'Reflection on Food Manufacturing Summit – day 1',
      );
      expect(journal.readOnlyReason).toBeNull();
    });
  });

  it('restores onto a device that has no journal yet', async () => {
    await replaceStoredJournal(backupOf(anInteraction()), NAME);
    expect(await storedTitles()).toEqual(['Coffee with Ana Lopez']);
  });

  it('restores over a damaged store', async () => {
    await createForeignDatabase(factory, NAME, ['leftovers']);
    await replaceStoredJournal(backupOf(anInteraction()), NAME);
    expect(await storedTitles()).toEqual(['Coffee with Ana Lopez']);
  });

  it.each(Object.entries(garbage()))(
    'refuses %s and leaves the stored journal untouched',
    async (_, bytes) => {
      await inSession((journal) => {
        journal.addInteraction(anInteraction());
        journal.addInteraction(aConference());
      });
      await expect(replaceStoredJournal(bytes, NAME)).rejects.toThrow(/nothing was changed/);
      expect(await storedTitles()).toEqual([
        'Food Manufacturing Summit – day 1',
        'Coffee with Ana Lopez',
      ]);
    },
  );
});

describe('replaceStoredJournal on a failing disk', () => {
  /**
   * Fails the `nth` IndexedDB write from now on (1-based) the way `kind` says: a full disk's
   * abort at commit, or an aborted transaction; every other write works.
   */
  function failWrite(nth: number, kind: 'quota' | 'abort') {
    let writes = 0;
    let choosing = false;
    return injectStorageFaults(() => {
      if (choosing) {
        choosing = false;
        return kind === 'quota' ? 0 : 0.4; // the first or second kind of fault
      }
      choosing = ++writes === nth;
      return choosing ? 0 : 0.99;
    }, 0.5);
  }

  const before = ['Food Manufacturing Summit – day 1', 'Coffee with Ana Lopez'];

  async function storeTwo() {
    await inSession((journal) => {
      journal.addInteraction(anInteraction());
      journal.addInteraction(aConference());
    });
  }

  it('leaves the journal as it was when the disk is full, and says why', async () => {
    await storeTwo();
    // The first write goes to the staging copy (the backup has no reflections document); the
    // second replaces the journal itself.
    failWrite(2, 'quota');
    const error: unknown = await replaceStoredJournal(backupOf(anUnratedMessage()), NAME).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).problem).toBe('quota');
    expect((error as Error).message).toMatch(/full, so the backup was not restored/);
    expect((error as Error).message).toMatch(/Your journal was left as it was/);
    vi.restoreAllMocks();
    expect(await storedTitles()).toEqual(before);
  });

  it('puts the journal back when its reflections cannot be written after it', async () => {
    await storeTwo();
    // Staging: the journal, its reflections; then the journal itself, and its reflections.
    failWrite(4, 'abort');
    await expect(replaceStoredJournal(fileBackupOf(anUnratedMessage()), NAME)).rejects.toThrow(
      /was not restored/,
    );
    vi.restoreAllMocks();
    await inSession((journal) => {
      expect(titles(journal)).toEqual(before);
      expect(journal.readOnlyReason).toBeNull();
    });
  });

  it('loses the old journal in none of 100 restores failing at any write', async () => {
    await storeTwo();
    let lost = 0;
    for (let attempt = 0; attempt < 100; attempt++) {
      // Backups with and without a reflections document: 2 or 4 writes, each may fail.
      failWrite((attempt % 5) + 1, attempt % 3 === 0 ? 'quota' : 'abort');
      const fields = anUnratedMessage({ title: `Backup ${attempt}` });
      const backup = attempt % 2 === 0 ? fileBackupOf(fields) : backupOf(fields);
      const restored = await replaceStoredJournal(backup, NAME).then(
        () => true,
        () => false,
      );
      vi.restoreAllMocks();
      const now = await storedTitles();
      // Either the backup is in whole, or the journal is as it was: never less.
      if (restored) {
        expect(now).toEqual([`Backup ${attempt}`]);
        // Back to the journal the next attempts start from.
        await replaceStoredJournal(backupOf(aConference(), anInteraction()), NAME);
      } else if (now.join() !== before.join()) {
        lost++;
      }
    }
    recordSoakFigure({
      figure: 'restores under a full disk that lose the old journal',
      value: `${lost} of 100`,
      target: '0 of 100',
      pass: lost === 0,
    });
    expect(lost).toBe(0);
  });
});

describe('copyStoredJournal (the safety copy when the journal cannot be opened)', () => {
  it('copies what storage holds, reflections included, as a backup that restores it', async () => {
    const session = await openJournalSession(NAME);
    await session.openReflections();
    session.journal.addInteraction(anInteraction(), {
      reflection: ['Ana knows the plant manager.'],
    });
    session.journal.addInteraction(aConference());
    await session.close();

    const copy = await copyStoredJournal(NAME);
    if (!copy) throw new Error('expected a copy');
    await replaceStoredJournal(backupOf(anUnratedMessage({ title: 'Something else' })), NAME);
    await replaceStoredJournal(copy, NAME);
    const restored = await openJournalSession(NAME);
    try {
      expect(titles(restored.journal)).toEqual(before2);
      const coffee = restored.journal.getSnapshot().interactions[1];
      if (!coffee) throw new Error('missing');
      const reflections = await restored.openReflections();
      expect(reflections.has(coffee.id)).toBe(true);
      expect(coffee.reflectionText).toBe('Ana knows the plant manager.');
    } finally {
      await restored.close();
    }
  });

  it('has nothing to copy on a device without a journal, or with a damaged store', async () => {
    expect(await copyStoredJournal(NAME)).toBeNull();
    await createForeignDatabase(factory, NAME, ['leftovers']);
    expect(await copyStoredJournal(NAME)).toBeNull();
  });
});

const before2 = ['Food Manufacturing Summit – day 1', 'Coffee with Ana Lopez'];
