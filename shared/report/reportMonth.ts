import { civilFromDays, monthKeyOf, type DayNumber, type MonthKey } from '../analytics';

/** Days at the start of a month during which the report opens on the month before. */
export const LAST_MONTH_DAYS = 7;

/**
 * The month the report opens on when none is named: the last complete month during the
 * first week of a month (on 6 December, November's report is the one worth reading; six days
 * of December say little), the current month after that.
 */
export function defaultReportMonth(today: DayNumber): MonthKey {
  const [, , dayOfMonth] = civilFromDays(today);
  return monthKeyOf(dayOfMonth <= LAST_MONTH_DAYS ? today - dayOfMonth : today);
}
