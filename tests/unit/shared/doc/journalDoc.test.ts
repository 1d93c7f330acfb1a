import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { JournalDoc, ORIGIN } from '../../../../shared/doc';
import {
  INTERACTION_RECORD,
  listEditOf,
  sampleJournal,
  ValidationError,
  type InteractionId,
} from '../../../../shared/domain';
import {
  aConference,
  anInteraction,
  anUnratedMessage,
  novemberAt,
} from '../../../fixtures/interactions';
import { aReplica, reloaded, sendUpdates, syncBoth } from '../../../fixtures/replicas';

/** Every Yjs update the document emits (what would be stored and sent to other devices). */
function recordUpdates(journal: JournalDoc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  journal.ydoc.on('update', (update: Uint8Array) => updates.push(update));
  return updates;
}

/** The interaction fields (map keys) that `run` writes, as seen by a deep observer. */
function keysWrittenBy(journal: JournalDoc, run: () => void): string[] {
  const keys: string[] = [];
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const event of events) {
      if (event.target instanceof Y.Map && event.path.length === 1) {
        keys.push(...event.changes.keys.keys());
      }
    }
  };
  const interactions = journal.ydoc.getMap('interactions');
  interactions.observeDeep(observer);
  try {
    run();
  } finally {
    interactions.unobserveDeep(observer);
  }
  return keys.sort();
}

const titles = (journal: JournalDoc) => journal.getSnapshot().interactions.map((i) => i.title);

/**
 * Inserts text into the first paragraph of an interaction's reflection (like typing in the
 * editor), then lets the plain text be written (as the app does a moment later).
 */
function typeIntoReflection(journal: JournalDoc, id: InteractionId, index: number, text: string) {
  const paragraph = journal.reflectionFragment(id)?.get(0) as Y.XmlElement;
  const existing = paragraph.get(0);
  if (existing instanceof Y.XmlText) existing.insert(index, text);
  else paragraph.insert(0, [new Y.XmlText(text)]);
  journal.openReflections?.writeTexts();
}

describe('addInteraction', () => {
  it('returns the new id and the snapshot shows the interaction with every field', () => {
    const journal = new JournalDoc();
    const now = new Date('2026-11-12T10:00:00.000Z');
    const id = journal.addInteraction(anInteraction(), {
      now,
      reflection: ['She was generous with her time.', 'Ask about the night shift next time.'],
    });

    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const stored = journal.getSnapshot().byId.get(id);
    expect(stored).toEqual({
      ...INTERACTION_RECORD.schema.parse(anInteraction()),
      goalIds: [],
      contactIds: [],
      id,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      sample: false,
      reflectionText: 'She was generous with her time.\nAsk about the night shift next time.',
    });
    expect(journal.get(id)).toBe(stored);
    expect(journal.getSnapshot().interactions).toEqual([stored]);
  });

  it('stores the tidied values (trimmed title, UTC start), not the raw input', () => {
    const journal = new JournalDoc();
    const id = journal.addInteraction(
      anInteraction({ title: '  Lunch with Tom ', startedAt: '2026-11-12T13:00:00+01:00' }),
    );
    expect(journal.get(id)).toMatchObject({
      title: 'Lunch with Tom',
      startedAt: '2026-11-12T12:00:00.000Z',
    });
  });

  it('refuses bad input with per-field messages and writes nothing', () => {
    const journal = new JournalDoc();
    const updates = recordUpdates(journal);
    let thrown: unknown;
    try {
      journal.addInteraction({ ...anInteraction(), title: '  ', relevance: 7 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).errors).toEqual({
      title: 'Give the interaction a title.',
      relevance: 'Relevance is a whole number from 1 to 5, or unrated.',
    });
    expect(updates).toHaveLength(0);
    expect(journal.getSnapshot().interactions).toHaveLength(0);
  });

  it('does not store fields that are not part of an interaction', () => {
    const journal = new JournalDoc();
    const id = journal.addInteraction({ ...anInteraction(), sample: true, id: 'forged' });
    expect(journal.get(id)?.sample).toBe(false);
    expect(journal.get(id)?.id).toBe(id);
  });
});

describe('snapshot order: newest first', () => {
  it('orders by start time, whatever order they were logged in', () => {
    const journal = new JournalDoc();
    journal.addInteraction(anInteraction({ title: 'middle', startedAt: novemberAt(12) }));
    journal.addInteraction(anInteraction({ title: 'oldest', startedAt: novemberAt(2) }));
    journal.addInteraction(anInteraction({ title: 'newest', startedAt: novemberAt(20) }));
    journal.addInteraction(
      anInteraction({ title: 'same day, later', startedAt: novemberAt(12, 18) }),
    );
    expect(titles(journal)).toEqual(['newest', 'same day, later', 'middle', 'oldest']);
  });

  it('compares instants, not how the time was written', () => {
    const journal = new JournalDoc();
    journal.addInteraction(
      anInteraction({ title: 'Madrid 09:30', startedAt: '2026-11-12T09:30:00+01:00' }),
    );
    journal.addInteraction(
      anInteraction({ title: 'UTC 08:45', startedAt: '2026-11-12T08:45:00Z' }),
    );
    expect(titles(journal)).toEqual(['UTC 08:45', 'Madrid 09:30']);
  });

  it('breaks ties in start time by creation (later logged first), stably across edits', () => {
    const journal = new JournalDoc();
    const start = novemberAt(12);
    journal.addInteraction(anInteraction({ title: 'first logged', startedAt: start }), {
      now: new Date('2026-11-12T10:00:00Z'),
    });
    const second = journal.addInteraction(
      anInteraction({ title: 'second logged', startedAt: start }),
      {
        now: new Date('2026-11-12T10:05:00Z'),
      },
    );
    expect(titles(journal)).toEqual(['second logged', 'first logged']);

    journal.updateInteraction(second, { relevance: 1 });
    expect(titles(journal)).toEqual(['second logged', 'first logged']);
  });

  it('with identical start and creation times, every replica shows the same order', () => {
    const a = aReplica();
    const b = aReplica();
    const now = new Date('2026-11-12T10:00:00Z');
    for (const title of ['A1', 'A2', 'A3']) a.addInteraction(anInteraction({ title }), { now });
    for (const title of ['B1', 'B2', 'B3']) b.addInteraction(anInteraction({ title }), { now });
    syncBoth(a, b);
    expect(titles(a)).toHaveLength(6);
    expect(titles(b)).toEqual(titles(a));
    expect(titles(reloaded(a))).toEqual(titles(a));
  });

  it('keeps the order right when a start time is edited in a large journal (incremental re-sort)', () => {
    const journal = new JournalDoc();
    const ids: InteractionId[] = [];
    for (let day = 1; day <= 30; day++) {
      ids.push(
        journal.addInteraction(anInteraction({ title: `day ${day}`, startedAt: novemberAt(day) })),
      );
    }
    const [first, tenth, last] = [ids[0], ids[9], ids[29]] as [
      InteractionId,
      InteractionId,
      InteractionId,
    ];
    journal.updateInteraction(first, { startedAt: novemberAt(30, 23) }); // oldest becomes newest
    journal.updateInteraction(last, { startedAt: novemberAt(15, 12) }); // newest moves to the middle
    journal.updateInteraction(tenth, { startedAt: novemberAt(10) }); // unchanged start, no move
    journal.deleteInteraction(ids[20] as InteractionId);

    const fresh = reloaded(journal);
    expect(titles(journal)).toEqual(titles(fresh));
    expect(titles(journal).slice(0, 2)).toEqual(['day 1', 'day 29']);
  });
});

describe('what changed between two snapshots (for whoever patches per list)', () => {
  it('each change notes the list before, the objects that left and those that came in', () => {
    const journal = new JournalDoc();
    const first = journal.addInteraction(
      anInteraction({ title: 'first', startedAt: novemberAt(3) }),
    );
    journal.addInteraction(anInteraction({ title: 'second', startedAt: novemberAt(5) }));
    const before = journal.getSnapshot().interactions;

    const third = journal.addInteraction(
      anInteraction({ title: 'third', startedAt: novemberAt(4) }),
    );
    const afterAdd = journal.getSnapshot().interactions;
    expect(listEditOf(afterAdd)).toEqual({
      previous: before,
      removed: [],
      added: [journal.get(third)],
    });

    const old = journal.get(first);
    journal.updateInteraction(first, { relevance: 1 });
    const afterEdit = journal.getSnapshot().interactions;
    const edit = listEditOf(afterEdit);
    expect(edit?.previous).toBe(afterAdd);
    expect(edit?.removed).toEqual([old]);
    expect(edit?.removed[0]).toBe(old);
    expect(edit?.added[0]).toBe(journal.get(first));

    const gone = journal.get(third);
    journal.deleteInteraction(third);
    const afterDelete = listEditOf(journal.getSnapshot().interactions);
    expect(afterDelete?.previous).toBe(afterEdit);
    expect(afterDelete?.removed[0]).toBe(gone);
    expect(afterDelete?.added).toEqual([]);
  });

  it('says whether the journal holds a sample as samples come and go, also from another device', () => {
    const laptop = new JournalDoc();
    const desktop = new JournalDoc();
    syncBoth(laptop, desktop);
    laptop.addInteraction(anInteraction({ title: 'Sample coffee' }), {
      sample: true,
      origin: ORIGIN.sample,
    });
    laptop.addInteraction(anInteraction({ title: 'Mine' }));
    syncBoth(laptop, desktop);
    expect(desktop.getSnapshot().hasSample).toBe(true);
    desktop.removeSample();
    syncBoth(laptop, desktop);
    expect(laptop.getSnapshot().hasSample).toBe(false);
    expect(reloaded(laptop).getSnapshot().hasSample).toBe(false);
  });
});

describe('updateInteraction', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('changes the given fields and sets updatedAt', () => {
    vi.setSystemTime(new Date('2026-11-12T10:00:00Z'));
    const journal = new JournalDoc();
    const id = journal.addInteraction(anInteraction());
    vi.setSystemTime(new Date('2026-11-13T08:00:00Z'));

    journal.updateInteraction(id, { relevance: 5, people: ['Ana Lopez', 'Ben Ortiz'] });

    expect(journal.get(id)).toMatchObject({
      relevance: 5,
      people: ['Ana Lopez', 'Ben Ortiz'],
      title: anInteraction().title,
      createdAt: '2026-11-12T10:00:00.000Z',
      updatedAt: '2026-11-13T08:00:00.000Z',
    });
  });

  it('writes only the fields that changed (plus updatedAt), so edits of other fields elsewhere survive', () => {
    const journal = new JournalDoc();
    const id = journal.addInteraction(anInteraction());
    const updates = recordUpdates(journal);

    const keys = keysWrittenBy(journal, () => {
      journal.updateInteraction(id, { ...anInteraction(), relevance: 2 });
    });

    expect(updates).toHaveLength(1);
    expect(keys).toEqual(['relevance', 'updatedAt']);
  });

  it.each([
    ['the same values', anInteraction()],
    ['an empty patch', {}],
    ['the same title with spaces around it', { title: `  ${anInteraction().title}  ` }],
    ['the same instant written with an offset', { startedAt: '2026-11-12T09:30:00+01:00' }],
    ['an equal list of people', { people: ['Ana Lopez'] }],
    ['the same relevance', { relevance: 4 }],
  ])(
    'a patch with %s produces no update at all (no sync traffic, no undo step)',
    (_label, patch) => {
      const journal = new JournalDoc();
      const id = journal.addInteraction(anInteraction());
      const before = journal.getSnapshot();
      const updates = recordUpdates(journal);
      const canUndoBefore = journal.canUndo;
      journal.undo(); // drop the add's undo step, so only this patch could create one
      journal.redo();

      journal.updateInteraction(id, patch);

      expect(updates.length).toBe(2); // the undo and the redo above, nothing from the patch
      expect(canUndoBefore).toBe(true);
      expect(journal.get(id)).toEqual(before.byId.get(id));
    },
  );

  it('a patch with only unchanged fields leaves the snapshot object untouched', () => {
    const journal = new JournalDoc();
    const id = journal.addInteraction(anInteraction());
    const before = journal.getSnapshot();
    journal.updateInteraction(id, { title: anInteraction().title, relevance: 4 });
    expect(journal.getSnapshot()).toBe(before);
  });

  it('can rate an interaction, and take the rating back (null)', () => {
    const journal = new JournalDoc();
    const id = journal.addInteraction(anUnratedMessage());
    journal.updateInteraction(id, { relevance: 3 });
    expect(journal.get(id)?.relevance).toBe(3);
    journal.updateInteraction(id, { relevance: null });
    expect(journal.get(id)?.relevance).toBeNull();
  });

  it('refuses an invalid patch with per-field messages and writes nothing', () => {
    const journal = new JournalDoc();
    const id = journal.addInteraction(anInteraction());
    const updates = recordUpdates(journal);
    expect(() => journal.updateInteraction(id, { durationMinutes: -10 })).toThrow(
      'The duration cannot be negative.',
    );
    expect(() => journal.updateInteraction(id, { colour: 'red' })).toThrow(ValidationError);
    expect(updates).toHaveLength(0);
  });

  it('says clearly when the interaction was deleted (here or on another device)', () => {
    const a = aReplica();
    const b = aReplica();
    const mine = a.addInteraction(anInteraction());
    const theirs = a.addInteraction(aConference());
    syncBoth(a, b);
    a.deleteInteraction(mine);
    b.deleteInteraction(theirs);
    sendUpdates(b, a);

    for (const id of [mine, theirs]) {
      expect(() => a.updateInteraction(id, { relevance: 2 })).toThrow(
        'This interaction no longer exists (it was deleted).',
      );
    }
    expect(() => a.updateInteraction('no-such-id' as InteractionId, { relevance: 2 })).toThrow(
      /no longer exists/,
    );
  });

  it('a field set to undefined in a patch is left alone, not erased', () => {
    const journal = new JournalDoc();
    const id = journal.addInteraction(anInteraction());
    const updates = recordUpdates(journal);

    journal.updateInteraction(id, { title: undefined, relevance: undefined, place: undefined });
    expect(updates).toHaveLength(0);

    const keys = keysWrittenBy(journal, () => {
      journal.updateInteraction(id, { title: undefined, outcome: 'An intro to the COO' });
    });
    expect(keys).toEqual(['outcome', 'updatedAt']);
    expect(journal.get(id)).toMatchObject({
      title: anInteraction().title,
      relevance: 4,
      place: anInteraction().place,
      outcome: 'An intro to the COO',
    });
  });
});

describe('delete and undo', () => {
  it('delete removes the interaction; undo brings it back with every field and its reflection', () => {
    const journal = aReplica();
    const id = journal.addInteraction(aConference(), {
      reflection: ['Hallway talks were the value.', '', 'Plan five conversations next time.'],
    });
    typeIntoReflection(journal, id, 0, 'Note: ');
    const before = journal.get(id);
    expect(before?.reflectionText).toBe(
      'Note: Hallway talks were the value.\n\nPlan five conversations next time.',
    );

    journal.deleteInteraction(id);
    expect(journal.get(id)).toBeUndefined();
    expect(journal.getSnapshot().interactions).toHaveLength(0);
    expect(journal.reflectionFragment(id)).toBeNull();

    expect(journal.undo()).toBe(true);
    expect(journal.get(id)).toEqual(before);
    expect(journal.reflectionFragment(id)).toBeInstanceOf(Y.XmlFragment);

    // The restored reflection is still editable and still a real shared type.
    typeIntoReflection(journal, id, 0, '[restored] ');
    expect(journal.get(id)?.reflectionText).toMatch(/^\[restored\] Note: Hallway/);

    expect(journal.redo()).toBe(true);
    expect(journal.get(id)).toBeUndefined();
  });

  it('deleting several interactions is one undo step', () => {
    const journal = new JournalDoc();
    const ids = [
      journal.addInteraction(anInteraction()),
      journal.addInteraction(aConference()),
      journal.addInteraction(anUnratedMessage()),
    ];
    journal.deleteInteractions(ids.slice(0, 2));
    expect(titles(journal)).toEqual(['Thank-you note to Ben']);
    journal.undo();
    expect(titles(journal)).toHaveLength(3);
  });

  it('undo reverts the last local command: an update goes back to the old values', () => {
    const journal = new JournalDoc();
    const id = journal.addInteraction(anInteraction());
    journal.updateInteraction(id, { relevance: 1, title: 'Renamed' });
    journal.updateInteraction(id, { place: 'Zoom' });

    journal.undo();
    expect(journal.get(id)).toMatchObject({
      relevance: 1,
      title: 'Renamed',
      place: anInteraction().place,
    });
    journal.undo();
    expect(journal.get(id)).toMatchObject({ relevance: 4, title: anInteraction().title });
    journal.undo();
    expect(journal.get(id)).toBeUndefined();
    expect(journal.canUndo).toBe(false);
    expect(journal.undo()).toBe(false);
    expect(journal.canRedo).toBe(true);
  });

  it('undo does not undo a change that came from another device', () => {
    const mine = aReplica();
    const theirs = aReplica();
    const id = mine.addInteraction(anInteraction());
    syncBoth(mine, theirs);

    mine.updateInteraction(id, { title: 'Coffee with Ana (Acme Foods)' });
    theirs.updateInteraction(id, { place: 'Acme HQ canteen' });
    const theirsOnly = theirs.addInteraction(aConference());
    sendUpdates(theirs, mine); // arrives between my command and my undo

    expect(mine.undo()).toBe(true);

    expect(mine.get(id)).toMatchObject({
      title: anInteraction().title,
      place: 'Acme HQ canteen',
    });
    expect(mine.get(theirsOnly)?.title).toBe(aConference().title);
  });

  it('undo does not overwrite a newer value another device wrote to the same field', () => {
    const mine = aReplica();
    const theirs = aReplica();
    const id = mine.addInteraction(anInteraction());
    syncBoth(mine, theirs);

    mine.updateInteraction(id, { relevance: 2 });
    sendUpdates(mine, theirs);
    theirs.updateInteraction(id, { relevance: 5 }); // made after seeing mine
    sendUpdates(theirs, mine);

    // My rating was overwritten: undoing it changes nothing, and must not reach further back.
    expect(mine.undo()).toBe(false);
    expect(mine.get(id)?.relevance).toBe(5);
    expect(theirs.get(id)?.relevance).toBe(5);
  });

  it('one undo never reaches past a step that other devices have since overwritten or deleted', () => {
    const mine = aReplica();
    const theirs = aReplica();
    const added = mine.addInteraction(anInteraction());
    const rated = mine.addInteraction(aConference());
    syncBoth(mine, theirs);

    mine.updateInteraction(rated, { relevance: 1 });
    sendUpdates(mine, theirs);
    theirs.deleteInteraction(rated); // deleted on the other device after my edit
    sendUpdates(theirs, mine);

    const before = mine.getSnapshot();
    expect(mine.undo()).toBe(false);
    expect(mine.get(added)).toBeDefined(); // the earlier "add" was not undone along the way
    expect(mine.getSnapshot()).toBe(before);

    // Older steps stay, one per press: adding the conference (deleted elsewhere: no effect),
    // then adding the coffee, which a third press removes.
    expect(mine.undo()).toBe(false);
    expect(mine.get(added)).toBeDefined();
    expect(mine.undo()).toBe(true);
    expect(mine.get(added)).toBeUndefined();
    expect(mine.canUndo).toBe(false);
  });

  it('loading or restoring data is not something the person can undo', () => {
    const journal = new JournalDoc();
    journal.addInteraction(anInteraction(), { origin: ORIGIN.sample, sample: true });
    const other = aReplica();
    other.addInteraction(aConference());
    journal.applyUpdate(other.encode());
    expect(titles(journal)).toHaveLength(2);
    expect(journal.canUndo).toBe(false);
    expect(journal.undo()).toBe(false);
  });
});

describe('removeSample', () => {
  it('removes only the sample interactions, in one undoable step', () => {
    const journal = new JournalDoc();
    const samples = [
      journal.addInteraction(anInteraction({ title: 'Sample coffee' }), {
        sample: true,
        origin: ORIGIN.sample,
        reflection: ['A sample reflection.'],
      }),
      journal.addInteraction(aConference({ title: 'Sample conference' }), {
        sample: true,
        origin: ORIGIN.sample,
      }),
    ];
    journal.addInteraction(anInteraction({ title: 'My real coffee', startedAt: novemberAt(1) }));
    journal.addInteraction(anUnratedMessage({ title: 'My real message' }));
    expect(journal.getSnapshot().hasSample).toBe(true);

    expect(journal.removeSample()).toBe(2);
    expect(titles(journal)).toEqual(['My real message', 'My real coffee']);
    expect(journal.getSnapshot().hasSample).toBe(false);

    expect(journal.undo()).toBe(true);
    expect(titles(journal).sort()).toEqual(
      ['My real coffee', 'My real message', 'Sample coffee', 'Sample conference'].sort(),
    );
    expect(journal.get(samples[0] as InteractionId)).toMatchObject({
      sample: true,
      reflectionText: 'A sample reflection.',
    });
    expect(journal.getSnapshot().hasSample).toBe(true);
  });

  it('with no sample it removes nothing and adds no undo step', () => {
    const journal = new JournalDoc();
    const updates = recordUpdates(journal);
    expect(journal.removeSample()).toBe(0);
    expect(updates).toHaveLength(0);
    expect(journal.canUndo).toBe(false);
  });
});

describe('loadSample', () => {
  it('adds the whole sample journal at once, marked as sample, not undoable, removable in one step', () => {
    const journal = new JournalDoc();
    const own = journal.addInteraction(anInteraction({ title: 'My own coffee' }));
    let notified = 0;
    journal.subscribe(() => notified++);
    const entries = sampleJournal(new Date('2026-11-25T18:00:00Z'), 'Europe/Madrid');

    journal.loadSample(entries);

    expect(notified).toBe(1);
    const samples = journal.getSnapshot().interactions.filter((item) => item.sample);
    expect(samples).toHaveLength(entries.length);
    expect(journal.getSnapshot().hasSample).toBe(true);
    const withReflection = entries.find((entry) => entry.reflection.length > 0);
    expect(samples.map((item) => item.reflectionText)).toContain(
      withReflection?.reflection.join('\n'),
    );

    journal.undo(); // undoes my own add, not the sample
    expect(journal.get(own)).toBeUndefined();
    expect(journal.getSnapshot().interactions).toHaveLength(entries.length);

    expect(journal.removeSample()).toBe(entries.length);
    expect(journal.getSnapshot().interactions).toHaveLength(0);
  });
});

describe('onInteractionsArrived (reflections fetched when another device logs)', () => {
  it('tells of interactions added or deleted elsewhere, not of edits or of what is done here', () => {
    const laptop = aReplica();
    const phone = aReplica();
    syncBoth(laptop, phone);
    const arrived = vi.fn();
    phone.onInteractionsArrived(arrived);

    phone.addInteraction(anInteraction({ title: 'Logged on the phone' }));
    sendUpdates(phone, laptop);
    expect(arrived).not.toHaveBeenCalled();
    const coffee = laptop.addInteraction(anInteraction({ title: 'Coffee' }));
    sendUpdates(laptop, phone);
    expect(arrived).toHaveBeenCalledTimes(1);
    laptop.updateInteraction(coffee, { relevance: 5 });
    sendUpdates(laptop, phone);
    expect(arrived).toHaveBeenCalledTimes(1);
    laptop.deleteInteraction(coffee);
    sendUpdates(laptop, phone);
    expect(arrived).toHaveBeenCalledTimes(2);
  });
});

describe('getSnapshot and subscribe (the useSyncExternalStore contract)', () => {
  it('returns the very same snapshot object until something changes', () => {
    const journal = new JournalDoc();
    const id = journal.addInteraction(anInteraction());
    const first = journal.getSnapshot();
    expect(journal.getSnapshot()).toBe(first);
    journal.updateInteraction(id, {}); // no-op
    journal.applyUpdate(journal.encode()); // nothing new
    journal.removeSample(); // nothing to remove
    expect(journal.getSnapshot()).toBe(first);

    journal.updateInteraction(id, { relevance: 5 });
    const second = journal.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.interactions).not.toBe(first.interactions);
    expect(second.byId).not.toBe(first.byId);
    expect(first.byId.get(id)?.relevance).toBe(4); // the old snapshot is not mutated
    expect(journal.getSnapshot()).toBe(second);
  });

  it('keeps the objects of unchanged interactions, so list rows need not re-render', () => {
    const journal = new JournalDoc();
    const a = journal.addInteraction(anInteraction());
    const b = journal.addInteraction(aConference());
    const before = journal.getSnapshot();
    journal.updateInteraction(b, { relevance: 5 });
    const after = journal.getSnapshot();
    expect(after.byId.get(a)).toBe(before.byId.get(a));
    expect(after.byId.get(b)).not.toBe(before.byId.get(b));
  });

  it('a change to a reflection gives a new snapshot with the new text', () => {
    const journal = aReplica();
    const id = journal.addInteraction(anInteraction(), { reflection: ['Good'] });
    const before = journal.getSnapshot();
    typeIntoReflection(journal, id, 4, ' talk');
    expect(journal.getSnapshot()).not.toBe(before);
    expect(journal.get(id)?.reflectionText).toBe('Good talk');
  });

  it('notifies once per command, and for remote changes and undo; never after unsubscribe', () => {
    const journal = new JournalDoc();
    const seen: string[][] = [];
    const unsubscribe = journal.subscribe(() => seen.push(titles(journal)));

    const id = journal.addInteraction(anInteraction({ title: 'one' }));
    journal.updateInteraction(id, { title: 'two', relevance: 1 });
    journal.updateInteraction(id, { title: 'two' }); // no change: no notification
    const other = aReplica();
    other.addInteraction(anInteraction({ title: 'remote', startedAt: novemberAt(1) }));
    sendUpdates(other, journal);
    journal.undo();
    expect(seen).toEqual([['one'], ['two'], ['two', 'remote'], ['one', 'remote']]);

    unsubscribe();
    journal.updateInteraction(id, { relevance: 2 });
    expect(seen).toHaveLength(4);
  });

  it('each subscriber is called; unsubscribing one leaves the others', () => {
    const journal = new JournalDoc();
    const calls = { a: 0, b: 0 };
    const offA = journal.subscribe(() => calls.a++);
    journal.subscribe(() => calls.b++);
    journal.addInteraction(anInteraction());
    offA();
    journal.addInteraction(aConference());
    expect(calls).toEqual({ a: 1, b: 2 });
  });

  it('destroy stops notifications but leaves the document usable', () => {
    const journal = new JournalDoc();
    let calls = 0;
    journal.subscribe(() => calls++);
    journal.destroy();
    journal.ydoc.getMap('interactions').set('x', new Y.Map());
    expect(calls).toBe(0);
    expect(new JournalDoc(journal.ydoc).getSnapshot().interactions).toHaveLength(1);
  });
});

describe('opening an existing document', () => {
  it('reads what is already there, and round-trips through encode/applyUpdate', () => {
    const original = new JournalDoc();
    original.addInteraction(anInteraction(), { reflection: ['First paragraph.', 'Second.'] });
    original.addInteraction(aConference());
    original.addInteraction(anUnratedMessage());

    const restored = new JournalDoc();
    restored.applyUpdate(original.encode());
    expect(restored.getSnapshot().interactions).toEqual(original.getSnapshot().interactions);
    expect(new JournalDoc(original.ydoc).getSnapshot().interactions).toEqual(
      original.getSnapshot().interactions,
    );
  });
});
