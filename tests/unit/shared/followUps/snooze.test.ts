import { describe, expect, it } from 'vitest';
import { dayNumberOf, localDateOf } from '../../../../shared/analytics';
import { snoozeChoices } from '../../../../shared/followUps';

const choicesOn = (today: string, weekStartsOn?: number) =>
  snoozeChoices(dayNumberOf(today), weekStartsOn).map(
    (choice) => `${choice.label} ${localDateOf(choice.day)}`,
  );

describe('snoozeChoices', () => {
  it('on a Wednesday: tomorrow, in 3 days, next Monday, in 2 weeks', () => {
    expect(choicesOn('2026-11-25')).toEqual([
      'Tomorrow 2026-11-26',
      'In 3 days 2026-11-28',
      'Next week 2026-11-30',
      'In 2 weeks 2026-12-09',
    ]);
  });

  it.each([
    ['2026-11-29', '2026-12-07'], // a Sunday: not tomorrow, the Monday after
    ['2026-11-28', '2026-11-30'], // a Saturday: two days ahead
    ['2026-11-30', '2026-12-07'], // a Monday: the next one
    ['2026-12-31', '2027-01-04'], // across the year
  ])('next week from %s is %s', (today, monday) => {
    expect(choicesOn(today).at(2)).toBe(`Next week ${monday}`);
  });

  it('crosses month ends and leap days', () => {
    expect(choicesOn('2028-02-28')).toEqual([
      'Tomorrow 2028-02-29',
      'In 3 days 2028-03-02',
      'Next week 2028-03-06',
      'In 2 weeks 2028-03-13',
    ]);
    expect(choicesOn('2026-01-31').slice(0, 2)).toEqual([
      'Tomorrow 2026-02-01',
      'In 3 days 2026-02-03',
    ]);
  });

  it('starts next week on the person’s first day of the week', () => {
    // Wednesday 25 November 2026, weeks from Sunday: Sunday 29 November.
    expect(choicesOn('2026-11-25', 0).at(2)).toBe('Next week 2026-11-29');
    // Saturday 28 November, weeks from Sunday: the Sunday after is only one day ahead.
    expect(choicesOn('2026-11-28', 0).at(2)).toBe('Next week 2026-12-06');
  });
});
