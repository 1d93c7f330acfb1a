import type { AnalyticsSettings } from '../analytics';
import type {
  Contact,
  Goal,
  Interaction,
  InteractionId,
  Introduction,
  PlannedEvent,
} from '../domain';

/** Everything the UI and analytics read from a journal, as plain immutable data. */
export interface JournalSnapshot {
  /** Newest first (by start time, then by creation). */
  readonly interactions: readonly Interaction[];
  readonly byId: ReadonlyMap<InteractionId, Interaction>;
  /** Whether any interaction belongs to the sample journal. */
  readonly hasSample: boolean;
  /** Why the journal cannot be changed (saved by a newer version), or null. */
  readonly readOnlyReason: string | null;
  /** "What I'll change next month", by the month (YYYY-MM) whose report holds it. */
  readonly monthNotes: ReadonlyMap<string, string>;
  /** How figures are counted; the same object until a setting changes. */
  readonly analyticsSettings: AnalyticsSettings;
  /** What the person wants: newest first. Each list is the same array until it changes. */
  readonly goals: readonly Goal[];
  /** By name. */
  readonly contacts: readonly Contact[];
  /** Opportunities not yet attended (and those decided on), soonest first. */
  readonly plannedEvents: readonly PlannedEvent[];
  /** The introductions ledger, newest first. */
  readonly introductions: readonly Introduction[];
  /** Keys of suggestions the person dismissed (on any device). */
  readonly dismissedSuggestions: ReadonlySet<string>;
}

/** Orders interactions newest first; ties broken so that every replica shows the same order. */
export function compareNewestFirst(a: Interaction, b: Interaction): number {
  if (a.startedAt !== b.startedAt) return a.startedAt < b.startedAt ? 1 : -1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Index at which `item` belongs in an array sorted by compareNewestFirst. */
function insertionIndex(sorted: readonly Interaction[], item: Interaction): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareNewestFirst(sorted[mid] as Interaction, item) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The next sorted list after some records changed: a full sort for large changes, otherwise
 * removal and binary insertion, so adding one interaction to 20k stays cheap. `replaced`, the
 * previous versions of the changed records, lets them be found by binary search too.
 */
export function resort(
  previous: readonly Interaction[],
  records: ReadonlyMap<InteractionId, Interaction>,
  changed: ReadonlySet<InteractionId>,
  replaced?: readonly Interaction[],
): Interaction[] {
  if (changed.size > 64 || changed.size * 8 > previous.length) {
    return [...records.values()].sort(compareNewestFirst);
  }
  const next = replaced ? withoutItems(previous, replaced) : null;
  const rest = next ?? previous.filter((item) => !changed.has(item.id));
  for (const id of changed) {
    const item = records.get(id);
    if (item) rest.splice(insertionIndex(rest, item), 0, item);
  }
  return rest;
}

/** A copy of `sorted` without `items`, found by binary search; null if one is not there. */
function withoutItems(sorted: readonly Interaction[], items: readonly Interaction[]) {
  const copy = sorted.slice();
  for (const item of items) {
    const index = insertionIndex(copy, item);
    if (copy[index] !== item) return null;
    copy.splice(index, 1);
  }
  return copy;
}
