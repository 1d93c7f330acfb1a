import { describe, expect, it } from 'vitest';
import { dayNumberOf, monthPeriod, type Period } from '../../../../shared/analytics';
import {
  dayLabel,
  formatHours,
  formatMean,
  formatShare,
  formatShareChange,
  monthTitle,
  periodLabel,
  periodLabelWithYear,
} from '../../../../shared/report/format';

/** The days from `first` to `last`, both included, as a period of `grain`. */
function days(first: string, last: string, grain: Period['grain'] = 'week'): Period {
  return { grain, start: dayNumberOf(first), end: dayNumberOf(last) + 1 };
}

describe('formatHours', () => {
  it.each([
    [0, '0 h'],
    [2, '0 h'], // 0.033 h
    [3, '0.1 h'], // 0.05 h: a half rounds up
    [5, '0.1 h'],
    [29, '0.5 h'], // 0.483 h
    [30, '0.5 h'],
    [57, '1 h'], // 0.95 h rounds to 1.0, written without the ".0"
    [60, '1 h'],
    [89, '1.5 h'], // 1.483 h
    [90, '1.5 h'],
    [360, '6 h'],
    [1439, '24 h'], // 23.983 h
    [1440, '24 h'],
    [6000, '100 h'],
  ])('writes %i minutes as %j', (minutes, written) => {
    expect(formatHours(minutes)).toBe(written);
  });

  it('never writes a trailing ".0"', () => {
    for (let minutes = 0; minutes <= 1440; minutes++) {
      expect(formatHours(minutes)).toMatch(/^(0|[1-9]\d*)(\.[1-9])? h$/);
    }
  });

  it('never writes a negative zero for a rounding of less than nothing', () => {
    expect([-1, -2, -0].map(formatHours)).toEqual(['0 h', '0 h', '0 h']);
  });
});

describe('formatShare', () => {
  it.each([
    [null, '–'],
    [0, '0%'],
    [1, '100%'],
    [150 / 330, '45%'], // 45.45%
    [0.625, '63%'],
    [0.004, '0%'],
    [0.005, '1%'],
    [0.995, '100%'],
  ])('writes %s as %j', (share, written) => {
    expect(formatShare(share)).toBe(written);
  });

  it('rounds an exact half percent up, even when the division lands just below it', () => {
    // 115 of 200 rated minutes is 57.5% exactly, but 115 / 200 * 100 is 57.49999999999999.
    expect(formatShare(115 / 200)).toBe('58%');
    // 29 / 200 * 100 is 14.499999999999998.
    expect(formatShare(29 / 200)).toBe('15%');
    expect(formatShare(1 / 8)).toBe('13%');
  });
});

describe('formatShareChange', () => {
  it.each([
    [null, 'no comparison'],
    [0, '±0 pts'],
    [-0, '±0 pts'],
    [0.4, '±0 pts'],
    [-0.4, '±0 pts'],
    [0.5, '+1 pts'],
    [8.2, '+8 pts'],
    [45.45, '+45 pts'],
    [-3.1, '−3 pts'],
    [-45.5, '−46 pts'],
    [100, '+100 pts'],
    [-100, '−100 pts'],
  ])('writes %s points as %j', (points, written) => {
    expect(formatShareChange(points)).toBe(written);
  });

  it('writes a fall with the minus sign, not a hyphen', () => {
    expect(formatShareChange(-12)).toBe('\u221212 pts');
  });

  it('rounds a half point the same way up and down', () => {
    expect(formatShareChange(2.5)).toBe('+3 pts');
    expect(formatShareChange(-2.5)).toBe('−3 pts');
    // 40% this month against 42.5% last month: the subtraction gives −2.4999999999999964.
    expect(formatShareChange((0.4 - 0.425) * 100)).toBe('−3 pts');
  });
});

describe('formatMean', () => {
  it.each([
    [null, '–'],
    [1, '1.0'],
    [3, '3.0'],
    [5, '5.0'],
    [1020 / 330, '3.1'], // 3.0909
    [3.45, '3.5'],
    [3.44, '3.4'],
    [23 / 20, '1.2'], // 1.15
    [4.96, '5.0'],
  ])('writes %s as %j', (mean, written) => {
    expect(formatMean(mean)).toBe(written);
  });
});

describe('monthTitle', () => {
  it.each([
    ['2026-01', 'January 2026'],
    ['2026-02', 'February 2026'],
    ['2026-03', 'March 2026'],
    ['2026-04', 'April 2026'],
    ['2026-05', 'May 2026'],
    ['2026-06', 'June 2026'],
    ['2026-07', 'July 2026'],
    ['2026-08', 'August 2026'],
    ['2026-09', 'September 2026'],
    ['2026-10', 'October 2026'],
    ['2026-11', 'November 2026'],
    ['2026-12', 'December 2026'],
    ['1999-12', 'December 1999'],
  ])('names %s %j', (month, title) => {
    expect(monthTitle(month)).toBe(title);
  });
});

describe('dayLabel', () => {
  it('writes the day, the short month and the year', () => {
    expect(dayLabel(dayNumberOf('2026-11-25'))).toBe('25 Nov 2026');
    expect(dayLabel(dayNumberOf('2027-01-01'))).toBe('1 Jan 2027');
    expect(dayLabel(dayNumberOf('2028-02-29'))).toBe('29 Feb 2028');
    expect(dayLabel(dayNumberOf('1970-01-01'))).toBe('1 Jan 1970');
  });

  it('leaves the year out when asked', () => {
    expect(dayLabel(dayNumberOf('2026-09-05'), false)).toBe('5 Sep');
  });
});

describe('periodLabel', () => {
  it('writes a week inside one month with the month once', () => {
    expect(periodLabel(days('2026-11-02', '2026-11-08'))).toBe('2–8 Nov');
  });

  it('writes a week across two months with both', () => {
    expect(periodLabel(days('2026-11-30', '2026-12-06'))).toBe('30 Nov – 6 Dec');
  });

  it('writes a week across two years without the years', () => {
    expect(periodLabel(days('2026-12-28', '2027-01-03'))).toBe('28 Dec – 3 Jan');
  });

  it('writes a single day, as a day or as a week cut to one day', () => {
    expect(periodLabel(days('2026-11-25', '2026-11-25', 'day'))).toBe('25 Nov');
    expect(periodLabel(days('2026-10-01', '2026-10-01', 'week'))).toBe('1 Oct');
  });

  it('writes a week cut at the month’s first or last day', () => {
    expect(periodLabel(days('2026-10-01', '2026-10-04'))).toBe('1–4 Oct');
    expect(periodLabel(days('2026-10-26', '2026-10-31'))).toBe('26–31 Oct');
  });

  it('writes a month as its title', () => {
    expect(periodLabel(monthPeriod('2026-11'))).toBe('November 2026');
    expect(periodLabel(monthPeriod('2026-12'))).toBe('December 2026');
  });

  it('writes a range of days like a week', () => {
    expect(periodLabel(days('2026-09-01', '2026-11-29', 'range'))).toBe('1 Sep – 29 Nov');
  });
});

describe('periodLabelWithYear', () => {
  it('writes both ends with their years', () => {
    expect(periodLabelWithYear(days('2026-09-01', '2026-11-29', 'range'))).toBe(
      '1 Sep 2026 – 29 Nov 2026',
    );
    expect(periodLabelWithYear(days('2026-12-28', '2027-01-03'))).toBe('28 Dec 2026 – 3 Jan 2027');
  });

  it('writes one day once', () => {
    expect(periodLabelWithYear(days('2026-11-25', '2026-11-25', 'day'))).toBe('25 Nov 2026');
  });

  it('writes a month from its first to its last day', () => {
    expect(periodLabelWithYear(monthPeriod('2026-02'))).toBe('1 Feb 2026 – 28 Feb 2026');
  });
});
