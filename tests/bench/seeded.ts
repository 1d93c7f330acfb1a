// The bench's journals, generated and built once per size and shared by the sections that
// need them (the 20k journal serves the Node, Chromium and sync rows alike). Only encoded
// forms stay in memory, so the built documents do not slow the collections of later runs.
import * as Y from 'yjs';
import { generateEntries, type GeneratedEntry } from './generate';
import { buildJournal, dropJournal } from './journal';
import { toJson } from './measure';
import { progress } from './stats';

/** A journal as a device stores it: both documents, encoded (Y.encodeStateAsUpdate). */
export interface SeededJournal {
  readonly count: number;
  readonly journal: Uint8Array;
  readonly reflections: Uint8Array;
}

/** "2k", "20k", "100k", or the number. */
export function sizeLabel(count: number): string {
  return count >= 1000 && count % 1000 === 0 ? `${count / 1000}k` : String(count);
}

export class Journals {
  private readonly entries = new Map<number, GeneratedEntry[]>();
  private readonly seeded = new Map<number, SeededJournal>();
  /** The JSON baseline of each built size, until the size rows have used it. */
  private readonly json = new Map<number, string>();

  /** The generated entries of a journal of `count` interactions. */
  entriesOf(count: number): GeneratedEntry[] {
    let entries = this.entries.get(count);
    if (!entries) {
      progress(`${sizeLabel(count)}: generating the entries`);
      entries = generateEntries(count);
      this.entries.set(count, entries);
    }
    return entries;
  }

  /** The journal of `count` interactions, both documents encoded. */
  journalOf(count: number): SeededJournal {
    let seeded = this.seeded.get(count);
    if (!seeded) {
      progress(`${sizeLabel(count)}: building the journal and its reflections`);
      const built = buildJournal(this.entriesOf(count));
      seeded = {
        count,
        journal: built.journal.encode(),
        reflections: Y.encodeStateAsUpdate(built.reflections),
      };
      this.json.set(count, toJson(built.records));
      dropJournal(built);
      this.seeded.set(count, seeded);
    }
    return seeded;
  }

  /** The same records as JSON (the baseline of the size and load rows), used once. */
  takeJson(count: number): string {
    this.journalOf(count);
    const json = this.json.get(count);
    if (json === undefined) throw new Error(`The JSON of ${sizeLabel(count)} was used already.`);
    this.json.delete(count);
    return json;
  }

  /** Forgets the entries of a size once no section needs them. */
  dropEntries(count: number): void {
    this.entries.delete(count);
  }
}
