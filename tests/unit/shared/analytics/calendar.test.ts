import { describe, expect, it } from 'vitest';
import {
  dayNumberOf,
  dayPeriod,
  instantMsOf,
  isValidTimeZone,
  lastMonths,
  lastWeeks,
  localDateOf,
  localDayOf,
  monthKeyOf,
  monthPeriod,
  nextPeriod,
  parseDayNumber,
  periodContaining,
  previousPeriod,
  rangePeriod,
  resolveTimeZone,
  todayIn,
  weekdayOf,
  weekPeriod,
  type Period,
} from '../../../../shared/analytics';
import { seededRandom } from '../../../fixtures/random';

const day = dayNumberOf;
/** A period written with dates, for readable expectations. */
const dates = (period: Period) => [
  period.grain,
  localDateOf(period.start),
  localDateOf(period.end),
];

describe('day numbers', () => {
  it('count days from 1970-01-01 and round-trip through YYYY-MM-DD', () => {
    expect(day('1970-01-01')).toBe(0);
    expect(day('1969-12-31')).toBe(-1);
    expect(day('2026-11-25')).toBe(Date.UTC(2026, 10, 25) / 86_400_000);
    const random = seededRandom(7);
    for (let i = 0; i < 2000; i++) {
      const n = random.int(200_000) - 100_000;
      expect(day(localDateOf(n))).toBe(n);
      expect(localDateOf(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it('reject dates that do not exist', () => {
    expect(parseDayNumber('2026-02-29')).toBeNull();
    expect(parseDayNumber('2028-02-29')).toBe(day('2028-02-28') + 1);
    expect(parseDayNumber('2026-13-01')).toBeNull();
    expect(parseDayNumber('26-1-1')).toBeNull();
    expect(parseDayNumber(null)).toBeNull();
    expect(() => day('yesterday')).toThrow(RangeError);
  });

  it('know their weekday and month', () => {
    expect(weekdayOf(day('2026-11-23'))).toBe(1); // a Monday
    expect(weekdayOf(day('2026-11-22'))).toBe(0); // a Sunday
    expect(weekdayOf(day('1969-12-28'))).toBe(0); // before day 0 too
    expect(monthKeyOf(day('2026-02-28'))).toBe('2026-02');
  });
});

describe('periods', () => {
  it('a week starts on Monday by default, or on the day asked for', () => {
    expect(dates(weekPeriod(day('2026-11-22')))).toEqual(['week', '2026-11-16', '2026-11-23']);
    expect(dates(weekPeriod(day('2026-11-23')))).toEqual(['week', '2026-11-23', '2026-11-30']);
    expect(dates(weekPeriod(day('2026-11-22'), 0))).toEqual(['week', '2026-11-22', '2026-11-29']);
    expect(dates(weekPeriod(day('2026-11-21'), 6))).toEqual(['week', '2026-11-21', '2026-11-28']);
  });

  it('months have their own length, February in leap years included', () => {
    expect(dates(monthPeriod('2026-02'))).toEqual(['month', '2026-02-01', '2026-03-01']);
    expect(dates(monthPeriod('2028-02'))).toEqual(['month', '2028-02-01', '2028-03-01']);
    expect(dates(monthPeriod('2026-12'))).toEqual(['month', '2026-12-01', '2027-01-01']);
    expect(() => monthPeriod('2026-13')).toThrow(RangeError);
  });

  it('periodContaining, previous and next', () => {
    const d = day('2026-03-01');
    expect(dates(periodContaining(d, 'day'))).toEqual(['day', '2026-03-01', '2026-03-02']);
    expect(dates(periodContaining(d, 'month'))).toEqual(['month', '2026-03-01', '2026-04-01']);
    expect(dates(previousPeriod(periodContaining(d, 'month')))).toEqual([
      'month',
      '2026-02-01',
      '2026-03-01',
    ]);
    expect(dates(nextPeriod(monthPeriod('2026-12')))).toEqual([
      'month',
      '2027-01-01',
      '2027-02-01',
    ]);
    expect(dates(previousPeriod(dayPeriod(d)))).toEqual(['day', '2026-02-28', '2026-03-01']);
    expect(dates(previousPeriod(weekPeriod(d, 0)))).toEqual(['week', '2026-02-22', '2026-03-01']);
    expect(dates(nextPeriod(weekPeriod(d, 0)))).toEqual(['week', '2026-03-08', '2026-03-15']);
    expect(dates(previousPeriod(rangePeriod(d, d + 90)))).toEqual([
      'range',
      localDateOf(d - 90),
      '2026-03-01',
    ]);
  });

  it('lastWeeks and lastMonths: oldest first, ending with the period of the end', () => {
    expect(lastWeeks(day('2026-11-25'), 3).map(dates)).toEqual([
      ['week', '2026-11-09', '2026-11-16'],
      ['week', '2026-11-16', '2026-11-23'],
      ['week', '2026-11-23', '2026-11-30'],
    ]);
    expect(lastWeeks(day('2026-11-25'), 2, 0).map(dates)).toEqual([
      ['week', '2026-11-15', '2026-11-22'],
      ['week', '2026-11-22', '2026-11-29'],
    ]);
    expect(lastMonths('2026-02', 3).map((p) => monthKeyOf(p.start))).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(lastMonths('2026-11', 12)).toHaveLength(12);
  });
});

const referenceFormats = new Map<string, Intl.DateTimeFormat>();

/** The slow, obviously right local date: ask Intl for the calendar fields of the instant. */
function referenceLocalDate(instantMs: number, timeZone: string): string {
  let format = referenceFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    referenceFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instantMs);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

const ZONES = [
  'UTC',
  'Europe/Madrid',
  'Europe/Berlin',
  'America/New_York',
  'America/St_Johns', // −3:30 / −2:30
  'Asia/Tokyo',
  'Asia/Kathmandu', // +5:45
  'Asia/Kolkata',
  'Pacific/Chatham', // +12:45 / +13:45
  'Australia/Lord_Howe', // +10:30 / +11, a 30-minute DST
  'Pacific/Kiritimati', // +14
  'Pacific/Pago_Pago', // −11
  'America/Santiago',
];

describe('localDayOf: the calendar day in the zone the person was in', () => {
  it('agrees with Intl for random instants from 1950 to 2050 in many zones', () => {
    const random = seededRandom(20261125);
    const from = Date.UTC(1950, 0, 1);
    const span = Date.UTC(2050, 0, 1) - from;
    for (let i = 0; i < 20_000; i++) {
      const instant = from + Math.floor(random.next() * span);
      const zone = random.pick(ZONES);
      expect(
        localDateOf(localDayOf(instant, zone)),
        `${new Date(instant).toISOString()} ${zone}`,
      ).toBe(referenceLocalDate(instant, zone));
    }
  });

  it('agrees with Intl every quarter hour of 2026 (every DST change included)', () => {
    const start = Date.UTC(2025, 11, 31);
    for (const zone of [
      'Europe/Madrid',
      'Pacific/Chatham',
      'Australia/Lord_Howe',
      'America/St_Johns',
      'Asia/Kathmandu',
    ]) {
      for (let instant = start; instant < start + 367 * 86_400_000; instant += 15 * 60_000) {
        const got = localDateOf(localDayOf(instant + 59_999, zone));
        if (got !== referenceLocalDate(instant + 59_999, zone)) {
          expect(got, `${new Date(instant).toISOString()} ${zone}`).toBe(
            referenceLocalDate(instant + 59_999, zone),
          );
        }
      }
    }
  });

  it('keeps the DST days of Madrid whole: 00:30 and 23:30 local fall on the same day', () => {
    const madrid = (iso: string) => localDateOf(localDayOf(Date.parse(iso), 'Europe/Madrid'));
    // 29 March 2026: clocks go from 02:00 (UTC+1) to 03:00 (UTC+2).
    expect(madrid('2026-03-28T22:59:00Z')).toBe('2026-03-28'); // 23:59 (UTC+1)
    expect(madrid('2026-03-28T23:30:00Z')).toBe('2026-03-29'); // 00:30 (UTC+1)
    expect(madrid('2026-03-29T21:30:00Z')).toBe('2026-03-29'); // 23:30 (UTC+2)
    expect(madrid('2026-03-29T22:00:00Z')).toBe('2026-03-30'); // 00:00 (UTC+2)
    // 25 October 2026: clocks go from 03:00 (UTC+2) back to 02:00 (UTC+1).
    expect(madrid('2026-10-24T22:30:00Z')).toBe('2026-10-25'); // 00:30 (UTC+2)
    expect(madrid('2026-10-25T22:30:00Z')).toBe('2026-10-25'); // 23:30 (UTC+1)
    expect(madrid('2026-10-25T23:00:00Z')).toBe('2026-10-26'); // 00:00 (UTC+1)
  });

  it('rejects what is not an IANA zone; resolveTimeZone falls back', () => {
    expect(isValidTimeZone('Europe/Madrid')).toBe(true);
    for (const bad of ['', 'Mars/Olympus', '+01:00', 'Europe/Madrid ']) {
      expect(isValidTimeZone(bad)).toBe(false);
      expect(() => localDayOf(0, bad)).toThrow(RangeError);
    }
    expect(resolveTimeZone('Mars/Olympus', 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(resolveTimeZone('Mars/Olympus', 'Venus/Maxwell')).toBe('UTC');
    expect(resolveTimeZone('Asia/Tokyo', 'Europe/Madrid')).toBe('Asia/Tokyo');
  });

  it('todayIn: the local date now', () => {
    const now = new Date('2026-11-25T23:30:00Z');
    expect(localDateOf(todayIn('Europe/Madrid', now))).toBe('2026-11-26');
    expect(localDateOf(todayIn('America/New_York', now))).toBe('2026-11-25');
  });
});

describe('instantMsOf: stored instants read fast', () => {
  it('agrees with Date.parse on what toISOString writes, and on anything else', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 5000; i++) {
      const iso = new Date(random.int(4_000_000_000) * 1000 + random.int(1000)).toISOString();
      expect(instantMsOf(iso)).toBe(Date.parse(iso));
    }
    for (const odd of [
      '2028-02-29T12:00:00.000Z',
      '2026-02-29T12:00:00.000Z', // rolled over by Date.parse, as before
      '2026-11-25T18:30:00Z',
      '2026-11-25T18:30:00.000+01:00',
      '2026-11-25T24:30:00.000Z',
      '2026-11-25 18:30:00.000Z',
      'garbage',
      '',
    ]) {
      expect(instantMsOf(odd), odd).toStrictEqual(Date.parse(odd));
    }
  });
});
