import { weekdayOf, type DayNumber } from '../analytics';

/** A day a follow-up can be put off to, named as a person says it. */
export interface SnoozeChoice {
  readonly label: string;
  readonly day: DayNumber;
}

/**
 * The days a follow-up can be put off to from `today`: tomorrow, in three days, the start of
 * next week (`weekStartsOn`, 1 = Monday; at least two days ahead, so on a Sunday it is the
 * Monday after next) and in two weeks.
 */
export function snoozeChoices(today: DayNumber, weekStartsOn = 1): SnoozeChoice[] {
  const untilWeekStart = (weekStartsOn - weekdayOf(today) + 7) % 7 || 7;
  const nextWeek = today + (untilWeekStart < 2 ? untilWeekStart + 7 : untilWeekStart);
  return [
    { label: 'Tomorrow', day: today + 1 },
    { label: 'In 3 days', day: today + 3 },
    { label: 'Next week', day: nextWeek },
    { label: 'In 2 weeks', day: today + 14 },
  ];
}
