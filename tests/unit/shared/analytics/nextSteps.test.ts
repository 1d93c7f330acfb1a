import { describe, expect, it } from 'vitest';
import {
  dayNumberOf,
  monthPeriod,
  nextStepsFor,
  type NextStepFigures,
} from '../../../../shared/analytics';
import { anEntry, factsOf } from '../../../fixtures/analytics';

/** A next step written on an interaction on `started` (noon in Madrid). */
const step = (
  title: string,
  started: string,
  nextStepDue: string | null,
  nextStepDone: string | null,
  nextStep = `Follow up on ${title}`,
) =>
  anEntry({
    id: title,
    title,
    startedAt: `${started}T11:00:00.000Z`,
    nextStep,
    nextStepDue,
    nextStepDone,
  });

const JOURNAL = [
  step('late', '2026-11-02', '2026-11-10', null), // open past its due date
  step('done late', '2026-11-02', '2026-11-10', '2026-11-12'), // done after due, in November
  step('coming', '2026-11-15', '2026-11-25', null), // due after today
  step('old', '2026-10-15', '2026-10-20', null), // due in October, still open
  step('old, done in Nov', '2026-10-15', '2026-10-20', '2026-11-05'),
  step('undated', '2026-11-03', null, null),
  step('undated in Oct', '2026-10-03', null, null),
  step('no step', '2026-11-03', '2026-11-10', null, '   '),
  step('done today', '2026-11-15', '2026-11-19', '2026-11-20'),
  step('due today', '2026-11-15', '2026-11-20', null),
  step('a due tie', '2026-11-01', '2026-11-10', null),
];

const titles = (figures: NextStepFigures) =>
  Object.fromEntries(
    Object.entries(figures).map(([list, items]) => [
      list,
      Array.isArray(items)
        ? (items as NextStepFigures['due']).map((item) => `${item.title}: ${item.state}`)
        : items,
    ]),
  );

describe('nextStepsFor', () => {
  const facts = factsOf(JOURNAL);
  const today = dayNumberOf('2026-11-20');

  it('the current month, as of the 20th', () => {
    expect(titles(nextStepsFor(facts, monthPeriod('2026-11'), today))).toEqual({
      due: [
        'a due tie: overdue',
        'done late: done',
        'late: overdue',
        'done today: done',
        'due today: open',
        'coming: open',
      ],
      done: ['old, done in Nov: done', 'done late: done', 'done today: done'],
      // Due this month before today and open today; done late, done today and due today are not.
      overdue: ['a due tie: overdue', 'late: overdue'],
      // "old" was due in October and is still open; "old, done in Nov" was done on 5 Nov.
      overdueBefore: 1,
      undated: ['undated: open'],
    });
  });

  it('a past month: overdue means still open when it ended', () => {
    expect(titles(nextStepsFor(facts, monthPeriod('2026-10'), today))).toEqual({
      due: ['old: overdue', 'old, done in Nov: done'],
      done: [],
      // Done on 5 Nov, after October ended: it was overdue in October.
      overdue: ['old: overdue', 'old, done in Nov: done'],
      overdueBefore: 0,
      undated: ['undated in Oct: open'],
    });
  });

  it('items carry their dates and interaction', () => {
    const { done } = nextStepsFor(facts, monthPeriod('2026-11'), today);
    expect(done[1]).toEqual({
      interactionId: 'done late',
      title: 'done late',
      nextStep: 'Follow up on done late',
      due: '2026-11-10',
      done: '2026-11-12',
      state: 'done',
    });
  });
});
