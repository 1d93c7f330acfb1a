import * as Y from 'yjs';
import { ORIGIN } from './origins';
import { REFLECTIONS_ROOT, reflectionEntry } from './reflectionEntries';
import { reflectionText } from './reflectionText';
import { FIELD, ROOT } from './schema';
import { itemsWithin, UpdateWriter } from './updateWriter';

/**
 * Moving reflections out of the journal document (schema 2 kept each one inside its
 * interaction's record) into the reflections document, where each is a fragment under the
 * interaction's id (see reflectionEntries.ts).
 *
 * The move copies the reflection's Yjs items with their own ids: the fragment's own item
 * becomes the reflection's entry in the reflections map, its content comes along as it is,
 * and the ranges of the same clients that are not reflections are written as collected
 * content (GC). So the move is the same on every device: two devices that move one
 * reflection, offline and at the same time, write the same items, which Yjs merges into one;
 * a device that had seen more of a reflection's history adds just what the other lacked, as
 * sync would; and edits made after the move, which name the moved items as neighbours, merge
 * with any later copy of them.
 */

/** The schema-2 reflection still inside an interaction's record, if any. */
function oldReflectionOf(record: unknown): Y.XmlFragment | null {
  if (!(record instanceof Y.Map)) return null;
  const reflection = (record as Y.Map<unknown>).get(FIELD.reflection);
  return reflection instanceof Y.XmlFragment ? reflection : null;
}

/** The schema-2 reflections still inside a journal document (of `ids`, or all), by interaction id. */
export function reflectionsToMove(
  journal: Y.Doc,
  ids?: Iterable<string>,
): Map<string, Y.XmlFragment> {
  const records = journal.getMap(ROOT.interactions);
  const found = new Map<string, Y.XmlFragment>();
  const entries = ids ? [...ids].map((id) => [id, records.get(id)] as const) : records.entries();
  for (const [id, record] of entries) {
    const reflection = oldReflectionOf(record);
    if (reflection) found.set(id, reflection);
  }
  return found;
}

/**
 * The update that puts the journal's schema-2 reflections into the reflections document,
 * each under its interaction's id, with their items' ids; null when there is none to move.
 */
export function reflectionsMoveUpdate(
  fragments: ReadonlyMap<string, Y.XmlFragment>,
): Uint8Array | null {
  const byClient = new Map<number, { item: Y.Item; entryOf?: string }[]>();
  const add = (item: Y.Item, entryOf?: string) => {
    let items = byClient.get(item.id.client);
    if (!items) byClient.set(item.id.client, (items = []));
    items.push({ item, entryOf });
  };
  for (const [id, fragment] of fragments) {
    if (fragment._item) add(fragment._item, id);
    for (const item of itemsWithin(fragment)) add(item);
  }
  if (byClient.size === 0) return null;
  const writer = new UpdateWriter();
  for (const [client, items] of byClient) {
    items.sort((a, b) => a.item.id.clock - b.item.id.clock);
    // From clock 0: the clocks before the first reflection item are the journal's, not ours.
    writer.gc(client, 0, items[0]?.item.id.clock ?? 0);
    for (const { item, entryOf } of items) {
      if (entryOf === undefined) writer.item(item);
      else writer.mapEntry(item, REFLECTIONS_ROOT, entryOf);
    }
  }
  return writer.toUpdate();
}

/** Whether the reflections document holds every item of a schema-2 reflection. */
export function holdsAll(reflections: Y.Doc, fragment: Y.XmlFragment): boolean {
  const items = itemsWithin(fragment);
  if (fragment._item) items.push(fragment._item);
  return items.every(
    (item) => Y.getState(reflections.store, item.id.client) >= item.id.clock + item.length,
  );
}

/**
 * Copies schema-2 reflections into the reflections document (items with their own ids, see
 * above), those of `ids` or all; returns the ids of those that had something to copy.
 * Idempotent: items the reflections document holds already are not copied again.
 */
export function copyReflections(
  journal: Y.Doc,
  reflections: Y.Doc,
  ids?: Iterable<string>,
): string[] {
  const missing = new Map<string, Y.XmlFragment>();
  for (const [id, fragment] of reflectionsToMove(journal, ids)) {
    if (!holdsAll(reflections, fragment)) missing.set(id, fragment);
  }
  const update = reflectionsMoveUpdate(missing);
  if (update) Y.applyUpdate(reflections, update, ORIGIN.migration);
  return [...missing.keys()];
}

/**
 * Finishes the move once the copies are stored: copies again what arrived meanwhile, then
 * removes each schema-2 reflection from its record, after setting the record's plain text
 * from the moved reflection. A reflection whose items did not all arrive stays where it is.
 * Returns the ids of the records whose reflection was removed.
 */
export function dropMovedReflections(
  journal: Y.Doc,
  reflections: Y.Doc,
  /** The plain text stored on a record (not read from its schema-2 reflection). */
  storedText: (id: string) => unknown,
): string[] {
  copyReflections(journal, reflections);
  const records = journal.getMap(ROOT.interactions);
  const dropped: string[] = [];
  journal.transact(() => {
    for (const [id, fragment] of reflectionsToMove(journal)) {
      if (!holdsAll(reflections, fragment)) continue;
      const record = records.get(id) as Y.Map<unknown>;
      const entry = reflectionEntry(reflections, id);
      const text = entry ? reflectionText(entry) : '';
      if (text !== (storedText(id) ?? '')) record.set(FIELD.reflectionText, text);
      record.delete(FIELD.reflection);
      dropped.push(id);
    }
  }, ORIGIN.migration);
  return dropped;
}
