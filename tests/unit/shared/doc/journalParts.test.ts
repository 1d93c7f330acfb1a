import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { JournalDoc, journalParts } from '../../../../shared/doc';
import { anInteraction, novemberAt } from '../../../fixtures/interactions';
import { aReplica, reflectionsOf, syncBoth } from '../../../fixtures/replicas';

/** Two devices' worth of journal: records from both, edits of each other's, deletions, notes. */
function aWorkedJournal() {
  const laptop = aReplica(5);
  const desktop = aReplica(9);
  const ids = Array.from({ length: 300 }, (_, n) =>
    (n % 3 === 0 ? desktop : laptop).addInteraction(
      anInteraction({ title: `Coffee ${n}`, startedAt: novemberAt(1 + (n % 28)) }),
      { reflection: [`Reflection ${n}`, 'Second line'] },
    ),
  );
  syncBoth(laptop, desktop);
  for (const [n, id] of ids.entries()) {
    const editor = n % 2 === 0 ? laptop : desktop;
    if (n % 5 === 0) editor.updateInteraction(id, { relevance: 2, outcome: `Edited ${n}` });
    if (n % 17 === 0) editor.deleteInteraction(id);
    if (n % 7 === 0) editor.reflectionFragment(id);
  }
  laptop.setMonthNote('2026-11', 'Fewer expos.');
  syncBoth(laptop, desktop);
  return laptop;
}

/** Same content, same history: every shared type reads the same, same state and deletions. */
function expectSameDocument(copy: Y.Doc, doc: Y.Doc): void {
  expect(copy.store.pendingStructs).toBeNull();
  expect(copy.store.pendingDs).toBeNull();
  expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc));
  const deletions = (of: Y.Doc) => Y.createDeleteSetFromStructStore(of.store);
  expect(Y.equalDeleteSets(deletions(copy), deletions(doc))).toBe(true);
  for (const name of doc.share.keys()) {
    const type = doc.share.get(name);
    const read = (of: Y.Doc) =>
      type instanceof Y.XmlFragment ? of.getXmlFragment(name).toJSON() : of.getMap(name).toJSON();
    expect(read(copy), name).toEqual(read(doc));
  }
}

function rebuilt(parts: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  return doc;
}

describe('journalParts: a document stored in parts', () => {
  it('loads, part after part, into the same document, with nothing left waiting', () => {
    const journal = aWorkedJournal();
    for (const doc of [journal.ydoc, reflectionsOf(journal)]) {
      const parts = [...journalParts(doc, 1024)];
      expect(parts.length).toBeGreaterThan(3);
      expectSameDocument(rebuilt(parts), doc);
    }
  });

  it('keeps every part near the size asked for', () => {
    const journal = aWorkedJournal();
    const parts = [...journalParts(journal.ydoc, 8 * 1024)];
    for (const part of parts.slice(0, -1)) expect(part.length).toBeLessThan(12 * 1024);
    const whole = Y.encodeStateAsUpdate(journal.ydoc).length;
    const total = parts.reduce((sum, part) => sum + part.length, 0);
    expect(total).toBeLessThan(whole * 1.1);
  });

  it('a document that changes between parts: the parts and the changes stored meanwhile still make it', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const journal = aWorkedJournal();
      const doc = reflectionsOf(journal);
      const storedMeanwhile: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => storedMeanwhile.push(update));
      const parts: Uint8Array[] = [];
      const ids = journal.getSnapshot().interactions.map((item) => item.id);
      try {
        let step = 0;
        for (const part of journalParts(doc, 1024)) {
          parts.push(part);
          // Typing here and there splits and merges structs, before and after this point.
          const id = ids[(step++ * 37 * seed) % ids.length];
          const paragraph = id && journal.reflectionFragment(id)?.get(0);
          const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
          if (text instanceof Y.XmlText) text.insert(Math.min(2, text.length), `[${step}]`);
        }
      } catch (error) {
        // Refused: the caller starts again later; nothing half-written is kept.
        expect(String(error)).toMatch(/not contiguous|out of order/);
        continue;
      }
      expectSameDocument(rebuilt([...parts, ...storedMeanwhile]), doc);
    }
  });
});

describe('a journal read as its parts arrive', () => {
  it('lists what a journal opened at once lists, after records changed and left between parts', async () => {
    const source = aWorkedJournal();
    const parts = [...journalParts(source.ydoc, 2 * 1024)];
    const ydoc = new Y.Doc();
    const loading = new JournalDoc(ydoc, { loading: true });
    let notified = 0;
    loading.subscribe(() => notified++);
    let pauses = 0;
    for (const part of parts) Y.applyUpdate(ydoc, part);
    // After the parts: an edit of a record read earlier, and a deletion.
    const [first, second] = source.getSnapshot().interactions;
    if (!first || !second) throw new Error('no interactions');
    source.updateInteraction(first.id, { title: 'Renamed while loading' });
    source.deleteInteraction(second.id);
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(source.ydoc, Y.encodeStateVector(ydoc)));
    expect(notified).toBe(0);
    await loading.finishLoading(() => {
      pauses++;
      return Promise.resolve();
    });
    expect(notified).toBe(1);
    expect(pauses).toBeGreaterThan(2);
    const opened = new JournalDoc(ydoc);
    expect(loading.getSnapshot().interactions).toEqual(opened.getSnapshot().interactions);
    expect(loading.getSnapshot().interactions).toEqual(source.getSnapshot().interactions);
    expect(loading.get(first.id)?.title).toBe('Renamed while loading');
  });
});
