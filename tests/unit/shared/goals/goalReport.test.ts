import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYTICS_SETTINGS, dayNumberOf } from '../../../../shared/analytics';
import { buildMonthReport, monthReportMarkdown } from '../../../../shared/report';
import type { Goal } from '../../../../shared/domain';
import { anEntry, factsOf } from '../../../fixtures/analytics';
import { aGoal } from '../../../fixtures/goals';

const goalsSection = (markdown: string) =>
  /## Goals\n\n([\s\S]*?)\n\n## /.exec(markdown)?.[1] ?? 'no Goals section';

function reportWith(goals: readonly Goal[]) {
  const entries = [
    anEntry({ goalIds: ['g-plant', 'g-acme'], durationMinutes: 90, relevance: 5 }),
    anEntry({ goalIds: ['g-plant'], durationMinutes: 45, relevance: 2 }),
  ];
  return buildMonthReport({
    facts: factsOf(entries),
    month: '2026-11',
    today: dayNumberOf('2026-11-25'),
    settings: DEFAULT_ANALYTICS_SETTINGS,
    notes: new Map(),
    goals,
  });
}

describe('the Goals section of the monthly report', () => {
  it('lists hours and high-relevance hours per goal and names the goals with no time', () => {
    const report = reportWith([
      aGoal('g-plant'),
      aGoal('g-acme', { kind: 'company', description: 'Acme Foods [*]' }),
      aGoal('g-bcn', { kind: 'place', description: 'Barcelona', activeFrom: '2026-11-30' }),
      aGoal('g-old', { description: 'Shift lead', activeTo: '2026-10-31' }),
    ]);
    expect(goalsSection(monthReportMarkdown(report))).toBe(
      [
        '| Goal | Hours | High relevance | Interactions |',
        '| --- | ---: | ---: | ---: |',
        '| Plant manager in food manufacturing | 2.3 h | 1.5 h | 2 |',
        '| Acme Foods \\[\\*\\] | 1.5 h | 1.5 h | 1 |',
        '| Barcelona | 0 h | 0 h | 0 |',
        '',
        'No time this month on: “Barcelona”.',
      ].join('\n'),
    );
  });

  it('says so when no goal was active in the month', () => {
    const report = reportWith([aGoal('g-old', { activeTo: '2026-10-31' })]);
    expect(goalsSection(monthReportMarkdown(report))).toBe(
      'No goals active this month: add them on the Goals screen.',
    );
  });
});
