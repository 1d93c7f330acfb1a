// The measurements made in Node: encoded size against JSON, loading against JSON.parse,
// and adding one interaction to a loaded journal.
import * as Y from 'yjs';
import { JournalDoc } from '../../shared/doc';
import { resort } from '../../shared/doc/journalSnapshot';
import { asInteractionId } from '../../shared/domain';
import { previewOf } from '../../renderer/src/platform/journalPreview';
import type { GeneratedEntry } from './generate';
import type { JsonRecord } from './journal';
import { collectGarbage, median, percentile, timeMs } from './stats';

export interface SizeResult {
  readonly encodedBytes: number;
  readonly jsonBytes: number;
}

/** Bytes of the encoded document (Y.encodeStateAsUpdate) and of the same data as JSON (UTF-8). */
export function measureSize(update: Uint8Array, json: string): SizeResult {
  return { encodedBytes: update.byteLength, jsonBytes: Buffer.byteLength(json, 'utf8') };
}

export interface LoadResult {
  /** Median ms of Y.applyUpdate into a new Y.Doc. */
  readonly applyMs: number;
  /** Median ms of Y.applyUpdate and new JournalDoc (its first snapshot). */
  readonly openMs: number;
  /** Median ms of JSON.parse of the same data. */
  readonly parseMs: number;
  /**
   * Median ms of Y.applyUpdate into a new Y.Doc that has an 'update' listener, as under
   * y-indexeddb (which listens before it loads); only measured when asked for.
   */
  readonly applyListenedMs: number | null;
  readonly runs: number;
}

/**
 * Loads the encoded journal `runs` times, each time as the app does before showing anything
 * (apply the stored update to a new document, then build the JournalDoc and its snapshot),
 * and parses the JSON string as often, alternating, with garbage collected before each step.
 * `warmup` runs before those are not counted (they let the JIT compile the code first).
 */
export function measureLoad(
  update: Uint8Array,
  json: string,
  count: number,
  runs: number,
  { warmup = 0, withListener = false }: { warmup?: number; withListener?: boolean } = {},
): LoadResult {
  for (let run = 0; run < warmup; run++) {
    parseOnce(json, count);
    openOnce(update, count);
  }
  const apply: number[] = [];
  const open: number[] = [];
  const parse: number[] = [];
  const listened: number[] = [];
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    parse.push(parseOnce(json, count));
    collectGarbage();
    const [applyMs, openMs] = openOnce(update, count);
    apply.push(applyMs);
    open.push(openMs);
    if (withListener) {
      collectGarbage();
      listened.push(applyListened(update));
    }
  }
  return {
    applyMs: median(apply),
    openMs: median(open),
    parseMs: median(parse),
    applyListenedMs: withListener ? median(listened) : null,
    runs,
  };
}

// One run per function call, so nothing of it stays reachable for the next run's collection.

function parseOnce(json: string, count: number): number {
  let parsed: unknown;
  const ms = timeMs(() => {
    parsed = JSON.parse(json);
  });
  if (!Array.isArray(parsed) || parsed.length !== count) throw new Error('JSON did not load');
  return ms;
}

/** [ms to apply the update, ms to apply it and open the JournalDoc]. */
function openOnce(update: Uint8Array, count: number): [number, number] {
  const ydoc = new Y.Doc();
  const start = performance.now();
  Y.applyUpdate(ydoc, update);
  const applied = performance.now();
  const journal = new JournalDoc(ydoc);
  const opened = performance.now();
  const loaded = journal.getSnapshot().interactions.length;
  if (loaded !== count) throw new Error(`Loaded ${loaded} interactions, expected ${count}`);
  journal.destroy();
  ydoc.destroy();
  return [applied - start, opened - start];
}

/** Ms to apply the update to a document with an 'update' listener (Yjs then encodes it again). */
function applyListened(update: Uint8Array): number {
  const ydoc = new Y.Doc();
  let heard = 0;
  ydoc.on('update', (bytes: Uint8Array) => (heard += bytes.byteLength));
  const ms = timeMs(() => Y.applyUpdate(ydoc, update));
  ydoc.destroy();
  if (heard === 0) throw new Error('The update listener was not called');
  return ms;
}

export interface AddResult {
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly adds: number;
}

/**
 * Adds interactions one at a time (each its own transaction, as the quick-add does) to a
 * journal loaded from `update`, with its reflections (`reflections`) open as in the app once
 * the journal is editable, and a subscriber that reads the new snapshot as the UI does.
 * Times addInteraction until it returns: validation, the Yjs transaction, the reflection's
 * rich text, and the snapshot update with its listeners, which all run synchronously.
 */
export function measureAdd(
  update: Uint8Array,
  reflections: Uint8Array,
  entries: readonly GeneratedEntry[],
  warmup: number,
): AddResult {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, update);
  const journal = new JournalDoc(ydoc);
  const reflectionsDoc = new Y.Doc();
  Y.applyUpdate(reflectionsDoc, reflections);
  journal.attachReflections(reflectionsDoc);
  const before = journal.getSnapshot().interactions.length;
  let seen = 0;
  const unsubscribe = journal.subscribe(() => {
    seen = journal.getSnapshot().interactions.length;
  });
  collectGarbage();
  const times: number[] = [];
  entries.forEach((entry, index) => {
    const ms = timeMs(() => journal.addInteraction(entry.fields, { reflection: entry.reflection }));
    if (index >= warmup) times.push(ms);
  });
  unsubscribe();
  if (seen !== before + entries.length) throw new Error('The snapshot missed some additions');
  journal.destroy();
  ydoc.destroy();
  reflectionsDoc.destroy();
  return {
    medianMs: median(times),
    p95Ms: percentile(times, 0.95),
    maxMs: Math.max(...times),
    adds: times.length,
  };
}

/** The JSON baseline: the records as one JSON array. */
export function toJson(records: readonly JsonRecord[]): string {
  return JSON.stringify(records);
}

export interface SnapshotParts {
  /** Median ms of resort() placing one new interaction in the sorted list. */
  readonly resortMs: number;
  /** Building the stored preview and cloning it, as IndexedDB does when it stores it. */
  readonly previewMs: number;
}

/**
 * Times the step of a snapshot update whose cost grows with the journal (placing the changed
 * record in the sorted list), in isolation, on a journal loaded from `update`.
 */
export function measureSnapshotParts(update: Uint8Array, repeats: number): SnapshotParts {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, update);
  const journal = new JournalDoc(ydoc);
  const { interactions, byId } = journal.getSnapshot();
  const newest = interactions[0];
  if (!newest) throw new Error('The journal is empty');
  const added = { ...newest, id: asInteractionId('bench-added') };
  const records = new Map(byId).set(added.id, added);
  const changed = new Set([added.id]);
  const place: number[] = [];
  const preview: number[] = [];
  collectGarbage();
  for (let i = 0; i < repeats; i++) {
    place.push(timeMs(() => resort(interactions, records, changed, [])));
    preview.push(timeMs(() => structuredClone(previewOf(journal))));
  }
  journal.destroy();
  ydoc.destroy();
  return { resortMs: median(place), previewMs: median(preview) };
}
