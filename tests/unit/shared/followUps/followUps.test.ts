import { describe, expect, it } from 'vitest';
import { dayNumberOf, monthPeriod, nextStepsFor } from '../../../../shared/analytics';
import {
  dueFollowUps,
  dueInWords,
  followUpFiguresFor,
  followUpsFor,
  openFollowUps,
  type FollowUp,
  type FollowUpGroups,
} from '../../../../shared/followUps';
import type { Interaction } from '../../../../shared/domain';
import { seededRandom } from '../../../fixtures/random';
import { anEntry, factsOf } from '../../../fixtures/analytics';
import { aStoredContact } from '../../../fixtures/contacts';

/** An interaction on the 1st of November (noon in Madrid) with a next step. */
const step = (
  title: string,
  nextStepDue: string | null,
  nextStepDone: string | null,
  nextStep = `Follow up on ${title}`,
  startedAt = '2026-11-01T11:00:00.000Z',
) => anEntry({ id: title, title, startedAt, nextStep, nextStepDue, nextStepDone });

const contact = aStoredContact;

const keys = (groups: FollowUpGroups) =>
  Object.fromEntries(
    Object.entries(groups).map(([group, items]) => [
      group,
      (items as FollowUpGroups['overdue']).map((item) => `${item.source.label} ${item.due ?? '-'}`),
    ]),
  );

const TODAY = dayNumberOf('2026-11-20');

describe('followUpsFor', () => {
  const interactions = [
    step('Mixer', '2026-11-19', null),
    step('Coffee', '2026-11-20', null),
    step('Panel', '2026-12-04', null), // two weeks ahead: still upcoming
    step('Lunch', '2027-03-01', null), // far ahead: upcoming too
    step('Old', '2026-10-01', null),
    step('Done', '2026-11-10', '2026-11-12'),
    step('Done early', '2026-11-25', '2026-11-18'),
    step('Blank', '2026-11-19', null, '   '),
    step('Someday', null, null),
    step('Bad date', '2026-02-30', null), // not a day: open, without a date
    step('Bad done', '2026-11-19', 'soon'), // a done "day" that is no day is not done
  ];
  const contacts = [
    contact('Rosa', { nextStep: 'Send the plant tour dates', nextStepDue: '2026-11-20' }),
    contact('Ángel', { nextStep: 'Ask about the audit', nextStepDue: '2026-11-18' }),
    contact('Bea', {
      nextStep: 'Intro to Rosa',
      nextStepDue: '2026-11-19',
      nextStepDone: '2026-11-19',
    }),
    contact('Carl', { nextStep: '', nextStepDue: '2026-11-19' }),
    contact('Dina', { nextStep: 'Call back' }),
  ];

  it('groups open follow-ups of interactions and contacts by their due day', () => {
    expect(keys(followUpsFor({ interactions, contacts }, TODAY))).toEqual({
      overdue: ['Old 2026-10-01', 'Ángel 2026-11-18', 'Bad done 2026-11-19', 'Mixer 2026-11-19'],
      dueToday: ['Coffee 2026-11-20', 'Rosa 2026-11-20'],
      upcoming: ['Panel 2026-12-04', 'Lunch 2027-03-01'],
      undated: ['Bad date -', 'Dina -', 'Someday -'],
    });
  });

  it('keeps the source and text of each follow-up', () => {
    const groups = followUpsFor({ interactions, contacts }, TODAY);
    expect(groups.dueToday[1]).toEqual({
      key: 'contact:c-Rosa',
      source: { kind: 'contact', id: 'c-Rosa', label: 'Rosa' },
      text: 'Send the plant tour dates',
      due: '2026-11-20',
      dueDay: TODAY,
    });
    expect(groups.dueToday[0]?.key).toBe('interaction:Coffee');
    expect(dueFollowUps(groups)).toHaveLength(6);
  });

  it('moves a follow-up from upcoming to due today to overdue as the days pass', () => {
    const one = { interactions: [step('Coffee', '2026-11-21', null)], contacts: [] };
    const where = (day: string) => {
      const groups = followUpsFor(one, dayNumberOf(day));
      const entries = Object.entries(groups) as [string, readonly unknown[]][];
      return entries.find(([, items]) => items.length > 0)?.[0];
    };
    expect(where('2026-11-20')).toBe('upcoming');
    expect(where('2026-11-21')).toBe('dueToday');
    expect(where('2026-11-22')).toBe('overdue');
  });

  it('reads days as calendar days: the end of a year and a leap day', () => {
    const one = {
      interactions: [step('Leap', '2028-02-29', null), step('New year', '2027-01-01', null)],
      contacts: [],
    };
    expect(keys(followUpsFor(one, dayNumberOf('2026-12-31')))).toMatchObject({
      dueToday: [],
      upcoming: ['New year 2027-01-01', 'Leap 2028-02-29'],
    });
    expect(keys(followUpsFor(one, dayNumberOf('2028-03-01'))).overdue).toEqual([
      'New year 2027-01-01',
      'Leap 2028-02-29',
    ]);
  });
});

describe('dueInWords', () => {
  it.each([
    ['2026-11-20', 'today'],
    ['2026-11-21', 'tomorrow'],
    ['2026-11-19', 'yesterday'],
    ['2026-11-23', 'in 3 days'],
    ['2026-11-17', '3 days ago'],
    ['2026-12-03', 'in 13 days'],
    ['2026-12-04', 'in 2 weeks'],
    ['2026-12-10', 'in 2 weeks'],
    ['2026-12-11', 'in 3 weeks'],
    ['2026-10-01', '7 weeks ago'],
    ['2026-12-01', 'in 11 days'], // across a month end
  ])('%s is %s', (due, words) => {
    expect(dueInWords(dayNumberOf(due), TODAY)).toBe(words);
  });
});

describe('followUpFiguresFor', () => {
  const november = monthPeriod('2026-11');
  const interactions = [
    step('on time', '2026-11-10', '2026-11-10'), // done on the due day
    step('early', '2026-11-10', '2026-11-02'),
    step('late', '2026-11-05', '2026-11-08'),
    step('open late', '2026-11-12', null),
    step('coming', '2026-11-25', null),
    step('October', '2026-10-20', null), // due before November: not in November's figures
    step('December', '2026-12-02', '2026-11-30'), // done in Nov, due in Dec: not due here
  ];
  const contacts = [
    contact('Rosa', { nextStep: 'Tour', nextStepDue: '2026-11-15', nextStepDone: '2026-11-15' }),
    contact('Ángel', { nextStep: 'Audit', nextStepDue: '2026-11-18', nextStepDone: '2026-11-19' }),
    contact('Bea', { nextStep: 'Intro', nextStepDue: '2026-11-19' }),
    contact('Carl', { nextStep: ' ', nextStepDue: '2026-11-19' }), // no step: not counted
    contact('Dina', { nextStep: 'Call', nextStepDue: '2026-11-20' }), // due today: not overdue yet
  ];

  it('counts interactions and contacts due in the period, on time, late and overdue', () => {
    // Due: 5 interactions + 4 contacts (Rosa, Ángel, Bea, Dina). On time: on time, early, Rosa. Late: late, and Ángel
    // (done the 19th, due the 18th). Overdue: open late, Bea.
    expect(followUpFiguresFor(factsOf(interactions), contacts, november, TODAY)).toEqual({
      due: 9,
      doneOnTime: 3,
      doneLate: 2,
      overdue: 2,
    });
  });

  it('a past period keeps what was overdue in it, even if done since', () => {
    // As of 5 December: Ángel was done late but inside November: not overdue in it.
    // "coming" and Dina are still open: overdue too now.
    const later = dayNumberOf('2026-12-05');
    expect(followUpFiguresFor(factsOf(interactions), contacts, november, later)).toEqual({
      due: 9,
      doneOnTime: 3,
      doneLate: 2,
      overdue: 4,
    });
  });

  it("adds to the interactions' own figures without changing them", () => {
    const facts = factsOf(interactions);
    const steps = nextStepsFor(facts, november, TODAY);
    const withoutContacts = followUpFiguresFor(facts, [], november, TODAY);
    expect(withoutContacts.due).toBe(steps.due.length);
    expect(withoutContacts.overdue).toBe(steps.overdue.length);
    expect(withoutContacts).toEqual({ due: 5, doneOnTime: 2, doneLate: 1, overdue: 1 });
  });
});

describe('openFollowUps across snapshots', () => {
  it('edit after edit (added, removed, done, retitled) gives what a fresh read gives', () => {
    const random = seededRandom(11);
    let list = Array.from({ length: 120 }, (_, n) =>
      step(`Step ${String(n).padStart(3, '0')}`, n % 3 === 0 ? null : '2026-11-20', null),
    );
    // Each list read right after the one before, as snapshots come; checked afterwards.
    const read: { list: Interaction[]; keys: string[] }[] = [];
    const keysOf = (items: readonly FollowUp[]) =>
      items.map((item) => `${item.key} ${item.source.label} ${item.due ?? '-'} ${item.text}`);
    for (let edit = 0; edit < 80; edit++) {
      const next = [...list];
      const at = random.int(next.length);
      const target = next[at] as Interaction;
      if (edit % 4 === 0) next.splice(at, 0, step(`New ${edit}`, '2026-11-25', null));
      else if (edit % 4 === 1) next.splice(at, 1 + random.int(3));
      else if (edit % 4 === 2) next[at] = { ...target, nextStepDone: '2026-11-21' };
      else next[at] = { ...target, title: `Retitled ${edit}` };
      list = next;
      read.push({ list, keys: keysOf(openFollowUps({ interactions: list, contacts: [] })) });
    }
    for (const { list: seen, keys } of read) {
      const copies = seen.map((item) => ({ ...item }));
      expect(keys).toEqual(keysOf(openFollowUps({ interactions: copies, contacts: [] })));
    }
  });
});
