// Builds the benchmark journals: one JournalDoc holding the generated entries, and the same
// data as plain JSON records (the baseline every ratio is measured against).
import * as Y from 'yjs';
import { JournalDoc, ORIGIN } from '../../shared/doc';
import type { InteractionFields } from '../../shared/domain';
import type { GeneratedEntry } from './generate';

/** One interaction as plain JSON: the same data the Yjs document holds. */
export interface JsonRecord extends InteractionFields {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The reflection as its plain-text paragraphs. */
  readonly reflection: readonly string[];
}

const FIXED_CLIENT_ID = 2_654_435_769;

export interface BuiltJournal {
  readonly journal: JournalDoc;
  readonly records: JsonRecord[];
}

/**
 * A journal with all `entries`, added through JournalDoc (validated, with the app's record
 * layout) in one transaction for speed. The schema version is written first, as the app
 * does for a new journal, so opening it later migrates nothing.
 */
export function buildJournal(entries: readonly GeneratedEntry[]): BuiltJournal {
  const ydoc = new Y.Doc();
  // Yjs picks a random 32-bit client id, and its varint length (4 or 5 bytes) changes the
  // encoded size by ~2%: a fixed, typical 5-byte one keeps sizes equal from run to run.
  ydoc.clientID = FIXED_CLIENT_ID;
  const journal = new JournalDoc(ydoc);
  journal.migrate();
  const records: JsonRecord[] = [];
  journal.ydoc.transact(() => {
    for (const entry of entries) {
      const id = journal.addInteraction(entry.fields, {
        reflection: entry.reflection,
        now: new Date(entry.loggedAt),
        origin: ORIGIN.restore,
      });
      records.push({
        id,
        ...entry.fields,
        createdAt: entry.loggedAt,
        updatedAt: entry.loggedAt,
        reflection: entry.reflection,
      });
    }
  }, ORIGIN.restore);
  return { journal, records };
}

/** Frees a journal built here (and its document). */
export function dropJournal(journal: JournalDoc): void {
  journal.destroy();
  journal.ydoc.destroy();
}
