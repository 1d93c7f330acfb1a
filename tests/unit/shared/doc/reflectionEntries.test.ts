import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { JournalDoc, ORIGIN, REFLECTIONS_ROOT, reflectionEntry } from '../../../../shared/doc';
import { derivedClientId, entryClientId } from '../../../../shared/doc/reflectionEntries';
import type { InteractionId } from '../../../../shared/domain';
import { anInteraction } from '../../../fixtures/interactions';
import { aReplica, reflectionsOf, syncBoth } from '../../../fixtures/replicas';

/** Sends the journal document only: the reflections document has not synced yet. */
function sendJournal(from: JournalDoc, to: JournalDoc): void {
  const update = Y.encodeStateAsUpdate(from.ydoc, Y.encodeStateVector(to.ydoc));
  Y.applyUpdate(to.ydoc, update, ORIGIN.remote);
}

/** Types a paragraph at the end of a reflection, as the editor does. */
function typeParagraph(journal: JournalDoc, id: InteractionId, words: string): void {
  const fragment = journal.reflectionFragment(id);
  if (!fragment) throw new Error(`no reflection for ${id}`);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(words)]);
  reflectionsOf(journal).transact(() => fragment.insert(fragment.length, [paragraph]));
}

const textOf = (journal: JournalDoc, id: InteractionId) =>
  journal.openReflections?.textOf(id) ?? '';

describe('a reflection’s entry in the reflections document', () => {
  it('is made by the device that logs the interaction, and waited for by the others', () => {
    const laptop = aReplica();
    const phone = aReplica();
    const coffee = laptop.addInteraction(anInteraction({ title: 'Coffee with Ana' }));
    sendJournal(laptop, phone);
    // The phone has the interaction but not its reflection: it must not make one of its own.
    expect(phone.reflectionFragment(coffee)).toBeNull();
    let arrived = 0;
    phone.openReflections?.onArrival(coffee, () => (arrived += 1));

    typeParagraph(laptop, coffee, 'Ask about the night shift.');
    syncBoth(laptop, phone);
    expect(arrived).toBe(1);
    typeParagraph(phone, coffee, 'She knows the Porto plant.');
    typeParagraph(laptop, coffee, 'Send the report.');
    syncBoth(laptop, phone);

    const text = textOf(laptop, coffee);
    expect(text.split('\n').sort()).toEqual(
      ['Ask about the night shift.', 'Send the report.', 'She knows the Porto plant.'].sort(),
    );
    for (const device of [laptop, phone]) {
      expect(textOf(device, coffee)).toBe(text);
      expect(device.get(coffee)?.reflectionText).toBe(text);
    }
  });

  it('keeps everything two devices type into it offline once both have it', () => {
    const laptop = aReplica();
    const phone = aReplica();
    const summit = laptop.addInteraction(anInteraction({ title: 'Summit' }), {
      reflection: ['Too many sales pitches.'],
    });
    syncBoth(laptop, phone);
    typeParagraph(phone, summit, 'Chidi was worth it.');
    typeParagraph(laptop, summit, 'Skip it next year.');
    syncBoth(laptop, phone);

    const text = textOf(laptop, summit);
    expect(text.startsWith('Too many sales pitches.\n')).toBe(true);
    expect(text.split('\n').sort()).toEqual(
      ['Chidi was worth it.', 'Skip it next year.', 'Too many sales pitches.'].sort(),
    );
    expect(textOf(phone, summit)).toBe(text);
  });

  it('of one logged without the reflections open is made once, however many devices open it offline', () => {
    const preview = new JournalDoc(new Y.Doc()); // logged before the reflections opened
    const expo = preview.addInteraction(anInteraction({ title: 'Expo' }), {
      reflection: ['Fewer expos.', 'More coffees.'],
    });
    const call = preview.addInteraction(anInteraction({ title: 'Call', kind: 'call' }));
    const laptop = aReplica();
    const phone = aReplica();
    sendJournal(preview, laptop);
    sendJournal(preview, phone);
    for (const id of [expo, call]) {
      typeParagraph(laptop, id, 'Laptop adds this.');
      typeParagraph(phone, id, 'Phone adds that.');
    }
    syncBoth(laptop, phone);

    const text = textOf(laptop, expo);
    expect(text).toBe(textOf(phone, expo));
    expect(text.split('\n').sort()).toEqual(
      ['Fewer expos.', 'More coffees.', 'Laptop adds this.', 'Phone adds that.'].sort(),
    );
    expect(text.startsWith('Fewer expos.\nMore coffees.\n')).toBe(true);
    expect(textOf(laptop, call).split('\n').sort()).toEqual([
      'Laptop adds this.',
      'Phone adds that.',
    ]);
    // The same item on both devices: made by the client derived from the id, at clock 0.
    for (const device of [laptop, phone]) {
      expect(reflectionEntry(reflectionsOf(device), call)?._item?.id).toEqual(
        Y.createID(entryClientId(call), 0),
      );
    }
  });

  it('is one map of every reflection, made by the device’s own client', () => {
    const journal = aReplica();
    const ids = Array.from({ length: 30 }, (_, index) =>
      journal.addInteraction(anInteraction({ title: `Call ${index}` }), {
        reflection: index % 3 === 0 ? [] : [`Note ${index}`],
      }),
    );
    const reflections = reflectionsOf(journal);
    expect([...reflections.share.keys()]).toEqual([REFLECTIONS_ROOT]);
    expect([...reflections.getMap(REFLECTIONS_ROOT).keys()].sort()).toEqual([...ids].sort());
    // No client id per reflection: Yjs walks all of them in every transaction.
    expect([...reflections.store.clients.keys()]).toEqual([reflections.clientID]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(reflections));
    expect(reflectionEntry(copy, ids[7] ?? '')?.toString()).toBe('<paragraph>Note 7</paragraph>');
    expect(reflectionEntry(copy, ids[6] ?? '')?.length).toBe(0);
  });
});

describe('derived client ids', () => {
  it('are 2^32 + the 64-bit FNV-1a of the UTF-8 text modulo 2^53 − 2^32', () => {
    // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c.
    expect(derivedClientId('a')).toBe(1_092_676_288_113_804);
    // Non-ASCII text hashes its UTF-8 bytes.
    expect(entryClientId('Café ☕')).toBe(4_728_007_987_042_100);
  });

  it('never fall among the ids Yjs draws, nor beyond what a number holds exactly', () => {
    for (const text of ['', 'a', 'b', '01JD0000000000000000000000', '\uD800', '😀'.repeat(50)]) {
      const id = derivedClientId(text);
      expect(id).toBeGreaterThanOrEqual(2 ** 32);
      expect(id).toBeLessThan(2 ** 53);
      expect(Number.isSafeInteger(id)).toBe(true);
    }
    // A lone surrogate counts as U+FFFD, as TextEncoder writes it.
    expect(derivedClientId('\uD800')).toBe(derivedClientId('\uFFFD'));
  });

  it('write and read back through a Yjs update', () => {
    const doc = new Y.Doc();
    const client = entryClientId('an interaction');
    doc.clientID = client;
    doc.getMap('reflections').set('an interaction', new Y.XmlFragment());
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const copyV2 = new Y.Doc(); // and in Yjs' second encoding
    Y.applyUpdateV2(copyV2, Y.encodeStateAsUpdateV2(doc));
    for (const read of [copy, copyV2]) {
      expect(Y.getState(read.store, client)).toBe(1);
      expect(reflectionEntry(read, 'an interaction')?._item?.id.client).toBe(client);
    }
  });
});
