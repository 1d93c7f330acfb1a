// Builds the benchmark journals as the app holds them (schema 3): the journal document, the
// reflections document with every reflection as rich text, and the same records as plain
// JSON (the baseline every size and load ratio is measured against).
import * as Y from 'yjs';
import { JournalDoc, ORIGIN } from '../../shared/doc';
import type { InteractionFields, InteractionId } from '../../shared/domain';
import type { GeneratedEntry } from './generate';

/** One interaction as plain JSON: the same data the journal document holds. */
export interface JsonRecord extends InteractionFields {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The reflection as plain text, its paragraphs one per line (as the journal keeps it). */
  readonly reflection: string;
}

const FIXED_CLIENT_ID = 2_654_435_769;
/** Interactions added per transaction while building. */
const BATCH = 1000;

export interface BuiltJournal {
  readonly journal: JournalDoc;
  /** The reflections document, attached to the journal, every reflection in it as rich text. */
  readonly reflections: Y.Doc;
  readonly records: JsonRecord[];
}

/**
 * A journal with all `entries`, added through JournalDoc (validated, with the app's record
 * layout). The schema version is written first, as the app does for a new journal, so
 * opening it later migrates nothing. A thousand interactions per transaction, for speed.
 *
 * With `reflectionsOpen` (the default), the reflections are open while logging, as in the app
 * once a journal is editable: each reflection is written as rich text at once, by the device.
 * Without, each record is marked to have its rich text made from its text, and then every
 * reflection is opened once (journal.reflectionFragment), which seeds it, as a client id of
 * its own per reflection: a journal logged elsewhere whose every reflection was opened since.
 */
export function buildJournal(
  entries: readonly GeneratedEntry[],
  { reflectionsOpen = true }: { reflectionsOpen?: boolean } = {},
): BuiltJournal {
  const ydoc = new Y.Doc();
  // Yjs picks a random 32-bit client id, and its varint length (4 or 5 bytes) changes the
  // encoded size by ~2%: a fixed, typical 5-byte one keeps sizes equal from run to run.
  ydoc.clientID = FIXED_CLIENT_ID;
  // Loading: the records are read as they come and sorted once, at the end.
  const journal = new JournalDoc(ydoc, { loading: true });
  journal.migrate();
  const reflections = new Y.Doc();
  reflections.clientID = FIXED_CLIENT_ID;
  if (reflectionsOpen) journal.attachReflections(reflections);
  const records: JsonRecord[] = [];
  // A transaction per batch, not one for all: a transaction keeps every change it made until
  // it ends, and with 100k interactions that makes garbage collection take minutes.
  const addBatch = (batch: readonly GeneratedEntry[]) =>
    journal.ydoc.transact(() => {
      for (const entry of batch) {
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
          reflection: entry.reflection.join('\n'),
        });
      }
    }, ORIGIN.restore);
  for (let start = 0; start < entries.length; start += BATCH) {
    const batch = entries.slice(start, start + BATCH);
    if (reflectionsOpen) reflections.transact(() => addBatch(batch), ORIGIN.seed);
    else addBatch(batch);
  }
  // Without a pause between its merges it completes before returning.
  void journal.finishLoading();
  if (!reflectionsOpen) {
    journal.attachReflections(reflections);
    // One transaction around all the seeds: a transaction costs time in proportion to the
    // document's client ids (Yjs takes its state vector before and after), one per seed here.
    reflections.transact(() => {
      for (const { id } of records) journal.reflectionFragment(id as InteractionId);
    }, ORIGIN.seed);
  }
  return { journal, reflections, records };
}

/** Frees a journal built here (and both its documents). */
export function dropJournal({ journal, reflections }: BuiltJournal): void {
  journal.destroy();
  journal.ydoc.destroy();
  reflections.destroy();
}
