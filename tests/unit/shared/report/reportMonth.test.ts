import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../../../../shared/analytics';
import { defaultReportMonth } from '../../../../shared/report';

describe('the month the report opens on', () => {
  it.each([
    ['2026-12-01', '2026-11'], // the first day: last month is the complete one
    ['2026-12-06', '2026-11'],
    ['2026-12-07', '2026-11'], // the last day of the first week
    ['2026-12-08', '2026-12'], // from the eighth: this month
    ['2026-12-31', '2026-12'],
    ['2027-01-01', '2026-12'], // across the year
    ['2027-01-07', '2026-12'],
    ['2024-03-07', '2024-02'], // after a leap February
    ['2026-03-01', '2026-02'],
    ['2026-11-30', '2026-11'],
  ])('on %s: %s', (today, month) => {
    expect(defaultReportMonth(dayNumberOf(today))).toBe(month);
  });
});
