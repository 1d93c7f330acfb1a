import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { JournalDoc } from '../../../../shared/doc';
import {
  INTERACTION_KINDS,
  type InteractionFields,
  type InteractionId,
  type InteractionPatch,
} from '../../../../shared/domain';
import { aConference, anInteraction, novemberAt } from '../../../fixtures/interactions';
import { seededRandom, type Random } from '../../../fixtures/random';
import { aReplica, reloaded, sendUpdates, syncAll, syncBoth } from '../../../fixtures/replicas';

/** The first paragraph's text of a reflection (creating it if the reflection is empty). */
function firstLine(journal: JournalDoc, id: InteractionId): Y.XmlText {
  const fragment = journal.reflectionFragment(id);
  if (!fragment) throw new Error('no reflection');
  if (fragment.length === 0) {
    fragment.insert(0, [new Y.XmlElement('paragraph')]);
  }
  const paragraph = fragment.get(0) as Y.XmlElement;
  const first = paragraph.get(0);
  if (first instanceof Y.XmlText) return first;
  const created = new Y.XmlText();
  paragraph.insert(0, [created]);
  return created;
}

/** Two devices that share one interaction, then go offline. */
function twoDevicesSharing(fields: InteractionFields, reflection: string[] = []) {
  const laptop = aReplica();
  const desktop = aReplica();
  const id = laptop.addInteraction(fields, { reflection, now: new Date('2026-11-12T10:00:00Z') });
  syncBoth(laptop, desktop);
  return { laptop, desktop, id };
}

describe('edits made apart merge without loss when the devices meet again', () => {
  it('different fields of the same interaction, edited on each device: both edits kept', () => {
    const { laptop, desktop, id } = twoDevicesSharing(anInteraction());

    laptop.updateInteraction(id, { relevance: 5, outcome: 'Referral to the COO' });
    desktop.updateInteraction(id, { title: 'Coffee with Ana Lopez (Acme)', durationMinutes: 60 });
    syncBoth(laptop, desktop);

    for (const device of [laptop, desktop]) {
      expect(device.get(id)).toMatchObject({
        relevance: 5,
        outcome: 'Referral to the COO',
        title: 'Coffee with Ana Lopez (Acme)',
        durationMinutes: 60,
      });
    }
    expect(desktop.getSnapshot().interactions).toEqual(laptop.getSnapshot().interactions);
  });

  it('the same field edited on both: both devices settle on the same one value', () => {
    const { laptop, desktop, id } = twoDevicesSharing(anInteraction());
    laptop.updateInteraction(id, { relevance: 5 });
    desktop.updateInteraction(id, { relevance: 2 });
    syncBoth(laptop, desktop);

    const settled = laptop.get(id)?.relevance;
    expect([5, 2]).toContain(settled);
    expect(desktop.get(id)?.relevance).toBe(settled);
    expect(desktop.getSnapshot().interactions).toEqual(laptop.getSnapshot().interactions);
  });

  it('the same reflection typed into on both devices: both insertions kept, same text on both', () => {
    const { laptop, desktop, id } = twoDevicesSharing(anInteraction(), [
      'Good talk about the night shift.',
    ]);

    firstLine(laptop, id).insert(0, 'Laptop: ');
    firstLine(desktop, id).insert('Good talk about the night shift.'.length, ' Desktop note.');
    firstLine(desktop, id).insert(5, 'and long ');
    syncBoth(laptop, desktop);

    const text = laptop.get(id)?.reflectionText;
    expect(text).toBe('Laptop: Good and long talk about the night shift. Desktop note.');
    expect(desktop.get(id)?.reflectionText).toBe(text);
    expect(laptop.reflectionFragment(id)?.toJSON()).toBe(desktop.reflectionFragment(id)?.toJSON());
  });

  it('a paragraph added on each device at the same place: both paragraphs kept, same order', () => {
    const { laptop, desktop, id } = twoDevicesSharing(anInteraction(), ['First.']);
    const addParagraph = (journal: JournalDoc, line: string) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(line)]);
      journal.reflectionFragment(id)?.insert(1, [paragraph]);
    };
    addParagraph(laptop, 'From the laptop.');
    addParagraph(desktop, 'From the desktop.');
    syncBoth(laptop, desktop);

    const lines = laptop.get(id)?.reflectionText.split('\n');
    expect(lines?.[0]).toBe('First.');
    expect(lines?.slice(1).sort()).toEqual(['From the desktop.', 'From the laptop.']);
    expect(desktop.get(id)?.reflectionText).toBe(laptop.get(id)?.reflectionText);
  });

  it('deleted on one device while edited on the other: both agree', () => {
    const { laptop, desktop, id } = twoDevicesSharing(anInteraction(), ['Reflection.']);
    laptop.deleteInteraction(id);
    desktop.updateInteraction(id, { relevance: 1, title: 'Edited while deleted elsewhere' });
    firstLine(desktop, id).insert(0, 'More. ');
    syncBoth(laptop, desktop);

    expect(laptop.get(id)).toEqual(desktop.get(id));
    expect(laptop.getSnapshot().interactions).toEqual(desktop.getSnapshot().interactions);
    // Yjs: deleting the record deletes everything in it, including concurrent edits.
    expect(laptop.get(id)).toBeUndefined();
    expect(() => {
      desktop.updateInteraction(id, { relevance: 2 });
    }).toThrow(/no longer exists/);
  });

  it('interactions added on each device: both devices have all of them, in the same order', () => {
    const { laptop, desktop } = twoDevicesSharing(anInteraction());
    laptop.addInteraction(aConference({ title: 'Laptop conference' }));
    desktop.addInteraction(anInteraction({ title: 'Desktop coffee', startedAt: novemberAt(25) }));
    desktop.addInteraction(anInteraction({ title: 'Desktop lunch', startedAt: novemberAt(25) }));
    syncBoth(laptop, desktop);

    expect(laptop.getSnapshot().interactions.map((item) => item.title)).toEqual(
      desktop.getSnapshot().interactions.map((item) => item.title),
    );
    expect(laptop.getSnapshot().interactions).toHaveLength(4);
  });
});

// ---- randomized ----------------------------------------------------------------------------

const TITLES = ['Coffee with Ana', 'Summit day 2', 'Call with Dan', 'Lunch with Tom', 'Job club'];
const PEOPLE = ['Ana Lopez', 'Ben Ortiz', 'Maya Chen', 'Dan Brooks', 'Zoë Ødegård'];
const ZONES = ['Europe/Madrid', 'America/New_York', 'Asia/Tokyo', 'UTC'];
const WORDS = ['good ', 'plant ', 'referral ', 'skip ', 'ops ', '🙂 ', 'night shift '];

function randomPatch(random: Random): InteractionPatch {
  const options: (() => InteractionPatch)[] = [
    () => ({ title: `${random.pick(TITLES)} ${random.int(100)}` }),
    () => ({ relevance: random.chance(0.2) ? null : random.pick([1, 2, 3, 4, 5] as const) }),
    () => ({ durationMinutes: random.int(300) }),
    () => ({ kind: random.pick(INTERACTION_KINDS) }),
    () => ({ people: PEOPLE.filter(() => random.chance(0.4)) }),
    () => ({ startedAt: novemberAt(1 + random.int(28), random.int(24)) }),
    () => ({ timeZone: random.pick(ZONES) }),
    () => ({
      outcome: random
        .pick(WORDS)
        .repeat(1 + random.int(3))
        .trim(),
    }),
  ];
  let patch: InteractionPatch = {};
  for (let i = 1 + random.int(3); i > 0; i--) patch = { ...patch, ...random.pick(options)() };
  return patch;
}

function randomStep(random: Random, replicas: readonly JournalDoc[], log: string[]): void {
  const index = random.int(replicas.length);
  const journal = replicas[index] as JournalDoc;
  const ids = journal.getSnapshot().interactions.map((item) => item.id);
  const roll = random.next();

  if (roll < 0.15 || ids.length === 0) {
    journal.addInteraction(
      anInteraction({ ...randomPatch(random), startedAt: novemberAt(1 + random.int(28)) }),
      {
        reflection: random.chance(0.5) ? [random.pick(WORDS).trim()] : [],
        now: new Date(Date.UTC(2026, 10, 1 + random.int(28))),
      },
    );
    log.push(`${index}: add`);
  } else if (roll < 0.45) {
    const id = random.pick(ids);
    journal.updateInteraction(id, randomPatch(random));
    log.push(`${index}: update ${id.slice(0, 8)}`);
  } else if (roll < 0.5) {
    const id = random.pick(ids);
    journal.deleteInteraction(id);
    log.push(`${index}: delete ${id.slice(0, 8)}`);
  } else if (roll < 0.68) {
    const id = random.pick(ids);
    const line = firstLine(journal, id);
    if (random.chance(0.3) && line.length > 0) {
      const at = random.int(line.length);
      line.delete(at, Math.min(1 + random.int(5), line.length - at));
    } else {
      const attributes = random.chance(0.3) ? { bold: {} } : undefined;
      line.insert(random.int(line.length + 1), random.pick(WORDS), attributes);
    }
    log.push(`${index}: type ${id.slice(0, 8)}`);
  } else if (roll < 0.74) {
    journal.undo();
    log.push(`${index}: undo`);
  } else if (roll < 0.76) {
    journal.redo();
    log.push(`${index}: redo`);
  } else {
    const to = random.int(replicas.length);
    if (to !== index) sendUpdates(journal, replicas[to] as JournalDoc);
    log.push(`${index} -> ${to}`);
  }
}

describe('randomized convergence (seeded, reproducible)', () => {
  it.each([1, 7, 42, 2026, 99991])(
    'seed %i: 3 replicas, 300 random operations and exchanges, identical snapshots after sync',
    (seed) => {
      const random = seededRandom(seed);
      const replicas = [aReplica(), aReplica(), aReplica()];
      const log: string[] = [];
      for (let step = 0; step < 300; step++) randomStep(random, replicas, log);
      syncAll(replicas);

      const [first, ...others] = replicas.map((journal) => journal.getSnapshot());
      const context = `seed ${seed}; last steps: ${log.slice(-10).join(', ')}`;
      expect(first?.interactions.length, context).toBeGreaterThan(0);
      for (const other of others) {
        expect(other.interactions, context).toEqual(first?.interactions);
        expect(other.byId, context).toEqual(first?.byId);
        expect(other.hasSample, context).toBe(first?.hasSample);
      }
      // The incrementally maintained snapshot equals a fresh read of the same document.
      expect(first?.interactions, context).toEqual(
        reloaded(replicas[0] as JournalDoc).getSnapshot().interactions,
      );
    },
  );
});
