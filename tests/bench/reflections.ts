// The reflections document in Node: how long it takes to load, and what one keystroke in a
// reflection costs (one Yjs transaction, as the editor makes per keystroke). Both grow with
// the document's client ids: one per device that wrote, plus one per reflection seeded from
// its text (see buildJournal's reflectionsOpen).
import * as Y from 'yjs';
import { JournalDoc } from '../../shared/doc';
import type { GeneratedEntry } from './generate';
import { buildJournal, dropJournal } from './journal';
import type { SeededJournal } from './seeded';
import { collectGarbage, median, timeMs } from './stats';

/** Median ms of Y.applyUpdate of the reflections into a new document, garbage collected before each. */
export function measureReflectionsLoad(update: Uint8Array, runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    const ydoc = new Y.Doc();
    times.push(timeMs(() => Y.applyUpdate(ydoc, update)));
    ydoc.destroy();
  }
  return median(times);
}

export interface KeystrokeResult {
  readonly medianMs: number;
  /** Client ids in the reflections document (Yjs walks them twice per transaction). */
  readonly clients: number;
}

/**
 * Loads both documents, attaches the reflections as the app does, and types `keystrokes`
 * characters into the first interaction's reflection, each in its own transaction, after 5
 * uncounted ones. Times the transaction: Yjs' own work and the journal's listener that notes
 * the changed reflection (its plain text is written later, once typing pauses).
 */
export function measureReflectionKeystroke(
  seeded: SeededJournal,
  keystrokes: number,
): KeystrokeResult {
  const journal = new JournalDoc(new Y.Doc());
  journal.applyUpdate(seeded.journal);
  const reflections = new Y.Doc();
  Y.applyUpdate(reflections, seeded.reflections);
  journal.attachReflections(reflections);
  const first = journal.getSnapshot().interactions[0]?.id;
  const paragraph = first && journal.reflectionFragment(first)?.get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error('The first reflection has no text to type in.');
  const clients = reflections.store.clients.size;
  collectGarbage();
  const times: number[] = [];
  for (let key = 0; key < keystrokes + 5; key++) {
    const ms = timeMs(() => reflections.transact(() => text.insert(0, 'x')));
    if (key >= 5) times.push(ms);
  }
  journal.destroy();
  journal.ydoc.destroy();
  reflections.destroy();
  return { medianMs: median(times), clients };
}

export interface SeededReflections extends KeystrokeResult {
  readonly bytes: number;
  readonly loadMs: number;
}

/**
 * The same journal logged without its reflections open and every reflection opened since
 * (each seeded as a client id of its own): the reflections' size, load and keystroke.
 */
export function measureSeededReflections(
  entries: readonly GeneratedEntry[],
  keystrokes: number,
): SeededReflections {
  const built = buildJournal(entries, { reflectionsOpen: false });
  const seeded: SeededJournal = {
    count: entries.length,
    journal: built.journal.encode(),
    reflections: Y.encodeStateAsUpdate(built.reflections),
  };
  dropJournal(built);
  return {
    ...measureReflectionKeystroke(seeded, keystrokes),
    bytes: seeded.reflections.byteLength,
    loadMs: measureReflectionsLoad(seeded.reflections, 3),
  };
}

export interface EncodeResult {
  /** Y.encodeStateAsUpdate of the reflections, as the sync server sends and stores them. */
  readonly reflectionsMs: number;
  /** The same of the journal document, for scale. */
  readonly journalMs: number;
}

/** Encodes each loaded document once, garbage collected before each. */
export function measureEncode(seeded: SeededJournal): EncodeResult {
  const time = (update: Uint8Array) => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, update);
    collectGarbage();
    const ms = timeMs(() => Y.encodeStateAsUpdate(ydoc));
    ydoc.destroy();
    return ms;
  };
  return { reflectionsMs: time(seeded.reflections), journalMs: time(seeded.journal) };
}
