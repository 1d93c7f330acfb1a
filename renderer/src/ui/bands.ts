import type { RelevanceBand } from '../../../shared/domain';

/** One colour per relevance band, used everywhere bands appear (always with a text label). */
export const BAND_COLORS: Record<RelevanceBand, string> = {
  high: 'teal',
  medium: 'yellow',
  low: 'red',
  unrated: 'gray',
};

export const BAND_SHORT_LABELS: Record<RelevanceBand, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  unrated: 'Unrated',
};
