import { parseDayNumber } from '../analytics';
import { dayLabel, formatHours, formatMean } from '../report/format';
import { formatDifference, type Calibration } from './calibration';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "25 Nov 2026" for 2026-11-25 (the date as stored if it is not one). */
export function eventDateLabel(date: string): string {
  const day = parseDayNumber(date);
  return day === null ? date : dayLabel(day);
}

/** "2 attended events compared: expected 3.0, actual 4.5 on average (+1.5)." */
export function attendedSummary(calibration: Calibration): string {
  const { events, meanExpected, meanActual, meanDifference, attendedNotCompared } = calibration;
  const compared =
    events === 0
      ? 'No attended event to compare yet.'
      : `${plural(events, 'attended event')} compared: expected ${formatMean(meanExpected)}, actual ${formatMean(meanActual)} on average (${formatDifference(meanDifference)}).`;
  const notCompared =
    attendedNotCompared === 0
      ? ''
      : ` ${plural(attendedNotCompared, 'more event')} logged without an expected and an actual rating.`;
  return compared + notCompared;
}

/** "1 event skipped: 3 h kept for better use." */
export function skippedSummary(calibration: Calibration): string {
  const count = calibration.skipped.length;
  return count === 0
    ? 'No event skipped.'
    : `${plural(count, 'event')} skipped: ${formatHours(calibration.minutesKept)} kept for better use.`;
}

/** "2 events waiting to be logged." or '' when none. */
export function waitingSummary(calibration: Calibration): string {
  const count = calibration.waiting.length;
  if (count === 0) return '';
  return count === 1
    ? '1 event past its day, waiting to be logged.'
    : `${count} events past their day, waiting to be logged.`;
}

/** The month's planned events in words, for the report (screen, PDF and Markdown alike). */
export function plannedMonthSummary(calibration: Calibration): string {
  const waiting = waitingSummary(calibration);
  const { attended, attendedNotCompared, skipped } = calibration;
  if (attended.length + attendedNotCompared + skipped.length === 0) {
    return waiting
      ? `No planned event attended or skipped. ${waiting}`
      : 'No planned events this month.';
  }
  return [attendedSummary(calibration), skippedSummary(calibration), waiting]
    .filter(Boolean)
    .join(' ');
}
