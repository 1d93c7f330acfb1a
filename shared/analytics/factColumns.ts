import {
  INTERACTION_KINDS,
  relevanceBand,
  RELEVANCE_BANDS,
  type BandThresholds,
  type Interaction,
  type InteractionKind,
} from '../domain';
import { parseDayNumber } from './calendar';
import { sourceKeyOf } from './sourceKey';
import { instantMsOf, localDayOf, resolveTimeZone } from './timeZones';

/** Stands for "no date" in the day columns (no real day is this far back). */
export const NO_DAY = -0x7fffffff;

/**
 * Every place spelling seen, numbered, with its folded source key: spellings are few and
 * repeat, and numbers let the facts of a journal be grouped by source with arrays, not maps.
 */
const placeIds = new Map<string, number>();
export const placeNames: string[] = [];
export const placeKeys: string[] = [];

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
export interface FactColumns {
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

export function newColumns(size: number): FactColumns {
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

/** Works out one interaction's facts into row `at` of `into`. */
export function workOut(
  interaction: Interaction,
  into: FactColumns,
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
export function copyRun(
  from: FactColumns,
  fromAt: number,
  into: FactColumns,
  at: number,
  length: number,
): void {
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

/** Copies one row. */
export function copyFacts(from: FactColumns, fromAt: number, into: FactColumns, at: number): void {
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

/** Room for `size` rows and some to grow into, so that new rows can be added in place. */
export function roomFor(size: number): number {
  return size + Math.max(256, size >>> 4);
}

/** The first `size` rows of each column, sharing their memory. */
export function firstRows(columns: FactColumns, size: number): FactColumns {
  return {
    days: columns.days.subarray(0, size),
    minutes: columns.minutes.subarray(0, size),
    bands: columns.bands.subarray(0, size),
    relevance: columns.relevance.subarray(0, size),
    kinds: columns.kinds.subarray(0, size),
    places: columns.places.subarray(0, size),
    hasNextStep: columns.hasNextStep.subarray(0, size),
    dueDays: columns.dueDays.subarray(0, size),
    doneDays: columns.doneDays.subarray(0, size),
  };
}
