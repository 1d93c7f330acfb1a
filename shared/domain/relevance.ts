/** A relevance rating: how much an interaction served what the person wants. */
export type Relevance = 1 | 2 | 3 | 4 | 5;

export const RELEVANCE_VALUES: readonly Relevance[] = [1, 2, 3, 4, 5];

/** The words shown next to each rating. */
export const RELEVANCE_LABELS: Record<Relevance, string> = {
  1: 'Not relevant',
  2: 'Slightly relevant',
  3: 'Somewhat relevant',
  4: 'Relevant',
  5: 'Highly relevant',
};

export type RelevanceBand = 'high' | 'medium' | 'low' | 'unrated';

export const RELEVANCE_BANDS: readonly RelevanceBand[] = ['high', 'medium', 'low', 'unrated'];

export const RELEVANCE_BAND_LABELS: Record<RelevanceBand, string> = {
  high: 'High relevance',
  medium: 'Medium relevance',
  low: 'Low relevance',
  unrated: 'Unrated',
};

/** The bands' names where space is short: badges, filters, chart legends, report columns. */
export const RELEVANCE_BAND_SHORT_LABELS: Record<RelevanceBand, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  unrated: 'Unrated',
};

/** Where the bands start: ratings ≥ highFrom are high, ≤ lowUpTo are low, the rest medium. */
export interface BandThresholds {
  readonly highFrom: Relevance;
  readonly lowUpTo: Relevance;
}

/** The documented default: high 4–5, medium 3, low 1–2. */
export const DEFAULT_BAND_THRESHOLDS: BandThresholds = { highFrom: 4, lowUpTo: 2 };

/** The band of a rating; null (not rated) is its own band. */
export function relevanceBand(
  relevance: Relevance | null,
  thresholds: BandThresholds = DEFAULT_BAND_THRESHOLDS,
): RelevanceBand {
  if (relevance === null) return 'unrated';
  if (relevance >= thresholds.highFrom) return 'high';
  if (relevance <= thresholds.lowUpTo) return 'low';
  return 'medium';
}

/** Narrows an unknown value to a rating, or null when it is not one. */
export function toRelevance(value: unknown): Relevance | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5
    ? (value as Relevance)
    : null;
}
