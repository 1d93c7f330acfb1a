import * as Y from 'yjs';
import { replaceText } from './monthNotes';
import { reflectionEntry, reflectionsMap } from './reflectionEntries';
import { ROOT } from './schema';

/**
 * Makes the journal in `doc` equal to the one in `backup` through ordinary edits: records
 * the backup lacks are deleted, records it has are added back, and fields, reflections, month
 * notes and settings are set to the backup's values. Unlike replacing the stored document,
 * these edits are new changes, so a journal that syncs restores on every device: a replaced
 * document would merge with the server's copy and get back everything the backup undid.
 * The schema record (`meta`) is left alone. Runs as one transaction with `origin`.
 */
export function restoreAsChanges(doc: Y.Doc, backup: Y.Doc, origin: unknown): void {
  doc.transact(() => {
    matchMap(doc.getMap(ROOT.interactions), backup.getMap(ROOT.interactions), matchRecord);
    matchMap(doc.getMap(ROOT.monthNotes), backup.getMap(ROOT.monthNotes), matchValue);
    matchMap(doc.getMap(ROOT.settings), backup.getMap(ROOT.settings), matchValue);
    for (const root of [ROOT.goals, ROOT.contacts, ROOT.plannedEvents, ROOT.introductions]) {
      matchMap(doc.getMap(root), backup.getMap(root), matchRecord);
    }
    matchMap(
      doc.getMap(ROOT.dismissedSuggestions),
      backup.getMap(ROOT.dismissedSuggestions),
      matchValue,
    );
  }, origin);
}

type Match = (target: Y.Map<unknown>, key: string, current: unknown, wanted: unknown) => void;

/** Deletes the keys `wanted` lacks, copies in those `target` lacks, and matches the others. */
function matchMap(target: Y.Map<unknown>, wanted: Y.Map<unknown>, match: Match): void {
  for (const key of [...target.keys()]) {
    if (!wanted.has(key)) target.delete(key);
  }
  for (const [key, value] of wanted.entries()) {
    if (target.has(key)) match(target, key, target.get(key), value);
    else target.set(key, copyOf(value));
  }
}

/**
 * Makes every reflection in `doc` (the reflections document) equal to the backup's, through
 * new changes: a reflection that differs is replaced, one the backup lacks is emptied.
 *
 * First what the backup holds and `doc` lacks is merged in, as if the device that made the
 * backup synced: a reflection this device does not have yet arrives with its own entry, the
 * very item its other devices may still send (a new entry made here would replace that one).
 */
export function restoreReflectionsAsChanges(doc: Y.Doc, backup: Y.Doc, origin: unknown): void {
  doc.transact(() => {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(backup, Y.encodeStateVector(doc)), origin);
    const ids = new Set([...reflectionsMap(doc).keys(), ...reflectionsMap(backup).keys()]);
    for (const id of ids) {
      const current = reflectionEntry(doc, id);
      if (!current) continue;
      const wanted = reflectionEntry(backup, id);
      if (wanted) matchFragment(current, wanted);
      else if (current.length > 0) current.delete(0, current.length);
    }
  }, origin);
}

function matchFragment(current: Y.XmlFragment, wanted: Y.XmlFragment): void {
  if (current.toJSON() === wanted.toJSON()) return;
  if (current.length > 0) current.delete(0, current.length);
  // Reflections hold elements and text only (hooks are not part of the schema).
  current.insert(
    0,
    wanted.toArray().flatMap((node) => (node instanceof Y.XmlHook ? [] : [node.clone()])),
  );
}

/** One record: key by key, so that only what differs becomes a change. */
const matchRecord: Match = (target, key, current, wanted) => {
  if (current instanceof Y.Map && wanted instanceof Y.Map) {
    matchMap(current as Y.Map<unknown>, wanted as Y.Map<unknown>, matchValue);
  } else {
    matchValue(target, key, current, wanted);
  }
};

/** A field, a note or a setting: left as it is when equal, otherwise made equal. */
const matchValue: Match = (target, key, current, wanted) => {
  if (current instanceof Y.Text && wanted instanceof Y.Text) {
    replaceText(current, wanted.toJSON());
  } else if (current instanceof Y.XmlFragment && wanted instanceof Y.XmlFragment) {
    matchFragment(current, wanted);
  } else if (!sameValue(current, wanted)) {
    target.set(key, copyOf(wanted));
  }
};

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A value for another document: shared types are cloned, plain values copied as they are. */
function copyOf(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.clone() : value;
}
