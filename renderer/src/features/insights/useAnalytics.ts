import { useMemo } from 'react';
import {
  buildJournalFacts,
  todayIn,
  type AnalyticsSettings,
  type DayNumber,
  type JournalFacts,
} from '../../../../shared/analytics';
import { useJournalSnapshot } from '../../app/journalContext';
import { viewerTimeZone } from '../../ui/format';

export interface Analytics {
  readonly facts: JournalFacts;
  readonly settings: AnalyticsSettings;
  /** Today, in the zone this device is in. */
  readonly today: DayNumber;
  /** How many interactions the journal holds. */
  readonly count: number;
}

/** The journal's facts for the figures; rebuilt (from cached parts) when the journal changes. */
export function useAnalytics(): Analytics {
  const { interactions, analyticsSettings: settings } = useJournalSnapshot();
  const zone = viewerTimeZone();
  const facts = useMemo(
    () => buildJournalFacts(interactions, settings, zone),
    [interactions, settings, zone],
  );
  const today = todayIn(zone, new Date());
  return { facts, settings, today, count: interactions.length };
}
