import type { CalendarGrain, DayNumber, LocalDate, MonthKey, Period } from './types';

/** Monday, the default first day of the week (ISO 8601). */
export const MONDAY = 1;

/** Days from 1970-01-01 to a civil date (proleptic Gregorian; month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  // Howard Hinnant's days_from_civil: pure arithmetic, no Date objects.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil date [year, month 1–12, day 1–31] of a day number. */
export function civilFromDays(dayNumber: DayNumber): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const MONTH_KEY = /^(\d{4})-(\d{2})$/;

/** The number written by `count` ASCII digits of `text` from `from`; NaN if one is not a digit. */
export function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The day number of a YYYY-MM-DD date; throws on anything else. */
export function dayNumberOf(date: LocalDate): DayNumber {
  const day = parseDayNumber(date);
  if (day === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  return day;
}

/** The day number of a YYYY-MM-DD date that exists, or null (for stored values). */
export function parseDayNumber(date: unknown): DayNumber | null {
  if (typeof date !== 'string' || date.length !== 10) return null;
  const day = dayNumberAt(date, 0);
  return Number.isNaN(day) ? null : day;
}

/**
 * The day number of the date written YYYY-MM-DD at `from` in `text`, or NaN when there is
 * none or that day does not exist. Reads character codes: it runs for every interaction.
 */
export function dayNumberAt(text: string, from: number): DayNumber {
  if (text.charCodeAt(from + 4) !== 45 || text.charCodeAt(from + 7) !== 45) return NaN; // '-'
  const year = digitsAt(text, from, 4);
  const month = digitsAt(text, from + 5, 2);
  const day = digitsAt(text, from + 8, 2);
  // NaN fails every comparison.
  const exists =
    year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  return exists ? daysFromCivil(year, month, day) : NaN;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The YYYY-MM-DD date of a day number. */
export function localDateOf(day: DayNumber): LocalDate {
  const [year, month, date] = civilFromDays(day);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(date, 2)}`;
}

/** The YYYY-MM month a day falls in. */
export function monthKeyOf(day: DayNumber): MonthKey {
  return localDateOf(day).slice(0, 7);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The one-day period of a day. */
export function dayPeriod(day: DayNumber): Period {
  return { grain: 'day', start: day, end: day + 1 };
}

/** The seven-day week containing `day`, starting on `weekStartsOn` (0 = Sunday). */
export function weekPeriod(day: DayNumber, weekStartsOn: number = MONDAY): Period {
  const start = day - ((weekdayOf(day) - weekStartsOn + 7) % 7);
  return { grain: 'week', start, end: start + 7 };
}

function monthParts(month: MonthKey): [number, number] {
  const match = MONTH_KEY.exec(month);
  const [year, number] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || number < 1 || number > 12)
    throw new RangeError(`Not a month (YYYY-MM): "${month}"`);
  return [year, number];
}

/** The calendar month named by YYYY-MM. */
export function monthPeriod(month: MonthKey): Period {
  const [year, number] = monthParts(month);
  return {
    grain: 'month',
    start: daysFromCivil(year, number, 1),
    end: number === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, number + 1, 1),
  };
}

/** The day, week or month that contains `day`. */
export function periodContaining(
  day: DayNumber,
  grain: CalendarGrain,
  weekStartsOn: number = MONDAY,
): Period {
  if (grain === 'day') return dayPeriod(day);
  if (grain === 'week') return weekPeriod(day, weekStartsOn);
  return monthPeriod(monthKeyOf(day));
}

/** Any span of whole days that is not one calendar unit, e.g. the last 90 days. */
export function rangePeriod(start: DayNumber, end: DayNumber): Period {
  return { grain: 'range', start, end };
}

/**
 * The period of the same grain just before `period`. Weeks start on `weekStartsOn` when it
 * is given, else on the same weekday as `period`; a range keeps its length.
 */
export function previousPeriod(period: Period, weekStartsOn?: number): Period {
  if (period.grain === 'range') {
    return rangePeriod(2 * period.start - period.end, period.start);
  }
  return periodContaining(period.start - 1, period.grain, weekStartsOn ?? weekdayOf(period.start));
}

/** The period of the same grain just after `period`. */
export function nextPeriod(period: Period): Period {
  if (period.grain === 'range') {
    return rangePeriod(period.end, 2 * period.end - period.start);
  }
  return periodContaining(period.end, period.grain, weekdayOf(period.start));
}

/** `count` periods, oldest first, the last one being `last`. */
function periodsEndingWith(last: Period, count: number, weekStartsOn?: number): Period[] {
  const periods: Period[] = [];
  let period = last;
  for (let i = 0; i < count; i++) {
    periods.push(period);
    period = previousPeriod(period, weekStartsOn);
  }
  return periods.reverse();
}

/** The `count` weeks up to the one containing `endDay`, oldest first. */
export function lastWeeks(
  endDay: DayNumber,
  count: number,
  weekStartsOn: number = MONDAY,
): Period[] {
  return periodsEndingWith(weekPeriod(endDay, weekStartsOn), count, weekStartsOn);
}

/** The `count` months up to and including `endMonth`, oldest first. */
export function lastMonths(endMonth: MonthKey, count: number): Period[] {
  return periodsEndingWith(monthPeriod(endMonth), count);
}
