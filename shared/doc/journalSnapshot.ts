import type { AnalyticsSettings } from '../analytics';
import {
  compareNewestFirst,
  recordListEdit,
  type Contact,
  type Goal,
  type Interaction,
  type InteractionId,
  type Introduction,
  type PlannedEvent,
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
  /** Whether the reflections' rich text is open (it loads after the journal). */
  readonly reflectionsOpen: boolean;
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

export { compareNewestFirst };

/** Two lists sorted newest first as one, keeping only the items `keep` accepts. */
export function mergeNewestFirst(
  a: readonly Interaction[],
  b: readonly Interaction[],
  keep: (item: Interaction) => boolean = () => true,
): Interaction[] {
  const merged: Interaction[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    const takeLeft =
      right === undefined || (left !== undefined && compareNewestFirst(left, right) <= 0);
    const item = (takeLeft ? left : right) as Interaction;
    if (takeLeft) i++;
    else j++;
    if (keep(item)) merged.push(item);
  }
  return merged;
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
 * previous versions of the changed records, lets them be found by binary search too. What was
 * taken out and put in is noted with the list (recordListEdit) for whoever patches per list.
 */
export function resort(
  previous: readonly Interaction[],
  records: ReadonlyMap<InteractionId, Interaction>,
  changed: ReadonlySet<InteractionId>,
  replaced?: readonly Interaction[],
): Interaction[] {
  const added: Interaction[] = [];
  for (const id of changed) {
    const item = records.get(id);
    if (item) added.push(item);
  }
  if (changed.size > 64 || changed.size * 8 > previous.length) {
    const sorted = [...records.values()].sort(compareNewestFirst);
    const removed = previous.filter((item) => changed.has(item.id));
    recordListEdit(sorted, previous, removed, added);
    return sorted;
  }
  const next = replaced ? withoutItems(previous, replaced) : null;
  const removed: Interaction[] = next ? [...(replaced ?? [])] : [];
  const rest =
    next ??
    previous.filter((item) => {
      if (!changed.has(item.id)) return true;
      removed.push(item);
      return false;
    });
  for (const item of added) rest.splice(insertionIndex(rest, item), 0, item);
  recordListEdit(rest, previous, removed, added);
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
