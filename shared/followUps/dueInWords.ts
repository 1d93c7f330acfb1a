import type { DayNumber } from '../analytics';

/**
 * A due day in words, relative to today: "today", "tomorrow", "yesterday", "in 3 days",
 * "3 days ago"; beyond two weeks "in 3 weeks" / "5 weeks ago" (whole weeks, rounded down).
 */
export function dueInWords(dueDay: DayNumber, today: DayNumber): string {
  const days = dueDay - today;
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  const span = Math.abs(days);
  const amount = span < 14 ? `${span} days` : `${Math.floor(span / 7)} weeks`;
  return days > 0 ? `in ${amount}` : `${amount} ago`;
}
