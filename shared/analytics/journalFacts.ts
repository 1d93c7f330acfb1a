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
import type { AnalyticsSettings, DayNumber, Period } from './types';

/** Stands for "no date" in the day columns (no real day is this far back). */
export const NO_DAY = -0x7fffffff;

/** What analytics need of one interaction, worked out once. */
interface InteractionFact {
  readonly day: DayNumber;
  readonly minutes: number;
  /** Index in RELEVANCE_BANDS. */
  readonly band: number;
  /** The rating, 0 when unrated. */
  readonly relevance: number;
  /** Index in INTERACTION_KINDS. */
  readonly kind: number;
  /** Index in placeNames. */
  readonly place: number;
  readonly hasNextStep: boolean;
  readonly dueDay: DayNumber;
  readonly doneDay: DayNumber;
}

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

/** signature → per-interaction facts (unchanged interactions are reused between snapshots). */
const factCache = new Map<string, WeakMap<Interaction, InteractionFact>>();
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

function factOf(
  interaction: Interaction,
  bands: BandThresholds,
  fallbackZone: string,
): InteractionFact {
  const instant = instantMsOf(interaction.startedAt);
  const zone = resolveTimeZone(interaction.timeZone, fallbackZone);
  const minutes = Number.isFinite(interaction.durationMinutes)
    ? Math.max(0, Math.round(interaction.durationMinutes))
    : 0;
  const hasNextStep = interaction.nextStep.trim() !== '';
  return {
    day: localDayOf(Number.isNaN(instant) ? 0 : instant, zone),
    minutes,
    band: BAND_INDEX.get(relevanceBand(interaction.relevance, bands)) ?? 0,
    relevance: interaction.relevance ?? 0,
    kind: KIND_INDEX.get(interaction.kind) ?? OTHER_KIND,
    place: placeIdOf(interaction.place),
    hasNextStep,
    dueDay: (hasNextStep ? parseDayNumber(interaction.nextStepDue) : null) ?? NO_DAY,
    doneDay: (hasNextStep ? parseDayNumber(interaction.nextStepDone) : null) ?? NO_DAY,
  };
}

/**
 * Facts for a journal list (newest first, as in the snapshot). Cached: the same list with the
 * same bands and fallback zone gives the same object back, and a new list reuses the work
 * done for every interaction object it shares with earlier ones.
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
  let perInteraction = factCache.get(signature);
  if (!perInteraction) {
    perInteraction = new WeakMap();
    factCache.set(signature, perInteraction);
  }
  const facts = interactions.map((interaction) => {
    let fact = perInteraction.get(interaction);
    if (!fact) {
      fact = factOf(interaction, settings.bands, fallbackZone);
      perInteraction.set(interaction, fact);
    }
    return fact;
  });
  const built = assemble(interactions, facts);
  journalCache.set(interactions, { signature, facts: built });
  return built;
}

/**
 * List indices ordered by local day, then newest last. The list is newest first by instant
 * and local days differ from that order only among interactions a day or so apart (zones
 * are at most 14 h from UTC), so an insertion sort of the reversed list is close to linear;
 * should the list be in some other order, a full sort takes over.
 */
function orderByDay(facts: readonly InteractionFact[]): Int32Array {
  const n = facts.length;
  const order = new Int32Array(n);
  const days = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    order[i] = n - 1 - i;
    days[i] = (facts[n - 1 - i] as InteractionFact).day;
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
      (a, b) => (facts[a] as InteractionFact).day - (facts[b] as InteractionFact).day || b - a,
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

function assemble(
  interactions: readonly Interaction[],
  facts: readonly InteractionFact[],
): JournalFacts {
  const size = facts.length;
  const order = orderByDay(facts);
  const rows: Interaction[] = new Array<Interaction>(size);
  const columns = {
    days: new Int32Array(size),
    minutes: new Int32Array(size),
    bands: new Uint8Array(size),
    relevance: new Uint8Array(size),
    kinds: new Uint8Array(size),
    sources: new Int32Array(size),
    dueDays: new Int32Array(size),
    doneDays: new Int32Array(size),
    hasNextStep: new Uint8Array(size),
  };
  const places = placeNames.length;
  const uses = new Int32Array(places);
  /** The list index of each spelling's newest use (lower is newer). */
  const newest = new Int32Array(places).fill(0x7fffffff);
  const sourceOfPlace = new Int32Array(places).fill(-1);
  const sourceIndex = new Map<string, number>();
  const sourceKeys: string[] = [];
  for (let row = 0; row < size; row++) {
    const listIndex = order[row] as number;
    const fact = facts[listIndex] as InteractionFact;
    const interaction = interactions[listIndex] as Interaction;
    rows[row] = interaction;
    columns.days[row] = fact.day;
    columns.minutes[row] = fact.minutes;
    columns.bands[row] = fact.band;
    columns.relevance[row] = fact.relevance;
    columns.kinds[row] = fact.kind;
    columns.dueDays[row] = fact.dueDay;
    columns.doneDays[row] = fact.doneDay;
    columns.hasNextStep[row] = fact.hasNextStep ? 1 : 0;
    const place = fact.place;
    uses[place] = (uses[place] as number) + 1;
    if (listIndex < (newest[place] as number)) newest[place] = listIndex;
    let source = sourceOfPlace[place] as number;
    if (source < 0) {
      const key = placeKeys[place] as string;
      source = sourceIndex.get(key) ?? sourceKeys.push(key) - 1;
      sourceIndex.set(key, source);
      sourceOfPlace[place] = source;
    }
    columns.sources[row] = source;
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
