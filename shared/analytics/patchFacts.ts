import { compareNewestFirst, listEditOf, type BandThresholds, type Interaction } from '../domain';
import {
  copyFacts,
  copyRun,
  firstRows,
  newColumns,
  workOut,
  type FactColumns,
} from './factColumns';
import {
  journalFactsOf,
  lowerBound,
  newRowStore,
  patchedSources,
  type BuiltFacts,
  type RowStore,
} from './factRows';

/** How many list edits back the last facts may be, and how many interactions changed. */
const MOST_EDITS = 8;
const MOST_CHANGED = 256;

/** The interactions that left `list` and came in since `since`, from the edits noted. */
function changesSince(since: readonly Interaction[], list: readonly Interaction[]) {
  const edits = [];
  for (let at = list; at !== since;) {
    const edit = listEditOf(at);
    if (!edit?.previous || edits.length === MOST_EDITS) return null;
    edits.unshift(edit);
    at = edit.previous;
  }
  const removed = new Set<Interaction>();
  const added = new Set<Interaction>();
  for (const edit of edits) {
    for (const item of edit.removed) if (!added.delete(item)) removed.add(item);
    for (const item of edit.added) added.add(item);
  }
  return removed.size + added.size > MOST_CHANGED ? null : { removed, added };
}

/** The row holding `item` (whose day is `day`), or -1. */
function rowOf(item: Interaction, day: number, days: Int32Array, rows: readonly Interaction[]) {
  for (let row = lowerBound(days, day); row < rows.length && days[row] === day; row++) {
    if (rows[row] === item) return row;
  }
  return -1;
}

/** The row before which `item` goes: after its day's older interactions (newest last). */
function rowFor(item: Interaction, day: number, days: Int32Array, rows: readonly Interaction[]) {
  let row = lowerBound(days, day);
  while (
    row < rows.length &&
    days[row] === day &&
    compareNewestFirst(rows[row] as Interaction, item) > 0
  ) {
    row++;
  }
  return row;
}

/**
 * The facts of `list` made from `previous` when the journal noted how the list came from the
 * previous one (a change gives one such edit): the rows of the interactions that left are
 * dropped, the new ones worked out and put in at their day, and everything else copied a run
 * of rows at a time (or nothing copied, when the new rows come after the last), so the cost
 * does not grow with the journal interaction by interaction. Null when there is no such note,
 * or too much changed: the caller then builds afresh.
 */
export function patchFacts(
  previous: BuiltFacts,
  list: readonly Interaction[],
  bands: BandThresholds,
  fallbackZone: string,
): BuiltFacts | null {
  const changes = changesSince(previous.list, list);
  if (!changes) return null;
  const { days, rows: oldRows } = previous.facts;
  const places = previous.store.columns.places;
  const scratch = newColumns(1);
  const out: number[] = [];
  const takenOut: number[] = [];
  for (const item of changes.removed) {
    workOut(item, scratch, 0, bands, fallbackZone);
    const row = rowOf(item, scratch.days[0] as number, days, oldRows);
    if (row < 0) return null;
    out.push(row);
    takenOut.push(places[row] as number);
  }
  out.sort((a, b) => a - b);
  const added = [...changes.added];
  const fresh = newColumns(added.length);
  const putIn = added
    .map((item, index) => {
      workOut(item, fresh, index, bands, fallbackZone);
      return { item, index, before: rowFor(item, fresh.days[index] as number, days, oldRows) };
    })
    .sort(
      (a, b) =>
        a.before - b.before ||
        (fresh.days[a.index] as number) - (fresh.days[b.index] as number) ||
        compareNewestFirst(b.item, a.item),
    );

  const size = oldRows.length - out.length + added.length;
  if (size !== list.length) return null;
  const placed =
    out.length === 0 && putIn.every(({ before }) => before === oldRows.length)
      ? appended(previous, putIn, fresh, size)
      : merged(previous, out, putIn, fresh, size);
  if (!placed) return null;
  const { store, rows, newRows } = placed;
  const columns = firstRows(store.columns, size);
  const sources = store.sources.subarray(0, size);
  const patched = patchedSources(previous.sources, columns.places, sources, newRows, takenOut);
  return {
    list,
    signature: previous.signature,
    facts: journalFactsOf(rows, columns, patched),
    store,
    sources: patched,
  };
}

interface PutIn {
  readonly item: Interaction;
  /** Its row in `fresh`, the columns worked out for the new interactions. */
  readonly index: number;
  /** The old row it goes before. */
  readonly before: number;
}

interface Placed {
  readonly store: RowStore;
  readonly rows: Interaction[];
  /** The rows that were put in, in the new facts. */
  readonly newRows: number[];
}

/**
 * New rows that all come after the last one (a new interaction on the last day, as logging
 * what just happened gives): written past the old rows in the same store when it has room
 * and no later facts wrote there, so nothing is copied; null otherwise.
 */
function appended(
  previous: BuiltFacts,
  putIn: readonly PutIn[],
  fresh: FactColumns,
  size: number,
): Placed | null {
  const { store } = previous;
  const oldSize = previous.facts.size;
  if (store.filled !== oldSize || store.sources.length < size) {
    return merged(previous, [], putIn, fresh, size);
  }
  const newRows = putIn.map(({ index }, offset) => {
    copyFacts(fresh, index, store.columns, oldSize + offset);
    return oldSize + offset;
  });
  store.filled = size;
  return { store, rows: previous.facts.rows.concat(putIn.map(({ item }) => item)), newRows };
}

/** The old rows but those `out`, with the new ones put in at their place, in a new store. */
function merged(
  previous: BuiltFacts,
  out: readonly number[],
  putIn: readonly PutIn[],
  fresh: FactColumns,
  size: number,
): Placed | null {
  const old = previous.store.columns;
  const oldRows = previous.facts.rows;
  const oldSources = previous.sources.sources;
  const store = newRowStore(size);
  const parts: (readonly Interaction[])[] = [];
  const newRows: number[] = [];
  let read = 0;
  let write = 0;
  let nextOut = 0;
  let nextIn = 0;
  for (;;) {
    const stop = Math.min(putIn[nextIn]?.before ?? oldRows.length, out[nextOut] ?? oldRows.length);
    if (stop > read) {
      copyRun(old, read, store.columns, write, stop - read);
      store.sources.set(oldSources.subarray(read, stop), write);
      parts.push(oldRows.slice(read, stop));
      write += stop - read;
      read = stop;
    }
    const coming = putIn[nextIn];
    if (coming?.before === read) {
      copyFacts(fresh, coming.index, store.columns, write);
      parts.push([coming.item]);
      newRows.push(write);
      write++;
      nextIn++;
    } else if (out[nextOut] === read) {
      read++;
      nextOut++;
    } else break;
  }
  if (write !== size) return null;
  return { store, rows: ([] as Interaction[]).concat(...parts), newRows };
}
