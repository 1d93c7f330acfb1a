import {
  INTERACTION_KINDS,
  relevanceBand,
  RELEVANCE_BANDS,
  type BandThresholds,
  type Interaction,
  type InteractionKind,
} from '../domain';
import { parseDayNumber } from './calendar';
import { NO_SOURCE_LABEL, sourceKeyOf } from './sourceKey';
import { instantMsOf, localDayOf, resolveTimeZone } from './timeZones';
import type { AnalyticsSettings, Period } from './types';

/** Stands for "no date" in the day columns (no real day is this far back). */
export const NO_DAY = -0x7fffffff;

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
  /** Each row's position in the journal's list (0 = newest). */
  readonly listIndex: Int32Array;
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

/** Only the bands and the fallback zone change what is worked out per interaction. */
function signatureOf(settings: AnalyticsSettings, fallbackZone: string): string {
  return `${settings.bands.highFrom}/${settings.bands.lowUpTo}/${fallbackZone}`;
}

/** journal list → its facts, with the signature they were built for. */
const journalCache = new WeakMap<
  readonly Interaction[],
  { signature: string; facts: JournalFacts }
>();

/**
 * Every place spelling seen, numbered, with its folded source key: spellings are few and
 * repeat, and numbers let the facts of a journal be grouped by source with arrays, not maps.
 */
const placeIds = new Map<string, number>();
const placeNames: string[] = [];
const placeKeys: string[] = [];

function placeIdOf(place: string): number {
  let id = placeIds.get(place);
  if (id === undefined) {
    id = placeNames.length;
    placeIds.set(place, id);
    placeNames.push(place);
    placeKeys.push(sourceKeyOf(place));
  }
  return id;
}

const KIND_INDEX = new Map<string, number>(INTERACTION_KINDS.map((kind, index) => [kind, index]));
const BAND_INDEX = new Map<string, number>(RELEVANCE_BANDS.map((band, index) => [band, index]));
const OTHER_KIND = INTERACTION_KINDS.indexOf('other' satisfies InteractionKind);

/** What analytics need of each interaction, one column each. */
interface FactColumns {
  readonly days: Int32Array;
  readonly minutes: Int32Array;
  /** Index in RELEVANCE_BANDS. */
  readonly bands: Uint8Array;
  /** The rating, 0 when unrated. */
  readonly relevance: Uint8Array;
  /** Index in INTERACTION_KINDS. */
  readonly kinds: Uint8Array;
  /** Index in placeNames. */
  readonly places: Int32Array;
  readonly hasNextStep: Uint8Array;
  readonly dueDays: Int32Array;
  readonly doneDays: Int32Array;
}

function newColumns(size: number): FactColumns {
  return {
    days: new Int32Array(size),
    minutes: new Int32Array(size),
    bands: new Uint8Array(size),
    relevance: new Uint8Array(size),
    kinds: new Uint8Array(size),
    places: new Int32Array(size),
    hasNextStep: new Uint8Array(size),
    dueDays: new Int32Array(size),
    doneDays: new Int32Array(size),
  };
}

/** The facts of each interaction by its index in the journal's list. */
interface ListFacts extends FactColumns {
  readonly list: readonly Interaction[];
  readonly signature: string;
}

/**
 * The last list worked out: the next snapshot's list holds the same interaction objects but
 * the few that changed, so their facts are copied from here instead of worked out again.
 */
let lastBuilt: ListFacts | undefined;

function workOut(
  interaction: Interaction,
  into: ListFacts,
  at: number,
  bands: BandThresholds,
  fallbackZone: string,
): void {
  const instant = instantMsOf(interaction.startedAt);
  const zone = resolveTimeZone(interaction.timeZone, fallbackZone);
  const hasNextStep = interaction.nextStep.trim() !== '';
  into.days[at] = localDayOf(Number.isNaN(instant) ? 0 : instant, zone);
  into.minutes[at] = Number.isFinite(interaction.durationMinutes)
    ? Math.max(0, Math.round(interaction.durationMinutes))
    : 0;
  into.bands[at] = BAND_INDEX.get(relevanceBand(interaction.relevance, bands)) ?? 0;
  into.relevance[at] = interaction.relevance ?? 0;
  into.kinds[at] = KIND_INDEX.get(interaction.kind) ?? OTHER_KIND;
  into.places[at] = placeIdOf(interaction.place);
  into.hasNextStep[at] = hasNextStep ? 1 : 0;
  into.dueDays[at] = (hasNextStep ? parseDayNumber(interaction.nextStepDue) : null) ?? NO_DAY;
  into.doneDays[at] = (hasNextStep ? parseDayNumber(interaction.nextStepDone) : null) ?? NO_DAY;
}

/** Copies `length` rows from `fromAt` to `at`, a column at a time. */
function copyRun(from: FactColumns, fromAt: number, into: FactColumns, at: number, length: number) {
  const end = fromAt + length;
  into.days.set(from.days.subarray(fromAt, end), at);
  into.minutes.set(from.minutes.subarray(fromAt, end), at);
  into.bands.set(from.bands.subarray(fromAt, end), at);
  into.relevance.set(from.relevance.subarray(fromAt, end), at);
  into.kinds.set(from.kinds.subarray(fromAt, end), at);
  into.places.set(from.places.subarray(fromAt, end), at);
  into.hasNextStep.set(from.hasNextStep.subarray(fromAt, end), at);
  into.dueDays.set(from.dueDays.subarray(fromAt, end), at);
  into.doneDays.set(from.doneDays.subarray(fromAt, end), at);
}

function copyFacts(from: FactColumns, fromAt: number, into: FactColumns, at: number): void {
  into.days[at] = from.days[fromAt] as number;
  into.minutes[at] = from.minutes[fromAt] as number;
  into.bands[at] = from.bands[fromAt] as number;
  into.relevance[at] = from.relevance[fromAt] as number;
  into.kinds[at] = from.kinds[fromAt] as number;
  into.places[at] = from.places[fromAt] as number;
  into.hasNextStep[at] = from.hasNextStep[fromAt] as number;
  into.dueDays[at] = from.dueDays[fromAt] as number;
  into.doneDays[at] = from.doneDays[fromAt] as number;
}

/**
 * Each interaction's facts, in list order: copied from the last list for the objects it also
 * held (found by walking both lists side by side, which an edit, an insertion or a removal
 * keeps nearly aligned, else by a lookup table), worked out for the others.
 */
function listFactsOf(
  list: readonly Interaction[],
  settings: AnalyticsSettings,
  fallbackZone: string,
  signature: string,
): ListFacts {
  const size = list.length;
  const built: ListFacts = { list, signature, ...newColumns(size) };
  const previous = lastBuilt?.signature === signature ? lastBuilt : undefined;
  const before = previous?.list ?? [];
  let lookup: Map<Interaction, number> | undefined;
  let at = 0;
  let misses = 0;
  for (let index = 0; index < size;) {
    const interaction = list[index] as Interaction;
    let from = -1;
    if (before[at] === interaction) from = at;
    else if (before[at + 1] === interaction) from = at + 1;
    else if (previous && misses >= 2) {
      lookup ??= new Map(before.map((item, position) => [item, position]));
      from = lookup.get(interaction) ?? -1;
    }
    if (previous && from >= 0) {
      // The run of objects both lists hold in the same order, copied column by column.
      let length = 1;
      while (index + length < size && before[from + length] === list[index + length]) length++;
      copyRun(previous, from, built, index, length);
      index += length;
      at = from + length;
      misses = 0;
    } else {
      workOut(interaction, built, index, settings.bands, fallbackZone);
      misses++;
      // The one at `at` was replaced by this one: step over it.
      if (before[at + 1] !== undefined && before[at + 1] === list[index + 1]) at++;
      index++;
    }
  }
  lastBuilt = built;
  return built;
}

/**
 * Facts for a journal list (newest first, as in the snapshot). Cached: the same list with the
 * same bands and fallback zone gives the same object back, and the next list reuses the work
 * done for every interaction object it shares with the last one.
 * `fallbackZone` (the viewer's zone) places interactions whose stored zone is not valid.
 */
export function buildJournalFacts(
  interactions: readonly Interaction[],
  settings: AnalyticsSettings,
  fallbackZone: string,
): JournalFacts {
  const signature = signatureOf(settings, fallbackZone);
  const cached = journalCache.get(interactions);
  if (cached?.signature === signature) return cached.facts;
  const built = assemble(
    interactions,
    listFactsOf(interactions, settings, fallbackZone, signature),
  );
  journalCache.set(interactions, { signature, facts: built });
  return built;
}

/**
 * List indices ordered by local day, then newest last. The list is newest first by instant
 * and local days differ from that order only among interactions a day or so apart (zones
 * are at most 14 h from UTC), so an insertion sort of the reversed list is close to linear;
 * should the list be in some other order, a full sort takes over.
 */
function orderByDay(listDays: Int32Array): Int32Array {
  const n = listDays.length;
  const order = new Int32Array(n);
  const days = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    order[i] = n - 1 - i;
    days[i] = listDays[n - 1 - i] as number;
  }
  let budget = 16 * n + 64;
  for (let i = 1; i < n && budget > 0; i++) {
    const day = days[i] as number;
    const index = order[i] as number;
    let j = i - 1;
    while (j >= 0 && (days[j] as number) > day) {
      days[j + 1] = days[j] as number;
      order[j + 1] = order[j] as number;
      j--;
      budget--;
    }
    days[j + 1] = day;
    order[j + 1] = index;
  }
  if (budget <= 0) {
    const sorted = Array.from(order).sort(
      (a, b) => (listDays[a] as number) - (listDays[b] as number) || b - a,
    );
    order.set(sorted);
  }
  return order;
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

function assemble(interactions: readonly Interaction[], facts: ListFacts): JournalFacts {
  const size = interactions.length;
  const order = orderByDay(facts.days);
  const rows: Interaction[] = new Array<Interaction>(size);
  const inRows = newColumns(size);
  const sources = new Int32Array(size);
  const places = placeNames.length;
  const uses = new Int32Array(places);
  /** The list index of each spelling's newest use (lower is newer). */
  const newest = new Int32Array(places).fill(0x7fffffff);
  const sourceOfPlace = new Int32Array(places).fill(-1);
  const sourceIndex = new Map<string, number>();
  const sourceKeys: string[] = [];
  for (let row = 0; row < size; row++) {
    const listIndex = order[row] as number;
    rows[row] = interactions[listIndex] as Interaction;
    copyFacts(facts, listIndex, inRows, row);
    const place = inRows.places[row] as number;
    uses[place] = (uses[place] as number) + 1;
    if (listIndex < (newest[place] as number)) newest[place] = listIndex;
    let source = sourceOfPlace[place] as number;
    if (source < 0) {
      const key = placeKeys[place] as string;
      source = sourceIndex.get(key) ?? sourceKeys.push(key) - 1;
      sourceIndex.set(key, source);
      sourceOfPlace[place] = source;
    }
    sources[row] = source;
  }
  // Each source's label: its spelling used most often, of those the most recent.
  const label = new Int32Array(sourceKeys.length).fill(-1);
  for (let place = 0; place < places; place++) {
    const count = uses[place] as number;
    if (count === 0) continue;
    const source = sourceOfPlace[place] as number;
    const best = label[source] as number;
    const better =
      best < 0 ||
      count > (uses[best] as number) ||
      (count === uses[best] && (newest[place] as number) < (newest[best] as number));
    if (better) label[source] = place;
  }
  const sourceLabels = sourceKeys.map((key, source) =>
    key === ''
      ? NO_SOURCE_LABEL
      : (placeNames[label[source] as number] ?? '').trim().replace(/\s+/g, ' '),
  );
  // The spellings are only a step to the sources.
  const { places: _spellings, ...columns } = inRows;
  const { days } = columns;
  const rowsIn = (period: Period): [number, number] => {
    const from = lowerBound(days, period.start);
    return [from, lowerBound(days, period.end, from)];
  };
  return {
    size,
    rows,
    listIndex: order,
    ...columns,
    sources,
    sourceKeys,
    sourceLabels,
    rowsIn,
    interactionsIn(period: Period): Interaction[] {
      const [from, to] = rowsIn(period);
      // The list's own order is newest first by instant: sort the rows' list indices back.
      const indices = order.slice(from, to).sort();
      return Array.from(indices, (index) => interactions[index] as Interaction);
    },
  };
}
