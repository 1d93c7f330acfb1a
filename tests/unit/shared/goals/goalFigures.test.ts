import { describe, expect, it } from 'vitest';
import { monthPeriod } from '../../../../shared/analytics';
import { goalFiguresFor } from '../../../../shared/goals';
import { anEntry, factsOf } from '../../../fixtures/analytics';
import { aGoal } from '../../../fixtures/goals';

const plant = aGoal('g-plant');
const acme = aGoal('g-acme', { kind: 'company', description: 'Acme Foods' });
const madrid = aGoal('g-madrid', {
  kind: 'place',
  description: 'Madrid',
  activeFrom: '2026-11-30',
});
const old = aGoal('g-old', { description: 'Shift lead', activeTo: '2026-10-31' });
const later = aGoal('g-later', { description: 'Operations', activeFrom: '2026-12-01' });
const goals = [plant, acme, madrid, old, later];

describe('goalFiguresFor', () => {
  const entries = [
    // Counts fully for both goals it links; a repeated link counts once.
    anEntry({ goalIds: ['g-plant', 'g-acme', 'g-plant'], durationMinutes: 60, relevance: 5 }),
    anEntry({ goalIds: ['g-plant'], durationMinutes: 30, relevance: 3 }),
    // Linked to a goal that has ended: its time still shows, the goal is not "without time".
    anEntry({ goalIds: ['g-old'], durationMinutes: 20, relevance: 4 }),
    // A deleted goal's link is left out.
    anEntry({ goalIds: ['g-gone'], durationMinutes: 90, relevance: 5 }),
    // Another month.
    anEntry({ goalIds: ['g-acme'], durationMinutes: 240, startedAt: '2026-12-02T09:00:00.000Z' }),
    // 00:30 on 1 December in Madrid is still November in UTC: counts in December.
    anEntry({ goalIds: ['g-plant'], durationMinutes: 15, startedAt: '2026-11-30T23:30:00.000Z' }),
  ];
  const november = goalFiguresFor(factsOf(entries), goals, monthPeriod('2026-11'));

  it('sums minutes and high-relevance minutes per goal, most time first', () => {
    expect(
      november.goals.map(({ goal, active, interactions, minutes, highMinutes }) => [
        goal.id,
        active,
        interactions,
        minutes,
        highMinutes,
      ]),
    ).toEqual([
      ['g-plant', true, 2, 90, 60],
      ['g-acme', true, 1, 60, 60],
      ['g-old', false, 1, 20, 20],
      ['g-madrid', true, 0, 0, 0],
    ]);
  });

  it('names the goals active in the month with no time spent, even active for one day', () => {
    expect(november.withoutTime.map((goal) => goal.id)).toEqual(['g-madrid']);
    const december = goalFiguresFor(factsOf(entries), goals, monthPeriod('2026-12'));
    expect(december.withoutTime.map((goal) => goal.id)).toEqual(['g-madrid', 'g-later']);
    expect(december.goals.find((item) => item.goal.id === 'g-plant')?.minutes).toBe(15);
  });
});
