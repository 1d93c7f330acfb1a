import { compareNewestFirst, type Interaction } from '../domain';
import { newColumns, placeKeys, placeNames, roomFor, type FactColumns } from './factColumns';
import { NO_SOURCE_LABEL } from './sourceKey';
import type { Period } from './types';

/**
 * A journal prepared for analytics: one row per interaction, ordered by local day (oldest
 * first), in columns, so that any period is a contiguous run of rows found by binary search.
 * Build it with buildJournalFacts; the figure functions read its columns.
 */
export interface JournalFacts {
  /** How many interactions. */
  readonly size: number;
  /** The interactions in row order. */
  readonly rows: readonly Interaction[];
  /** Local day of each row's start, ascending. */
  readonly days: Int32Array;
  readonly minutes: Int32Array;
  /** Index in RELEVANCE_BANDS. */
  readonly bands: Uint8Array;
  /** The rating, 0 when unrated. */
  readonly relevance: Uint8Array;
  /** Index in INTERACTION_KINDS. */
  readonly kinds: Uint8Array;
  /** Index in sourceKeys / sourceLabels. */
  readonly sources: Int32Array;
  readonly sourceKeys: readonly string[];
  /** The most used spelling of each source (ties: the most recent). */
  readonly sourceLabels: readonly string[];
  /** Next step due day of each row, NO_DAY when it has none (or no next step). */
  readonly dueDays: Int32Array;
  /** Next step done day of each row, NO_DAY while open (or no next step). */
  readonly doneDays: Int32Array;
  /** Rows with a next step (due or not, done or not). */
  readonly hasNextStep: Uint8Array;
  /** The rows [from, to) whose day is in the period. */
  rowsIn(period: Period): [number, number];
  /** The interactions that count in the period, newest first. */
  interactionsIn(period: Period): Interaction[];
}

/** The sources of a journal's rows: which source each place spelling is, and their labels. */
export interface Sources {
  /** Source index of each row. */
  readonly sources: Int32Array;
  readonly sourceKeys: readonly string[];
  readonly sourceLabels: readonly string[];
  /** Source index of each place spelling (-1 for spellings not seen yet). */
  readonly sourceOfPlace: Int32Array;
  readonly sourceIndex: ReadonlyMap<string, number>;
  /** How many rows use each place spelling. */
  readonly uses: Int32Array;
}

/**
 * The memory behind facts' columns: rows in day order, with each row's place spelling and
 * source, and room past them. Facts read views of their first rows, so rows added past those
 * (a new interaction on the last day) make new facts without copying, and the old ones still
 * see only their own rows.
 */
export interface RowStore {
  readonly columns: FactColumns;
  readonly sources: Int32Array;
  /** How many rows are written: only facts that end here may add rows in place. */
  filled: number;
}

export function newRowStore(size: number): RowStore {
  const room = roomFor(size);
  return { columns: newColumns(room), sources: new Int32Array(room), filled: size };
}

/** Facts as built, with what the next build needs to patch them instead of starting over. */
export interface BuiltFacts {
  readonly list: readonly Interaction[];
  readonly signature: string;
  readonly facts: JournalFacts;
  readonly store: RowStore;
  readonly sources: Sources;
}

/** The first index in the ascending `values` (within [from, to)) that is ≥ `target`. */
export function lowerBound(values: Int32Array, target: number, from = 0, to = values.length) {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The spelling shown for a source: trimmed, inner spaces folded. */
const labelOf = (key: string, place: number) =>
  key === '' ? NO_SOURCE_LABEL : (placeNames[place] ?? '').trim().replace(/\s+/g, ' ');

/** Whether spelling `place` makes a better label than `best` (-1: none yet). */
function betterLabel(place: number, best: number, uses: Int32Array, newest: Int32Array) {
  const count = uses[place] as number;
  return (
    best < 0 ||
    count > (uses[best] as number) ||
    (count === uses[best] && (newest[place] as number) > (newest[best] as number))
  );
}

/**
 * Each row's source (written into `into`), and each source's label: its spelling used most
 * often, of those the one used last (in row order: by day, newest last).
 */
export function sourcesOf(places: Int32Array, into: Int32Array): Sources {
  const spellings = placeNames.length;
  const sources = into.subarray(0, places.length);
  const uses = new Int32Array(spellings);
  const newest = new Int32Array(spellings).fill(-1);
  const sourceOfPlace = new Int32Array(spellings).fill(-1);
  const sourceIndex = new Map<string, number>();
  const sourceKeys: string[] = [];
  for (let row = 0; row < places.length; row++) {
    const place = places[row] as number;
    uses[place] = (uses[place] as number) + 1;
    newest[place] = row;
    let source = sourceOfPlace[place] as number;
    if (source < 0) {
      const key = placeKeys[place] as string;
      source = sourceIndex.get(key) ?? sourceKeys.push(key) - 1;
      sourceIndex.set(key, source);
      sourceOfPlace[place] = source;
    }
    sources[row] = source;
  }
  const label = new Int32Array(sourceKeys.length).fill(-1);
  for (let place = 0; place < spellings; place++) {
    if (uses[place] === 0) continue;
    const source = sourceOfPlace[place] as number;
    if (betterLabel(place, label[source] as number, uses, newest)) label[source] = place;
  }
  const sourceLabels = sourceKeys.map((key, source) => labelOf(key, label[source] as number));
  return { sources, sourceKeys, sourceLabels, sourceOfPlace, sourceIndex, uses };
}

/**
 * The sources after rows were taken out and put in: `places` and `sources` are the new rows'
 * columns, filled in but for the sources of the rows put in (`putIn`); `takenOut` are the
 * place spellings of the rows taken out. Only the sources they touch get a new label.
 */
export function patchedSources(
  previous: Sources,
  places: Int32Array,
  sources: Int32Array,
  putIn: readonly number[],
  takenOut: readonly number[],
): Sources {
  const spellings = placeNames.length;
  const uses = new Int32Array(spellings);
  uses.set(previous.uses);
  const sourceOfPlace = new Int32Array(spellings).fill(-1);
  sourceOfPlace.set(previous.sourceOfPlace);
  let sourceIndex = previous.sourceIndex;
  let sourceKeys = previous.sourceKeys;
  const touched = new Set<number>();
  for (const place of takenOut) {
    uses[place] = (uses[place] as number) - 1;
    touched.add(sourceOfPlace[place] as number);
  }
  for (const row of putIn) {
    const place = places[row] as number;
    uses[place] = (uses[place] as number) + 1;
    let source = sourceOfPlace[place] as number;
    if (source < 0) {
      const key = placeKeys[place] as string;
      source = sourceIndex.get(key) ?? -1;
      if (source < 0) {
        sourceKeys = [...sourceKeys, key];
        source = sourceKeys.length - 1;
        sourceIndex = new Map(sourceIndex).set(key, source);
      }
      sourceOfPlace[place] = source;
    }
    sources[row] = source;
    touched.add(source);
  }
  const sourceLabels = [...previous.sourceLabels];
  for (const source of touched) {
    sourceLabels[source] = labelOf(
      sourceKeys[source] as string,
      labelPlaceOf(source, sourceOfPlace, uses, places),
    );
  }
  return { sources, sourceKeys, sourceLabels, sourceOfPlace, sourceIndex, uses };
}

/** The spelling that labels `source`: the most used; of those, the one used last. */
function labelPlaceOf(
  source: number,
  sourceOfPlace: Int32Array,
  uses: Int32Array,
  places: Int32Array,
) {
  const tied: number[] = [];
  for (let place = 0; place < sourceOfPlace.length; place++) {
    if (sourceOfPlace[place] !== source || uses[place] === 0) continue;
    if (tied.length > 0 && (uses[place] as number) < (uses[tied[0] as number] as number)) continue;
    if (tied.length > 0 && (uses[place] as number) > (uses[tied[0] as number] as number)) {
      tied.length = 0;
    }
    tied.push(place);
  }
  if (tied.length < 2) return tied[0] ?? -1;
  for (let row = places.length - 1; row >= 0; row--) {
    if (tied.includes(places[row] as number)) return places[row] as number;
  }
  return tied[0] as number;
}

/** The facts the figure functions read, from rows in day order and their columns. */
export function journalFactsOf(
  rows: readonly Interaction[],
  columns: FactColumns,
  sources: Sources,
): JournalFacts {
  const { days } = columns;
  const rowsIn = (period: Period): [number, number] => {
    const from = lowerBound(days, period.start);
    return [from, lowerBound(days, period.end, from)];
  };
  return {
    size: rows.length,
    rows,
    days,
    minutes: columns.minutes,
    bands: columns.bands,
    relevance: columns.relevance,
    kinds: columns.kinds,
    hasNextStep: columns.hasNextStep,
    dueDays: columns.dueDays,
    doneDays: columns.doneDays,
    sources: sources.sources,
    sourceKeys: sources.sourceKeys,
    sourceLabels: sources.sourceLabels,
    rowsIn,
    interactionsIn(period: Period): Interaction[] {
      const [from, to] = rowsIn(period);
      return rows.slice(from, to).sort(compareNewestFirst);
    },
  };
}
