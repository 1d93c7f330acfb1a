import type { QuickEntry } from './journalPage';

/** "Today" in the follow-up tests: Wednesday 25 November 2026, noon in Madrid. */
export const FOLLOW_UPS_TODAY = new Date('2026-11-25T12:00:00+01:00');

/** A coffee whose next step was due the day before: overdue. */
export const ANA_OVERDUE: QuickEntry = {
  title: 'Coffee with Ana Lopez',
  when: '2026-11-20T09:00',
  nextStep: 'Send Ana the plant tour dates',
  nextStepDue: '2026-11-24',
};

/** A call whose next step is due that day. */
export const TOM_DUE_TODAY: QuickEntry = {
  title: 'Call with Tom Alvarez',
  when: '2026-11-23T16:00',
  nextStep: 'Ask Tom for the audit report',
  nextStepDue: '2026-11-25',
};
