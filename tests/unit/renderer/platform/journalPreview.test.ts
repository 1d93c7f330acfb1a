import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JournalDoc, SCHEMA_VERSION } from '../../../../shared/doc';
import { sampleJournal } from '../../../../shared/domain';
import {
  keepJournalPreview,
  PREVIEW_FORMAT,
  PREVIEW_PAGE,
  previewDatabaseName,
  previewOf,
  readJournalPreview,
  type KeepOptions,
  type PreviewKeeper,
} from '../../../../renderer/src/platform/journalPreview';
import {
  openJournalSession,
  replaceStoredJournal,
} from '../../../../renderer/src/platform/journalSession';
import { anInteraction, novemberAt } from '../../../fixtures/interactions';
import {
  hangingFactory,
  installFreshIndexedDB,
  objectStoresOf,
  settled,
  throwingFactory,
} from './indexedDbFakes';

const NAME = 'relevant-journal-test';
const DELAY = 1000;
const FIRST_DELAY = 200;

let factory: IDBFactory;
const keepers: PreviewKeeper[] = [];

beforeEach(() => {
  factory = installFreshIndexedDB();
  // fake-indexeddb schedules with setImmediate, which stays real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(async () => {
  await Promise.all(keepers.splice(0).map((keeper) => keeper.stop()));
  vi.useRealTimers();
});

function journalOf(count: number): JournalDoc {
  const journal = new JournalDoc();
  journal.migrate();
  journal.ydoc.transact(() => {
    for (let i = 0; i < count; i++) {
      journal.addInteraction(
        anInteraction({ title: `Meeting ${i}`, startedAt: novemberAt(1 + (i % 28), 8 + (i % 10)) }),
      );
    }
  });
  return journal;
}

/** A keeper over `journal` that counts its writes, stopped after each test. */
function keep(journal: JournalDoc, options: KeepOptions = {}) {
  const writes = { count: 0 };
  const keeper = keepJournalPreview(journal, {
    name: NAME,
    delayMs: DELAY,
    firstDelayMs: FIRST_DELAY,
    window: {},
    document: undefined,
    now: () => {
      writes.count += 1;
      return new Date(Date.UTC(2026, 10, 25, 12, 0, writes.count));
    },
    ...options,
  });
  keepers.push(keeper);
  return { keeper, writes };
}

const read = () => readJournalPreview({ name: NAME });

/** Stores `value` as the preview record, as another version of the app could have. */
async function storeRaw(value: unknown): Promise<void> {
  const open = factory.open(previewDatabaseName(NAME), 2);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('preview');
    open.result.createObjectStore('captures');
  };
  const db = await settled(open);
  await settled(
    db.transaction('preview', 'readwrite').objectStore('preview').put(value, 'journal'),
  );
  db.close();
}

describe('keepJournalPreview', () => {
  it('stores the newest page, the count and the sample flag shortly after opening', async () => {
    const journal = journalOf(PREVIEW_PAGE + 50);
    const { keeper } = keep(journal);
    expect(await read()).toBeNull();

    await vi.advanceTimersByTimeAsync(FIRST_DELAY);
    await keeper.flush();
    const preview = await read();
    expect(preview?.count).toBe(PREVIEW_PAGE + 50);
    expect(preview?.hasSample).toBe(false);
    expect(preview?.writtenAt).toBe('2026-11-25T12:00:01.000Z');
    expect(preview?.interactions).toEqual(
      journal.getSnapshot().interactions.slice(0, PREVIEW_PAGE),
    );
  });

  it('rewrites it once the journal has been quiet for a while, not on every change', async () => {
    const journal = journalOf(3);
    const { keeper, writes } = keep(journal);
    await vi.advanceTimersByTimeAsync(FIRST_DELAY);
    await keeper.flush();
    expect(writes.count).toBe(1);

    // Later starts, so the newest-first order does not rest on a tie.
    for (const [hour, title] of ['First', 'Second', 'Third'].entries()) {
      journal.addInteraction(anInteraction({ title, startedAt: novemberAt(29, 9 + hour) }));
      await vi.advanceTimersByTimeAsync(DELAY / 2);
    }
    expect(writes.count).toBe(1);
    expect((await read())?.count).toBe(3);

    await vi.advanceTimersByTimeAsync(DELAY);
    await keeper.flush();
    expect(writes.count).toBe(2);
    const preview = await read();
    expect(preview?.count).toBe(6);
    expect(preview?.interactions.slice(0, 3).map((item) => item.title)).toEqual([
      'Third',
      'Second',
      'First',
    ]);
  });

  it('writes at once when the page is left or hidden', async () => {
    const page = new EventTarget();
    const visibility: { visibilityState: DocumentVisibilityState } = { visibilityState: 'visible' };
    const doc = Object.assign(new EventTarget(), visibility);
    const journal = journalOf(1);
    const { keeper, writes } = keep(journal, { window: page, document: doc });
    await vi.advanceTimersByTimeAsync(FIRST_DELAY);
    await keeper.flush();

    journal.addInteraction(anInteraction({ title: 'Logged just before leaving' }));
    page.dispatchEvent(new Event('pagehide'));
    await keeper.flush();
    expect(writes.count).toBe(2);
    expect((await read())?.count).toBe(2);

    journal.addInteraction(anInteraction({ title: 'Logged before switching away' }));
    doc.dispatchEvent(new Event('visibilitychange')); // still visible: nothing yet
    await keeper.flush();
    expect(writes.count).toBe(3); // flush itself wrote the pending change
    journal.addInteraction(anInteraction({ title: 'One more' }));
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await keeper.flush();
    expect(writes.count).toBe(4);
    expect((await read())?.count).toBe(4);
    page.dispatchEvent(new Event('pagehide')); // nothing changed since: no write
    await keeper.flush();
    expect(writes.count).toBe(4);
  });

  it('keeps one write in flight and stores the latest state after it', async () => {
    const journal = journalOf(1);
    const { keeper, writes } = keep(journal);
    const first = keeper.flush();
    journal.addInteraction(anInteraction({ title: 'Added during the write' }));
    const second = keeper.flush();
    await Promise.all([first, second]);
    expect(writes.count).toBe(2);
    expect((await read())?.count).toBe(2);
  });

  it('writes nothing more once stopped, pending changes included', async () => {
    const journal = journalOf(1);
    const { keeper, writes } = keep(journal);
    await keeper.stop();
    journal.addInteraction(anInteraction({ title: 'After the journal was closed' }));
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    await keeper.flush();
    expect(writes.count).toBe(0);
    expect(await read()).toBeNull();
  });

  it('takes a slice of the sorted list, whatever the size of the journal', () => {
    const journal = journalOf(2_000);
    const interactions = journal.getSnapshot().interactions;
    const stored = previewOf(journal, new Date(0));
    expect(stored).toMatchObject({ format: PREVIEW_FORMAT, schemaVersion: SCHEMA_VERSION });
    expect(stored.count).toBe(2_000);
    expect(stored.interactions).toHaveLength(PREVIEW_PAGE);
    // The very same records: nothing is copied or read field by field.
    expect(stored.interactions[0]).toBe(interactions[0]);
  });
});

describe('readJournalPreview', () => {
  it('is null where no preview was ever stored, and creates no database to say so', async () => {
    expect(await read()).toBeNull();
    expect(await objectStoresOf(factory, previewDatabaseName(NAME))).toBeNull();
  });

  it('ignores a preview of another format or schema, or one that is not a preview', async () => {
    const good = previewOf(journalOf(2));
    const bad: Record<string, unknown> = {
      'an older format': { ...good, format: PREVIEW_FORMAT - 1 },
      'a newer schema': { ...good, schemaVersion: SCHEMA_VERSION + 1 },
      'no count': { ...good, count: undefined },
      'a negative count': { ...good, count: -1 },
      'an interaction without an id': {
        ...good,
        interactions: [{ ...good.interactions[0], id: undefined }],
      },
      'too many interactions': {
        ...good,
        interactions: Array.from({ length: PREVIEW_PAGE + 1 }, () => good.interactions[0]),
      },
      'a string': 'preview',
      bytes: new Uint8Array([1, 2, 3]),
      null: null,
    };
    for (const [what, value] of Object.entries(bad)) {
      await storeRaw(value);
      expect(await read(), what).toBeNull();
    }
    await storeRaw(good);
    expect((await read())?.count).toBe(2);
  });

  it('reads a damaged interaction in it as the journal reads a damaged record', async () => {
    const good = previewOf(journalOf(2));
    const [first, second] = good.interactions;
    await storeRaw({
      ...good,
      interactions: [{ ...first, title: undefined, kind: 'party', durationMinutes: -3 }, second],
    });
    const preview = await read();
    expect(preview?.interactions[0]).toMatchObject({
      id: first?.id,
      title: '(untitled)',
      kind: 'other',
      durationMinutes: 0,
      place: first?.place,
    });
    expect(preview?.interactions[1]).toEqual(second);
  });

  it('gives up quietly when storage hangs or refuses', async () => {
    const hanging = readJournalPreview({ indexedDB: hangingFactory(), timeoutMs: 300 });
    await vi.advanceTimersByTimeAsync(300);
    expect(await hanging).toBeNull();
    const refused = new DOMException('The operation is insecure.', 'SecurityError');
    expect(await readJournalPreview({ indexedDB: throwingFactory(refused) })).toBeNull();
  });
});

describe('the preview beside an open journal', () => {
  it('follows the removal of the sample journal', async () => {
    const session = await openJournalSession(NAME);
    try {
      session.journal.loadSample(sampleJournal(new Date('2026-11-25T12:00:00Z'), 'UTC'));
      session.journal.addInteraction(anInteraction({ title: 'My own coffee' }));
      await vi.advanceTimersByTimeAsync(DELAY);
      await vi.waitFor(async () => expect((await read())?.hasSample).toBe(true));

      session.journal.removeSample();
      await vi.advanceTimersByTimeAsync(DELAY);
      await vi.waitFor(async () => expect((await read())?.hasSample).toBe(false));
      const preview = await read();
      expect(preview?.count).toBe(1);
      expect(preview?.interactions.map((item) => item.title)).toEqual(['My own coffee']);
    } finally {
      await session.close();
    }
  });

  it('is forgotten when the journal is replaced by a backup, and then shows the backup', async () => {
    const backup = journalOf(1);
    const bytes = backup.encode();
    const session = await openJournalSession(NAME);
    session.journal.addInteraction(anInteraction({ title: 'Logged after the backup' }));
    session.journal.addInteraction(anInteraction({ title: 'Also after it' }));
    await vi.advanceTimersByTimeAsync(DELAY);
    await vi.waitFor(async () => expect((await read())?.count).toBe(2));
    await session.close();

    await replaceStoredJournal(bytes, NAME);
    expect(await read()).toBeNull();

    const restored = await openJournalSession(NAME);
    try {
      await vi.advanceTimersByTimeAsync(DELAY);
      await vi.waitFor(async () => expect((await read())?.count).toBe(1));
      expect((await read())?.interactions[0]?.title).toBe('Meeting 0');
    } finally {
      await restored.close();
    }
  });

  it('is not written back by a window whose journal was replaced from another one', async () => {
    const other = await openJournalSession(NAME);
    try {
      other.journal.addInteraction(anInteraction({ title: 'Still pending in the other window' }));
      await replaceStoredJournal(journalOf(1).encode(), NAME);
      await vi.advanceTimersByTimeAsync(DELAY * 2);
      expect(await read()).toBeNull();
    } finally {
      await other.close();
    }
  });
});
