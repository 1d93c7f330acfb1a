import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { todayIn, type DayNumber } from '../../../../shared/analytics';
import { followUpsFor, type FollowUpGroups } from '../../../../shared/followUps';
import type { JournalSnapshot } from '../../../../shared/doc';
import { useJournalSnapshot } from '../../app/journalContext';

const NO_FOLLOW_UPS: FollowUpGroups = { overdue: [], dueToday: [], upcoming: [], undated: [] };
import { viewerTimeZone } from '../../ui/format';

/** How often "today" is checked, so that the lists move on at midnight. */
const CHECK_DAY_MS = 60_000;

/** Today in this device's zone; changes when the day does. */
export function useToday(): DayNumber {
  const [today, setToday] = useState(() => todayIn(viewerTimeZone(), new Date()));
  useEffect(() => {
    const timer = window.setInterval(
      () => setToday(todayIn(viewerTimeZone(), new Date())),
      CHECK_DAY_MS,
    );
    return () => window.clearInterval(timer);
  }, []);
  return today;
}

/**
 * The journal's open follow-ups as of today, grouped for the Today view. `deferred`: worked out
 * for a change only once the rest of the window has been redrawn (for figures beside the view).
 */
export function useFollowUps({ deferred = false } = {}): {
  readonly groups: FollowUpGroups;
  readonly today: DayNumber;
} {
  const snapshot = useJournalSnapshot();
  // Deferred from the first render on: the window shows before the figures are worked out.
  const later = useDeferredValue<JournalSnapshot | null>(snapshot, null);
  const source = deferred ? later : snapshot;
  const interactions = source?.interactions;
  const contacts = source?.contacts;
  const today = useToday();
  const groups = useMemo(
    () =>
      interactions && contacts ? followUpsFor({ interactions, contacts }, today) : NO_FOLLOW_UPS,
    [interactions, contacts, today],
  );
  return { groups, today };
}
