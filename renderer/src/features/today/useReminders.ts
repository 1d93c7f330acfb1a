import { useCallback, useEffect, useRef } from 'react';
import type { DayNumber } from '../../../../shared/analytics';
import { dueFollowUps, followUpsFor, type FollowUpGroups } from '../../../../shared/followUps';
import { LOCAL_JOURNAL_DATABASE } from '../../../../shared/platform';
import { useJournal } from '../../app/journalContext';
import { usePlatform } from '../../app/platformContext';
import { remindOfDue } from './reminders';
import { useToday } from './useFollowUps';

/** How often due follow-ups are checked while the app runs in the background. */
const CHECK_EVERY_MS = 5 * 60_000;
const FIRST_CHECK_MS = 3_000;

/** Reminds of the due follow-ups of `groups` (see remindOfDue); the app's focus is read now. */
export function useRemindOfDue(): (groups: FollowUpGroups, today: DayNumber) => Promise<unknown> {
  const platform = usePlatform();
  return useCallback(
    (groups: FollowUpGroups, today: DayNumber) =>
      remindOfDue({
        due: dueFollowUps(groups),
        today,
        notifications: platform.reminders,
        store: window.localStorage,
        journalName: LOCAL_JOURNAL_DATABASE,
        inFocus: document.visibilityState === 'visible' && document.hasFocus(),
      }),
    [platform],
  );
}

/**
 * Reminds of follow-ups due today or overdue while the app is in the background: when it
 * loses focus and every few minutes. A click on the reminder calls `onOpen` (open Today).
 * The journal is read when it checks, so changes to the journal draw nothing here.
 */
export function useFollowUpReminders(onOpen: () => void): void {
  const platform = usePlatform();
  const journal = useJournal();
  const remind = useRemindOfDue();
  const today = useToday();
  const latestToday = useRef(today);
  useEffect(() => {
    latestToday.current = today;
  }, [today]);
  useEffect(() => {
    const check = () => {
      const { interactions, contacts } = journal.getSnapshot();
      const day = latestToday.current;
      void remind(followUpsFor({ interactions, contacts }, day), day);
    };
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    window.addEventListener('blur', check);
    document.addEventListener('visibilitychange', check);
    // The first check comes a moment after the journal shows, not in the task that draws it:
    // working out the follow-ups of 100,000 interactions takes over 100 ms.
    const first = window.setTimeout(check, FIRST_CHECK_MS);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
      window.removeEventListener('blur', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [journal, remind]);
  useEffect(() => platform.reminders.onClick(onOpen), [platform, onOpen]);
}

/** useFollowUpReminders as a component, so that the frame around it does not redraw on changes. */
export function FollowUpReminders({ onOpen }: { onOpen: () => void }): null {
  useFollowUpReminders(onOpen);
  return null;
}
