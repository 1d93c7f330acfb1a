import { dayNumberAt, daysFromCivil, digitsAt } from './calendar';
import type { DayNumber } from './types';

const DAY_MS = 86_400_000;

/**
 * What is known about one IANA zone: a formatter (made once: they are costly), and the UTC
 * offset at each UTC midnight asked about so far. Offsets are a pure function of the zone and
 * the instant, so they are kept for as long as the app runs.
 */
interface Zone {
  readonly format: Intl.DateTimeFormat;
  /** UTC day → offset in ms at that day's first instant (00:00 UTC). */
  readonly midnightOffsets: Map<number, number>;
}

/** Zone name → its Zone, or null when the name is not a zone this runtime knows. */
const zones = new Map<string, Zone | null>();

function zoneOf(timeZone: string): Zone | null {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = makeZone(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

function makeZone(timeZone: string): Zone | null {
  // A bare offset ('+01:00') is accepted by Intl in newer runtimes but is not an IANA zone.
  if (timeZone === '' || /^[+-]/.test(timeZone)) return null;
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    return { format, midnightOffsets: new Map() };
  } catch {
    return null;
  }
}

/** Whether `timeZone` is an IANA zone name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  return zoneOf(timeZone) !== null;
}

/** `timeZone` when it is a valid zone, else `fallback` when that is, else 'UTC'. */
export function resolveTimeZone(timeZone: string, fallback: string): string {
  if (isValidTimeZone(timeZone)) return timeZone;
  return isValidTimeZone(fallback) ? fallback : 'UTC';
}

/** The local wall-clock time at `instantMs` (whole seconds), written as if it were UTC. */
function wallClockMs(zone: Zone, instantMs: number): number {
  const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of zone.format.formatToParts(instantMs)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  const days = daysFromCivil(fields.year, fields.month, fields.day);
  return days * DAY_MS + ((fields.hour * 60 + fields.minute) * 60 + fields.second) * 1000;
}

/** The zone's offset from UTC in ms at an instant (to the second, as Intl gives it). */
function offsetAt(zone: Zone, instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallClockMs(zone, whole) - whole;
}

function midnightOffset(zone: Zone, utcDay: number): number {
  let offset = zone.midnightOffsets.get(utcDay);
  if (offset === undefined) {
    offset = offsetAt(zone, utcDay * DAY_MS);
    zone.midnightOffsets.set(utcDay, offset);
  }
  return offset;
}

function requireZone(timeZone: string): Zone {
  const zone = zoneOf(timeZone);
  if (!zone) throw new RangeError(`Not a known IANA time zone: "${timeZone}"`);
  return zone;
}

/**
 * The local calendar day in `timeZone` of an instant (ms since the epoch). Throws a
 * RangeError for a zone that is not valid (see resolveTimeZone).
 *
 * Fast: when the offset is the same at the start of this UTC day and of the next, it holds
 * all day (zones change offset at most a few times a year), so two cached lookups suffice;
 * only on the days of a change is the instant itself asked of Intl.
 */
export function localDayOf(instantMs: number, timeZone: string): DayNumber {
  const zone = requireZone(timeZone);
  const utcDay = Math.floor(instantMs / DAY_MS);
  const offset = midnightOffset(zone, utcDay);
  if (offset === midnightOffset(zone, utcDay + 1)) {
    return Math.floor((instantMs + offset) / DAY_MS);
  }
  return Math.floor(wallClockMs(zone, Math.floor(instantMs / 1000) * 1000) / DAY_MS);
}

/** Today's local day in `timeZone` at `now`. */
export function todayIn(timeZone: string, now: Date): DayNumber {
  return localDayOf(now.getTime(), timeZone);
}

/**
 * Ms since the epoch of a stored instant. The form the journal stores
 * (2026-11-25T18:30:00.000Z, as toISOString writes it) is read by character codes, several
 * times faster than Date.parse; anything else goes to Date.parse. NaN when it is no instant.
 */
export function instantMsOf(text: string): number {
  const day = text.length === 24 && text.charCodeAt(23) === 90 ? dayNumberAt(text, 0) : NaN;
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const ms = digitsAt(text, 20, 3);
  const time =
    text.charCodeAt(10) === 84 && // T
    text.charCodeAt(13) === 58 && // :
    text.charCodeAt(16) === 58 &&
    text.charCodeAt(19) === 46 && // .
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    ms >= 0; // NaN (not digits) fails every comparison
  if (Number.isNaN(day) || !time) return Date.parse(text);
  return day * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}
