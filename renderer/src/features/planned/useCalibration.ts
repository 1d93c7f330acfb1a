import { useDeferredValue, useMemo } from 'react';
import { lastMonths, monthKeyOf, rangePeriod, type DayNumber } from '../../../../shared/analytics';
import { calibrationFor, interactionsById, type Calibration } from '../../../../shared/plans';
import { useJournalSnapshot } from '../../app/journalContext';

/** How many months the insights' calibration covers, ending with the month shown. */
export const CALIBRATION_MONTHS = 12;

/**
 * The calibration of the planned events dated in the 12 months ending with `lastDay`'s month,
 * worked out in a deferred render after a change (finding the logged interactions is a pass
 * over the journal), so the rest of the screen is redrawn first.
 */
export function useCalibration(lastDay: DayNumber, today: DayNumber): Calibration {
  const { plannedEvents, interactions } = useDeferredValue(useJournalSnapshot());
  return useMemo(() => {
    const months = lastMonths(monthKeyOf(lastDay), CALIBRATION_MONTHS);
    const first = months[0];
    const last = months[months.length - 1];
    const period = rangePeriod(first?.start ?? lastDay, last?.end ?? lastDay + 1);
    return calibrationFor(
      plannedEvents,
      interactionsById(interactions, plannedEvents),
      period,
      today,
    );
  }, [plannedEvents, interactions, lastDay, today]);
}
