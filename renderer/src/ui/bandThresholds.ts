import { createContext, useContext } from 'react';
import { DEFAULT_BAND_THRESHOLDS, type BandThresholds } from '../../../shared/domain';

/** Where the relevance bands start, as the journal's settings say (defaults outside a journal). */
export const BandThresholdsContext = createContext<BandThresholds>(DEFAULT_BAND_THRESHOLDS);

export const useBandThresholds = (): BandThresholds => useContext(BandThresholdsContext);
