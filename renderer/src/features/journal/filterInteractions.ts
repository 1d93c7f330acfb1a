import {
  DEFAULT_BAND_THRESHOLDS,
  relevanceBand,
  type BandThresholds,
  type Interaction,
  type InteractionKind,
  type RelevanceBand,
} from '../../../../shared/domain';

export interface JournalFilters {
  /** Bands to show; empty means all. */
  readonly bands: readonly RelevanceBand[];
  readonly kind: InteractionKind | null;
  readonly query: string;
}

export const NO_FILTERS: JournalFilters = { bands: [], kind: null, query: '' };

const DIACRITICS = /\p{Diacritic}/gu;

/** Lower case without accents, so that "cafe" finds "Café" and "Muller" finds "Müller". */
export function foldForSearch(text: string): string {
  return text.toLocaleLowerCase().normalize('NFD').replace(DIACRITICS, '');
}

// Interactions are immutable snapshots, so their search text can be cached by identity.
const searchTextCache = new WeakMap<Interaction, string>();

function searchText(item: Interaction): string {
  let text = searchTextCache.get(item);
  if (text === undefined) {
    const joined = [
      item.title,
      item.place,
      item.people.join(' '),
      item.intent,
      item.outcome,
      item.nextStep,
      item.reflectionText,
    ].join('\n');
    text = foldForSearch(joined);
    searchTextCache.set(item, text);
  }
  return text;
}

export function isFiltering(filters: JournalFilters): boolean {
  return filters.bands.length > 0 || filters.kind !== null || filters.query.trim() !== '';
}

/** The interactions that pass the filters; every word of the query must appear somewhere. */
export function filterInteractions(
  interactions: readonly Interaction[],
  filters: JournalFilters,
  thresholds: BandThresholds = DEFAULT_BAND_THRESHOLDS,
): readonly Interaction[] {
  if (!isFiltering(filters)) return interactions;
  const words = foldForSearch(filters.query).split(/\s+/).filter(Boolean);
  const bands = new Set(filters.bands);
  return interactions.filter(
    (item) =>
      (bands.size === 0 || bands.has(relevanceBand(item.relevance, thresholds))) &&
      (filters.kind === null || item.kind === filters.kind) &&
      words.every((word) => searchText(item).includes(word)),
  );
}
