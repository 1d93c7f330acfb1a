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
  return count === 0 ? '' : `${plural(count, 'event')} past their day, waiting to be logged.`;
}
