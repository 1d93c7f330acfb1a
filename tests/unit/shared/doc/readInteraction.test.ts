import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { JournalDoc, ORIGIN } from '../../../../shared/doc';
import {
  asInteractionId,
  INTERACTION_RECORD,
  type Interaction,
  type InteractionId,
} from '../../../../shared/domain';
import { anInteraction } from '../../../fixtures/interactions';
import { aReplica, sendUpdates } from '../../../fixtures/replicas';

const EPOCH = '1970-01-01T00:00:00.000Z';

/** Writes a record with raw Yjs, as another (possibly buggy or older) client could. */
function writeRawRecord(ydoc: Y.Doc, id: string, fields: Record<string, unknown>): Y.Map<unknown> {
  const record = new Y.Map<unknown>();
  ydoc.transact(() => {
    ydoc.getMap('interactions').set(id, record);
    for (const [key, value] of Object.entries(fields)) record.set(key, value);
  }, ORIGIN.remote);
  return record;
}

/** What the journal reads of a record. */
function readRecord(ydoc: Y.Doc, id = 'raw'): Interaction {
  const read = new JournalDoc(ydoc).get(asInteractionId(id));
  if (!read) throw new Error(`no interaction ${id}`);
  return read;
}

function readRaw(fields: Record<string, unknown>) {
  const ydoc = new Y.Doc();
  writeRawRecord(ydoc, 'raw', fields);
  return readRecord(ydoc);
}

const GOOD_RAW = {
  ...anInteraction(),
  createdAt: '2026-11-12T10:00:00.000Z',
  updatedAt: '2026-11-12T10:00:00.000Z',
};

describe('readInteraction: tolerant reading of records other clients wrote', () => {
  it('reads a well-formed record exactly', () => {
    expect(readRaw(GOOD_RAW)).toEqual({
      ...INTERACTION_RECORD.defaults,
      ...GOOD_RAW,
      goalIds: [],
      contactIds: [],
      id: 'raw',
      sample: false,
      reflectionText: '',
    });
  });

  it('a record with wrong-typed fields reads with safe defaults', () => {
    const read = readRaw({
      title: 42,
      relevance: 9,
      people: 42,
      startedAt: 'garbage',
      durationMinutes: '45',
      kind: 'party',
      place: null,
      intent: ['x'],
      outcome: { text: 'x' },
      nextStep: false,
      nextStepDue: '2026-02-30',
      nextStepDone: 20261125,
      timeZone: 7,
      createdAt: 12345,
      sample: 'yes',
      // no updatedAt, no reflection
    });
    expect(read).toEqual({
      // Fields not listed here (added later) read as their defaults too.
      ...INTERACTION_RECORD.defaults,
      id: 'raw',
      goalIds: [],
      contactIds: [],
      title: '(untitled)',
      relevance: null,
      people: [],
      startedAt: EPOCH,
      durationMinutes: 0,
      kind: 'other',
      place: '',
      intent: '',
      outcome: '',
      nextStep: '',
      nextStepDue: null,
      nextStepDone: null,
      timeZone: 'UTC',
      createdAt: EPOCH,
      updatedAt: EPOCH,
      sample: false,
      reflectionText: '',
    });
  });

  it('an empty record reads as an untitled, unrated interaction', () => {
    expect(readRaw({})).toMatchObject({
      title: '(untitled)',
      relevance: null,
      people: [],
      durationMinutes: 0,
      kind: 'other',
      timeZone: 'UTC',
    });
  });

  it.each([
    [0, null],
    [6, null],
    [2.5, null],
    ['4', null],
    [3, 3],
  ])('relevance %j reads as %j', (stored, read) => {
    expect(readRaw({ ...GOOD_RAW, relevance: stored }).relevance).toBe(read);
  });

  it.each([
    [-5, 0],
    [Number.NaN, 0],
    [Infinity, 0],
    [44.6, 45],
    [90, 90],
  ])('duration %s reads as %s minutes', (stored, read) => {
    expect(readRaw({ ...GOOD_RAW, durationMinutes: stored }).durationMinutes).toBe(read);
  });

  it('keeps the names in a list and drops entries that are not names', () => {
    expect(readRaw({ ...GOOD_RAW, people: ['Ana Lopez', 3, null, 'Ben Ortiz'] }).people).toEqual([
      'Ana Lopez',
      'Ben Ortiz',
    ]);
  });

  it('a reflection of the wrong type reads as empty text', () => {
    const ydoc = new Y.Doc();
    const record = writeRawRecord(ydoc, 'raw', GOOD_RAW);
    record.set('reflection', new Y.Text('plain text, not a fragment'));
    expect(readRecord(ydoc).reflectionText).toBe('');
    record.set('reflection', 'a string');
    expect(readRecord(ydoc).reflectionText).toBe('');
  });
});

describe('a journal with damaged records still opens', () => {
  it('shows damaged records with defaults next to good ones, in a stable order', () => {
    const ydoc = new Y.Doc();
    writeRawRecord(ydoc, 'damaged', { title: 42, relevance: 9, people: 'x', startedAt: 'garbage' });
    const journal = new JournalDoc(ydoc);
    const good = journal.addInteraction(anInteraction());

    const snapshot = journal.getSnapshot();
    expect(snapshot.interactions.map((item) => item.id)).toEqual([good, 'damaged']);
    expect(snapshot.byId.get(asInteractionId('damaged'))).toMatchObject({
      title: '(untitled)',
      relevance: null,
      startedAt: EPOCH,
    });
  });

  it('a damaged record can be repaired through the normal commands', () => {
    const ydoc = new Y.Doc();
    writeRawRecord(ydoc, 'damaged', { title: 42, relevance: 9 });
    const journal = new JournalDoc(ydoc);
    const id = asInteractionId('damaged');
    journal.updateInteraction(id, { title: 'Recovered coffee', relevance: 3 });
    expect(journal.get(id)).toMatchObject({ title: 'Recovered coffee', relevance: 3 });
  });
});

describe('entries in the interactions map that are not records at all', () => {
  const damage = (ydoc: Y.Doc) =>
    ydoc.transact(() => {
      const interactions = ydoc.getMap('interactions');
      interactions.set('a-string', 'oops');
      interactions.set('a-number', 42);
      interactions.set('a-list', new Y.Array());
      interactions.set('a-text', new Y.Text('hello'));
    }, ORIGIN.remote);

  it('are skipped when the journal opens', () => {
    const ydoc = new Y.Doc();
    damage(ydoc);
    writeRawRecord(ydoc, 'good', GOOD_RAW);
    const journal = new JournalDoc(ydoc);
    expect(journal.getSnapshot().interactions.map((item) => item.id)).toEqual(['good']);
  });

  it('are skipped when they arrive from another device while the journal is open', () => {
    const mine = aReplica();
    const id = mine.addInteraction(anInteraction());
    const theirs = aReplica();
    damage(theirs.ydoc);
    expect(() => {
      sendUpdates(theirs, mine);
    }).not.toThrow();
    expect(mine.getSnapshot().interactions.map((item) => item.id)).toEqual([id]);
  });

  it('cannot be updated or bound to an editor, with a clear message instead of a crash', () => {
    const ydoc = new Y.Doc();
    damage(ydoc);
    const journal = new JournalDoc(ydoc);
    const broken: InteractionId = asInteractionId('a-string');
    expect(() => {
      journal.updateInteraction(broken, { relevance: 2 });
    }).toThrow('This interaction no longer exists (it was deleted).');
    expect(journal.reflectionFragment(broken)).toBeNull();
    expect(journal.reflectionFragment(asInteractionId('a-list'))).toBeNull();
  });

  it('do not stop a migration of the good records', () => {
    const ydoc = new Y.Doc();
    damage(ydoc);
    writeRawRecord(ydoc, 'old', { ...GOOD_RAW, people: 'Ana Lopez, Ben Ortiz' });
    const journal = new JournalDoc(ydoc);
    expect(() => journal.migrate()).not.toThrow();
    expect(journal.get(asInteractionId('old'))?.people).toEqual(['Ana Lopez', 'Ben Ortiz']);
  });
});

describe('instants written by other clients', () => {
  it('are read as UTC instants, so they sort and group like our own', () => {
    const ydoc = new Y.Doc();
    writeRawRecord(ydoc, 'offset', {
      ...GOOD_RAW,
      title: 'Madrid 19:30 = 18:30 UTC',
      startedAt: '2026-11-25T19:30:00+01:00',
      createdAt: '2026-11-25T20:00:00+01:00',
    });
    writeRawRecord(ydoc, 'utc', {
      ...GOOD_RAW,
      title: '18:45 UTC',
      startedAt: '2026-11-25T18:45:00.000Z',
    });
    const journal = new JournalDoc(ydoc);
    expect(journal.get(asInteractionId('offset'))).toMatchObject({
      startedAt: '2026-11-25T18:30:00.000Z',
      createdAt: '2026-11-25T19:00:00.000Z',
    });
    expect(journal.getSnapshot().interactions.map((item) => item.title)).toEqual([
      '18:45 UTC',
      'Madrid 19:30 = 18:30 UTC',
    ]);
  });

  it.each(['1', 'March 7', 'Wed Nov 25 2026', '2026-02-30T10:00:00Z', '2026-11-25T18:30:00'])(
    '%j is not an instant and reads as the epoch, like any damaged time',
    (stored) => {
      expect(readRaw({ ...GOOD_RAW, startedAt: stored }).startedAt).toBe(EPOCH);
    },
  );
});

describe('people in the version-1 layout (one comma-separated string)', () => {
  it.each([
    ['Ana Lopez, Ben Ortiz', ['Ana Lopez', 'Ben Ortiz']],
    [' Chidi Okafor ,, Dana Weiß , ', ['Chidi Okafor', 'Dana Weiß']],
    ['x', ['x']],
    ['', []],
  ])('%j reads as %j, the same names the migration would store', (stored, names) => {
    expect(readRaw({ ...GOOD_RAW, people: stored }).people).toEqual(names);
  });
});
