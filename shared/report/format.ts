import type { DayNumber, MonthKey, Period } from '../analytics';
import { localDateOf } from '../analytics';

/**
 * How report figures are written, the same on screen, in the PDF and in Markdown (English,
 * fixed decimals, so every copy of a report shows exactly the same numbers).
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * `value` to the nearest whole number, halves away from zero (2.5 → 3, −2.5 → −3). Figures
 * are ratios of whole minutes, so a half is often a hair off in binary (115 / 200 × 100 is
 * 57.49999999999999): the value is first cut to 12 significant digits, so it reads as 57.5.
 */
function roundHalfAway(value: number): number {
  const clean = Number(value.toPrecision(12));
  return Math.sign(clean) * Math.round(Math.abs(clean));
}

/** 90 → "1.5 h", 0 → "0 h", 5 → "0.1 h". */
export function formatHours(minutes: number): string {
  const hours = roundHalfAway(minutes / 6) / 10;
  return `${hours.toFixed(hours % 1 === 0 ? 0 : 1)} h`;
}

/** 0.625 → "63%"; null (no rated time) → "–". */
export function formatShare(share: number | null): string {
  return share === null ? '–' : `${roundHalfAway(share * 100)}%`;
}

/**
 * A change in percentage points: 8.2 → "+8 pts", -3.1 → "−3 pts", a half point away from
 * zero either way (2.5 → "+3 pts", -2.5 → "−3 pts"), null → "no comparison".
 */
export function formatShareChange(points: number | null): string {
  if (points === null) return 'no comparison';
  const rounded = roundHalfAway(points);
  if (rounded === 0) return '±0 pts';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} pts`;
}

/** A time-weighted mean rating: 3.45 → "3.5"; null → "–". */
export function formatMean(mean: number | null): string {
  return mean === null ? '–' : (roundHalfAway(mean * 10) / 10).toFixed(1);
}

/** "2026-11" → "November 2026". */
export function monthTitle(month: MonthKey): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[index - 1] ?? month} ${year}`;
}

/** A day as "25 Nov 2026" (or "25 Nov" without the year). */
export function dayLabel(day: DayNumber, withYear = true): string {
  const [year, month, date] = localDateOf(day).split('-').map(Number) as [number, number, number];
  const short = `${date} ${(MONTHS[month - 1] ?? '').slice(0, 3)}`;
  return withYear ? `${short} ${year}` : short;
}

/** "2–8 Nov", "30 Nov – 6 Dec", or a month's title; the end day is the last day included. */
export function periodLabel(period: Period): string {
  if (period.grain === 'month') return monthTitle(localDateOf(period.start).slice(0, 7));
  const last = period.end - 1;
  if (period.grain === 'day' || last === period.start) return dayLabel(period.start, false);
  const [first, final] = [dayLabel(period.start, false), dayLabel(last, false)];
  const sameMonth = localDateOf(period.start).slice(0, 7) === localDateOf(last).slice(0, 7);
  return sameMonth ? `${first.split(' ')[0] ?? ''}–${final}` : `${first} – ${final}`;
}

/** A span of days with the year: "1 Sep 2026 – 29 Nov 2026", or one day. */
export function periodLabelWithYear(period: Period): string {
  const last = period.end - 1;
  return last === period.start
    ? dayLabel(period.start)
    : `${dayLabel(period.start)} – ${dayLabel(last)}`;
}
