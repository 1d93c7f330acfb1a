import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { JournalDoc, ORIGIN, SCHEMA_VERSION } from '../../../../shared/doc';
import { CAPTURES_STORE, withPreviewStore } from '../../../../renderer/src/platform/journalPreview';
import {
  addPendingCaptures,
  readPendingCaptures,
  storePendingCapture,
} from '../../../../renderer/src/platform/pendingCaptures';
import { anInteraction } from '../../../fixtures/interactions';
import { installFreshIndexedDB } from './indexedDbFakes';

const OPTIONS = { name: 'relevant-journal-captures-test' };
const stored = () => Promise.resolve();

beforeEach(() => {
  installFreshIndexedDB();
});

describe('interactions logged before the journal opened', () => {
  it('are kept, then added once with the time they were logged, and forgotten', async () => {
    await storePendingCapture(
      anInteraction({ title: 'First' }),
      OPTIONS,
      new Date('2026-12-06T09:00:00Z'),
    );
    await storePendingCapture(
      anInteraction({ title: 'Second' }),
      OPTIONS,
      new Date('2026-12-06T09:01:00Z'),
    );
    expect((await readPendingCaptures(OPTIONS)).map((capture) => capture.fields.title)).toEqual([
      'First',
      'Second',
    ]);
    const journal = new JournalDoc();
    expect(await addPendingCaptures(journal, stored, OPTIONS)).toBe(2);
    const added = journal.getSnapshot().interactions;
    expect(added.map((item) => item.title).sort()).toEqual(['First', 'Second']);
    expect(added.find((item) => item.title === 'First')?.createdAt).toBe(
      '2026-12-06T09:00:00.000Z',
    );
    expect(await readPendingCaptures(OPTIONS)).toEqual([]);
    expect(await addPendingCaptures(journal, stored, OPTIONS)).toBe(0);
  });

  it('added by two windows at once, they are there once when the windows meet', async () => {
    await storePendingCapture(anInteraction({ title: 'Only once' }), OPTIONS);
    const captures = await readPendingCaptures(OPTIONS);
    const [one, other] = [new JournalDoc(), new JournalDoc()];
    // Both read the captures before either forgot them.
    for (const journal of [one, other]) {
      for (const capture of captures) {
        journal.addInteraction(capture.fields, { id: capture.id, now: new Date(capture.loggedAt) });
      }
    }
    Y.applyUpdate(one.ydoc, other.encode(), ORIGIN.otherTab);
    expect(one.getSnapshot().interactions.map((item) => item.title)).toEqual(['Only once']);
  });

  it('skips a damaged entry and keeps what a read-only journal cannot take', async () => {
    await storePendingCapture(anInteraction({ title: 'Good' }), OPTIONS);
    await withPreviewStore(OPTIONS, CAPTURES_STORE, 'readwrite', (store) =>
      store.put({ id: 'x', fields: { title: '' }, loggedAt: 'now' }, 'x'),
    );
    expect((await readPendingCaptures(OPTIONS)).map((capture) => capture.fields.title)).toEqual([
      'Good',
    ]);
    const newer = new JournalDoc();
    newer.ydoc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    expect(await addPendingCaptures(newer, stored, OPTIONS)).toBe(0);
    expect(await readPendingCaptures(OPTIONS)).toHaveLength(1);
  });

  it('refuses an interaction that is not valid, and keeps nothing', async () => {
    await expect(storePendingCapture(anInteraction({ title: '  ' }), OPTIONS)).rejects.toThrow(
      /title/,
    );
    expect(await readPendingCaptures(OPTIONS)).toEqual([]);
  });
});
