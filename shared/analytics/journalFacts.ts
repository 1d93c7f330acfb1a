import type { Interaction } from '../domain';
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
  newRowStore,
  sourcesOf,
  type BuiltFacts,
  type JournalFacts,
} from './factRows';
import { patchFacts } from './patchFacts';
import type { AnalyticsSettings } from './types';

export { NO_DAY } from './factColumns';
export { lowerBound, type JournalFacts } from './factRows';

/** Only the bands and the fallback zone change what is worked out per interaction. */
function signatureOf(settings: AnalyticsSettings, fallbackZone: string): string {
  return `${settings.bands.highFrom}/${settings.bands.lowUpTo}/${fallbackZone}`;
}

/** journal list → its facts, with the signature they were built for. */
const journalCache = new WeakMap<
  readonly Interaction[],
  { signature: string; facts: JournalFacts }
>();

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

/** The last facts built: the next list is one edit or so away, so they are patched. */
let lastFacts: BuiltFacts | undefined;

/**
 * Facts for a journal list (newest first, as in the snapshot). Cached: the same list with the
 * same bands and fallback zone gives the same object back. The next list is usually the last
 * one with a few interactions added, changed or removed: the last facts are then patched
 * (those rows taken out or put in at their day); otherwise the facts of every interaction
 * object it shares with the last list worked out are reused, and the rows put in day order.
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
  const previous = lastFacts?.signature === signature ? lastFacts : undefined;
  const built =
    (previous && patchFacts(previous, interactions, settings.bands, fallbackZone)) ??
    assemble(interactions, listFactsOf(interactions, settings, fallbackZone, signature));
  lastFacts = built;
  journalCache.set(interactions, { signature, facts: built.facts });
  return built.facts;
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

/** The facts in day order, with each source's label. */
function assemble(interactions: readonly Interaction[], facts: ListFacts): BuiltFacts {
  const size = interactions.length;
  const order = orderByDay(facts.days);
  const rows: Interaction[] = new Array<Interaction>(size);
  const store = newRowStore(size);
  for (let row = 0; row < size; row++) {
    const listIndex = order[row] as number;
    rows[row] = interactions[listIndex] as Interaction;
    copyFacts(facts, listIndex, store.columns, row);
  }
  const columns = firstRows(store.columns, size);
  const sources = sourcesOf(columns.places, store.sources);
  return {
    list: interactions,
    signature: facts.signature,
    facts: journalFactsOf(rows, columns, sources),
    store,
    sources,
  };
}
