import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  JournalDoc,
  ORIGIN,
  reflectionEntry,
  SCHEMA_VERSION,
  storedSchemaVersion,
} from '../../../../shared/doc';
import { OLD_REFLECTIONS_KEPT_DAYS } from '../../../../shared/doc/schema';
import { asInteractionId, type InteractionId } from '../../../../shared/domain';
import { anInteraction } from '../../../fixtures/interactions';
import {
  JOURNAL_V2_FILE,
  V2_IDS,
  V2_INTERACTIONS,
  V2_REFLECTION_TEXT,
} from '../../../fixtures/make-journal-v2';
import { seededRandom, type Random } from '../../../fixtures/random';

const COFFEE = asInteractionId(V2_IDS.coffee);

/** A device that opened the saved version-2 journal (fixed client ids, to vary who wins). */
function deviceWithV2(clientID: number): JournalDoc {
  const ydoc = new Y.Doc();
  ydoc.clientID = clientID;
  Y.applyUpdate(ydoc, new Uint8Array(readFileSync(JOURNAL_V2_FILE)), ORIGIN.restore);
  return new JournalDoc(ydoc);
}

/** A day after the schema-2 reflections may leave their records (see OLD_REFLECTIONS_KEPT_DAYS). */
const LATER = new Date(Date.now() + (OLD_REFLECTIONS_KEPT_DAYS + 1) * 24 * 3600 * 1000);

/**
 * What the app does on opening with this version: migrate, open the reflections and copy
 * those still in records; and, with `drop`, what it does once they have been kept long
 * enough for devices still on version 2: remove them from their records.
 */
function upgrade(journal: JournalDoc, options: { drop?: boolean } = {}): void {
  journal.migrate();
  const reflections = new Y.Doc();
  reflections.clientID = journal.ydoc.clientID + 1000;
  journal.attachReflections(reflections).copyOldReflections();
  if (options.drop ?? true) dropOld(journal);
}

function dropOld(journal: JournalDoc): string[] {
  return journal.openReflections?.dropOldReflections(LATER) ?? [];
}

function reflections(journal: JournalDoc): Y.Doc {
  const open = journal.openReflections;
  if (!open) throw new Error('reflections not open');
  return open.ydoc;
}

/** The schema-2 reflection inside a record (what a device still on version 2 edits). */
function oldReflection(journal: JournalDoc, id: string): Y.XmlFragment | null {
  const record = journal.ydoc.getMap('interactions').get(id);
  const fragment = record instanceof Y.Map ? (record as Y.Map<unknown>).get('reflection') : null;
  return fragment instanceof Y.XmlFragment ? fragment : null;
}

function send(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), ORIGIN.remote);
}

/** Two devices meet: the journal both ways, and the reflections where both have them open. */
function meet(a: JournalDoc, b: JournalDoc, parts: 'both' | 'journal' | 'reflections' = 'both') {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    from.openReflections?.writeTexts();
    if (parts !== 'journal' && from.openReflections && to.openReflections) {
      send(reflections(from), reflections(to));
    }
    if (parts !== 'reflections') send(from.ydoc, to.ydoc);
  }
}

/** The rich text of a reflection as XML, and its plain text, on a device. */
function richText(journal: JournalDoc, id: string): string {
  return reflectionEntry(reflections(journal), id)?.toJSON() ?? '';
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** Writes `[word]` into a reflection where the editor could: in a paragraph's text, or as a new one. */
function typeWord(fragment: Y.XmlFragment, word: string, random: Random): void {
  const doc = fragment.doc;
  if (!doc) throw new Error('fragment not in a document');
  doc.transact(() => {
    const paragraphs = fragment
      .toArray()
      .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement)
      .filter((node) => node.nodeName === 'paragraph');
    const paragraph = paragraphs.length > 0 && random.chance(0.8) ? random.pick(paragraphs) : null;
    if (!paragraph) {
      const created = new Y.XmlElement('paragraph');
      created.insert(0, [new Y.XmlText(`[${word}]`)]);
      fragment.insert(random.int(fragment.length + 1), [created]);
      return;
    }
    const text = paragraph.get(0);
    if (!(text instanceof Y.XmlText)) {
      paragraph.insert(0, [new Y.XmlText(`[${word}]`)]);
      return;
    }
    const content = (text.toDelta() as { insert?: unknown }[])
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
    const boundaries = [0, text.length];
    for (let index = 0; index < content.length; index++)
      if (content[index] === '[') boundaries.push(index);
    text.insert(Math.min(random.pick(boundaries), text.length), `[${word}]`);
  }, ORIGIN.local);
}

describe('a saved version-2 journal opens under version 3', () => {
  it('shows every field, every record kind and every reflection’s text before its reflections move', () => {
    const journal = deviceWithV2(1);
    journal.migrate();
    expect(storedSchemaVersion(journal.ydoc)).toBe(SCHEMA_VERSION);
    const { interactions, goals, contacts, plannedEvents, monthNotes, analyticsSettings } =
      journal.getSnapshot();
    expect(interactions.map((item) => item.id).sort()).toEqual(Object.keys(V2_INTERACTIONS).sort());
    for (const [id, fields] of Object.entries(V2_INTERACTIONS)) {
      expect(journal.get(asInteractionId(id))).toMatchObject({
        ...fields,
        reflectionText: V2_REFLECTION_TEXT[id],
      });
    }
    expect(journal.get(COFFEE)?.contactIds).toEqual([V2_IDS.ana, V2_IDS.ben]);
    expect(goals.map((goal) => goal.description)).toEqual([
      'Operations role in food manufacturing',
    ]);
    expect(contacts.map((contact) => contact.name)).toEqual(['Ana Lopez', 'Ben Ortiz']);
    expect(contacts[0]?.needs).toEqual(['a night-shift supervisor']);
    expect(plannedEvents[0]).toMatchObject({ title: 'Clean Energy Expo', cost: 40 });
    expect(monthNotes.get('2026-10')).toBe('Fewer expos, more coffees.');
    expect(analyticsSettings.weekStartsOn).toBe(0);
    expect(journal.oldReflectionCount).toBe(Object.keys(V2_INTERACTIONS).length);
  });

  it('moves every reflection to the reflections document with its formatting, and empties the records of them', () => {
    const journal = deviceWithV2(1);
    const before = new Map(
      Object.keys(V2_INTERACTIONS).map((id) => [id, oldReflection(journal, id)?.toJSON()]),
    );
    expect(before.get(V2_IDS.coffee)).toContain('<bold>the night shift</bold>');
    expect(before.get(V2_IDS.coffee)).toContain('<heading level="3">');

    upgrade(journal);

    expect(journal.oldReflectionCount).toBe(0);
    for (const [id, xml] of before) {
      expect(oldReflection(journal, id)).toBeNull();
      expect(richText(journal, id)).toBe(xml);
      expect(journal.get(asInteractionId(id))?.reflectionText).toBe(V2_REFLECTION_TEXT[id]);
    }
    // What the journal holds of the moved reflections is collected: a handful of GC ranges.
    const stored = Y.decodeUpdate(journal.encode());
    expect(stored.structs.filter((struct) => struct instanceof Y.Item).length).toBeLessThan(
      Y.decodeUpdate(readFileSync(JOURNAL_V2_FILE)).structs.length,
    );
  });

  it('the moved reflections can be edited, and an edit changes the plain text', () => {
    const journal = deviceWithV2(1);
    upgrade(journal);
    const fragment = journal.reflectionFragment(COFFEE);
    const first = (fragment?.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    first.insert(0, 'Really: ');
    journal.openReflections?.writeTexts();
    expect(journal.get(COFFEE)?.reflectionText).toMatch(/^Really: Prepared questions/);
  });

  it('running the move again changes nothing', () => {
    const journal = deviceWithV2(1);
    upgrade(journal);
    const rich = richText(journal, V2_IDS.coffee);
    const updates: Uint8Array[] = [];
    journal.ydoc.on('update', (update: Uint8Array) => updates.push(update));
    expect(journal.openReflections?.copyOldReflections()).toBe(0);
    expect(dropOld(journal)).toEqual([]);
    expect(updates).toHaveLength(0);
    expect(richText(journal, V2_IDS.coffee)).toBe(rich);
  });
});

describe('two devices upgrading apart', () => {
  it('both move the same reflections offline: one copy of each when they meet', () => {
    const laptop = deviceWithV2(1);
    const desktop = deviceWithV2(2);
    upgrade(laptop);
    upgrade(desktop);
    meet(laptop, desktop);
    for (const id of Object.keys(V2_INTERACTIONS)) {
      expect(richText(desktop, id)).toBe(richText(laptop, id));
      expect(count(laptop.get(asInteractionId(id))?.reflectionText ?? '', 'Chidi')).toBe(
        id === V2_IDS.conference ? 1 : 0,
      );
    }
    expect(count(richText(laptop, V2_IDS.coffee), 'Prepared questions')).toBe(1);
    expect(laptop.getSnapshot().interactions).toEqual(desktop.getSnapshot().interactions);
  });

  it('an edit made after moving survives the other device moving later, once', () => {
    const laptop = deviceWithV2(1);
    const desktop = deviceWithV2(2);
    upgrade(laptop);
    const text = (laptop.reflectionFragment(COFFEE)?.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, 'Laptop: ');
    upgrade(desktop); // offline, before it has seen the laptop's move or edit
    meet(laptop, desktop);
    meet(laptop, desktop);
    for (const device of [laptop, desktop]) {
      const plain = device.get(COFFEE)?.reflectionText ?? '';
      expect(plain).toMatch(/^Laptop: Prepared questions made all the difference\./);
      expect(count(plain, 'Prepared questions')).toBe(1);
    }
  });

  it('devices that had seen different versions of a reflection move both into one', () => {
    const old = deviceWithV2(1); // still on version 2: it edits the reflection inside the record
    const laptop = deviceWithV2(2);
    const desktop = deviceWithV2(3);
    const before = oldReflection(old, V2_IDS.conference);
    const paragraph = before?.get(1) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, 'Above all: ');
    meet(old, laptop); // the laptop has the edit, the desktop not
    upgrade(laptop);
    upgrade(desktop);
    meet(laptop, desktop);
    meet(laptop, desktop);
    const expected = 'Too many sales pitches.\nAbove all: Chidi was worth it.';
    for (const device of [laptop, desktop]) {
      expect(device.get(asInteractionId(V2_IDS.conference))?.reflectionText).toBe(expected);
    }
    expect(richText(desktop, V2_IDS.conference)).toBe(richText(laptop, V2_IDS.conference));
  });

  it('keeps reflections in their records for a while: an edit from a device still on version 2 is copied', () => {
    const old = deviceWithV2(1);
    const laptop = deviceWithV2(2);
    upgrade(laptop, { drop: false });
    expect(laptop.openReflections?.dropOldReflections()).toEqual([]); // not yet: kept for now
    const fragment = oldReflection(old, V2_IDS.conference);
    ((fragment?.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'From the old laptop: ');
    meet(old, laptop);
    const expected = 'From the old laptop: Too many sales pitches.\nChidi was worth it.';
    expect(laptop.openReflections?.textOf(V2_IDS.conference)).toBe(expected);
    expect(laptop.get(asInteractionId(V2_IDS.conference))?.reflectionText).toBe(expected);
    // The old version now sees a newer journal and stays read-only.
    expect(storedSchemaVersion(old.ydoc)).toBe(SCHEMA_VERSION);
  });

  it('once they left their records, a late edit from a device still on version 2 is lost, not its fields', () => {
    const old = deviceWithV2(1);
    const laptop = deviceWithV2(2);
    upgrade(laptop);
    const record = old.ydoc.getMap('interactions').get(V2_IDS.call) as Y.Map<unknown>;
    old.ydoc.transact(() => {
      record.set('relevance', 4);
      (oldReflection(old, V2_IDS.call) as Y.XmlFragment).insert(0, [new Y.XmlElement('paragraph')]);
    });
    meet(old, laptop);
    expect(laptop.get(asInteractionId(V2_IDS.call))?.relevance).toBe(4);
    expect(richText(laptop, V2_IDS.call)).toBe('');
  });

  it('a reflection logged as text while the reflections were closed is made rich text once, never again after it was edited anywhere', () => {
    const laptop = deviceWithV2(1);
    const desktop = deviceWithV2(2);
    upgrade(laptop);
    upgrade(desktop);
    const phone = deviceWithV2(4);
    phone.migrate(); // its reflections are not open yet
    const id = phone.addInteraction(anInteraction(), { reflection: ['First line', 'Second'] });
    meet(phone, laptop, 'journal');
    meet(phone, desktop, 'journal');
    // Both open it before their reflections have met: the same first content, merged into one.
    laptop.reflectionFragment(id);
    desktop.reflectionFragment(id);
    meet(laptop, desktop);
    expect(richText(laptop, id)).toBe(richText(desktop, id));
    expect(laptop.openReflections?.textOf(id)).toBe('First line\nSecond');
    // Edited on the laptop; another device hears of the journal before the reflections.
    const text = (laptop.reflectionFragment(id)?.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, 'Edited: ');
    const third = deviceWithV2(3);
    upgrade(third);
    meet(laptop, third, 'journal');
    expect(third.reflectionFragment(id)?.length).toBe(0); // not made again from the text
    meet(laptop, third);
    expect(third.openReflections?.textOf(id)).toBe('Edited: First line\nSecond');
  });

  it('a reflection logged with the reflections open is written as rich text at once, never made elsewhere', () => {
    const laptop = deviceWithV2(1);
    const desktop = deviceWithV2(2);
    upgrade(laptop);
    upgrade(desktop);
    const id = laptop.addInteraction(anInteraction(), { reflection: ['Only once'] });
    expect(laptop.openReflections?.textOf(id)).toBe('Only once');
    meet(laptop, desktop, 'journal');
    expect(desktop.reflectionFragment(id)).toBeNull(); // on its way: not made here
    meet(laptop, desktop);
    expect(count(richText(desktop, id), 'Only once')).toBe(1);
  });

  it('a reflection waiting to move is moved, not seeded, when it is opened', () => {
    const journal = deviceWithV2(1);
    upgrade(journal, { drop: false });
    const fresh = deviceWithV2(2);
    fresh.migrate();
    fresh.attachReflections(new Y.Doc());
    // Opening the reflection before anything moved it: the move runs first.
    const fragment = fresh.reflectionFragment(COFFEE);
    expect(fragment?.toJSON()).toBe(richText(journal, V2_IDS.coffee));
    meet(journal, fresh);
    expect(count(richText(fresh, V2_IDS.coffee), 'Prepared questions')).toBe(1);
  });
});

interface Device {
  readonly journal: JournalDoc;
  /** Runs this version: the reflections are open and old ones are moved. */
  upgraded: boolean;
  /** Copied, but not yet dropped from the journal (its store has not confirmed yet). */
  dropPending: boolean;
}

/**
 * Three devices hold the version-2 journal. Still on version 2, they edit reflections inside
 * their records and fields, and meet partly. Then each upgrades at a random moment (the move's
 * copy and drop apart), keeps editing in version 3 (reflections, fields, new interactions),
 * and they meet in random orders, sometimes syncing one document of the two. When all have
 * met: the same journal everywhere, every reflection once, every word typed exactly once.
 */
function upgradeScenario(seed: number) {
  const random = seededRandom(seed);
  const devices: Device[] = [1, 2, 3].map((n) => ({
    journal: deviceWithV2(n * 7 + seed),
    upgraded: false,
    dropPending: false,
  }));
  const words = new Map<string, string[]>(); // interaction id → words typed into its reflection
  let counter = 0;
  const word = (id: string) => {
    const next = `w${++counter}`;
    words.set(id, [...(words.get(id) ?? []), next]);
    return next;
  };
  const ids = () => Object.keys(V2_INTERACTIONS);
  const pickPair = () => {
    const a = random.pick(devices);
    const others = devices.filter((device) => device !== a);
    return [a, random.pick(others)] as const;
  };

  /** A device still on version 2 edits a reflection inside its record, until it sees version 3. */
  const oldEdit = (device: Device) => {
    if (device.upgraded || storedSchemaVersion(device.journal.ydoc) !== 2) return;
    const id = random.pick(ids());
    const fragment = oldReflection(device.journal, id);
    if (fragment) typeWord(fragment, word(id), random);
  };

  // Version 2 everywhere: reflections edited inside records, partial meetings.
  for (let step = 0; step < 30; step++) {
    const device = random.pick(devices);
    if (random.chance(0.3)) {
      const [a, b] = pickPair();
      meet(a.journal, b.journal, 'journal');
    } else oldEdit(device);
  }

  // Upgrades at random moments, version-3 edits, random meetings.
  const all = new Set(ids());
  for (let step = 0; step < 120; step++) {
    const device = random.pick(devices);
    const roll = random.next();
    if (!device.upgraded && roll < 0.1) {
      upgrade(device.journal, { drop: false });
      device.upgraded = true;
      device.dropPending = true;
    } else if (!device.upgraded && roll < 0.2) {
      oldEdit(device);
    } else if (device.dropPending && roll < 0.2) {
      device.journal.openReflections?.copyOldReflections();
      expect(device.journal.openReflections?.dropOldReflections()).toEqual([]); // kept for now
    } else if (roll < 0.45) {
      const [a, b] = pickPair();
      meet(a.journal, b.journal, random.pick(['both', 'both', 'journal', 'reflections'] as const));
    } else if (device.upgraded && roll < 0.75) {
      const id = random.pick([...all]);
      const fragment = device.journal.reflectionFragment(asInteractionId(id));
      if (fragment) typeWord(fragment, word(id), random);
    } else if (device.upgraded && roll < 0.85) {
      const id = device.journal.addInteraction(anInteraction({ title: `New ${counter}` }), {
        reflection: [`Seeded ${counter}`],
      });
      all.add(id);
    } else if (device.upgraded) {
      const id = random.pick([...all]) as InteractionId;
      if (device.journal.get(id)) {
        device.journal.updateInteraction(id, { relevance: random.pick([1, 2, 3, 4, 5] as const) });
      }
    }
  }

  // Everyone upgrades and meets everyone; then, once kept long enough, the old reflections
  // leave their records, here and there at random, and all meet until settled.
  for (const device of devices) if (!device.upgraded) upgrade(device.journal, { drop: false });
  for (const a of devices) for (const b of devices) if (a !== b) meet(a.journal, b.journal);
  for (let round = 0; round < 3; round++) {
    for (const device of devices) {
      device.journal.openReflections?.copyOldReflections();
      if (random.chance(0.5)) dropOld(device.journal);
    }
    const [a, b] = pickPair();
    meet(a.journal, b.journal, random.pick(['both', 'journal', 'reflections'] as const));
  }
  for (const device of devices) dropOld(device.journal);
  for (let round = 0; round < 3; round++) {
    for (const a of devices) for (const b of devices) if (a !== b) meet(a.journal, b.journal);
  }
  return { devices, words, all };
}

describe('upgrading apart, randomized (seeded, reproducible)', () => {
  it.each([1, 7, 42, 2026, 99991])(
    'seed %i: 3 devices upgrade at random moments and meet in random orders',
    (seed) => {
      const { devices, words, all } = upgradeScenario(seed);
      const [first, ...rest] = devices.map((device) => device.journal);
      if (!first) throw new Error('no devices');
      for (const journal of devices.map((device) => device.journal)) {
        expect(journal.oldReflectionCount).toBe(0);
      }
      for (const other of rest) {
        expect(other.getSnapshot().interactions).toEqual(first.getSnapshot().interactions);
        for (const id of all) expect(richText(other, id), id).toBe(richText(first, id));
      }
      for (const id of all) {
        const plain = first.get(asInteractionId(id))?.reflectionText ?? '';
        const rich = reflectionEntry(reflections(first), id);
        // A reflection logged as text and never opened has no rich text yet.
        if (rich && rich._start !== null)
          expect(plain, `plain text of ${id}`).toBe(first.openReflections?.textOf(id));
        for (const typed of words.get(id) ?? []) {
          expect(count(plain, `[${typed}]`), `${typed} in ${id}`).toBe(1);
        }
      }
      const coffee = first.get(COFFEE)?.reflectionText ?? '';
      expect(count(coffee, 'Prepared questions made all the difference.')).toBe(1);
      expect(count(coffee, 'research the attendee list')).toBe(1);
    },
  );
});
