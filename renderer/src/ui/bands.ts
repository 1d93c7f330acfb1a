import type { RelevanceBand } from '../../../shared/domain';

/** One colour per relevance band, used everywhere bands appear (always with a text label). */
export const BAND_COLORS: Record<RelevanceBand, string> = {
  high: 'teal',
  medium: 'yellow',
  low: 'red',
  unrated: 'gray',
};

/** The same colours, at the shade charts fill bars with (readable in light and dark themes). */
export const BAND_CHART_COLORS: Record<RelevanceBand, string> = {
  high: 'teal.6',
  medium: 'yellow.5',
  low: 'red.6',
  unrated: 'gray.5',
};
