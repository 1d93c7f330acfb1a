import { describe, expect, it } from 'vitest';
import { dayNumberOf, monthPeriod, rangePeriod } from '../../../../shared/analytics';
import type { Relevance } from '../../../../shared/domain';
import {
  attendedSummary,
  awaitsLogging,
  calibrationFor,
  skippedSummary,
  waitingSummary,
  formatDifference,
  interactionsById,
} from '../../../../shared/plans';
import { anEntry } from '../../../fixtures/analytics';
import { anEvent } from '../../../fixtures/plannedEvents';

const logged = (id: string, relevance: Relevance | null) => anEntry({ id, relevance });

const LOGGED = [
  logged('i-a', 4),
  logged('i-b', 3),
  logged('i-c', 2),
  logged('i-d', 3),
  logged('i-e', null),
  logged('i-f', 5),
  logged('i-j', 4),
  logged('i-o', 1),
];

/** Planned events around September–November 2026; today is 20 November. */
const EVENTS = [
  // Attended and comparable (actual − expected in the comment).
  anEvent('A', {
    date: '2026-09-10',
    organiser: 'Café Comercial',
    expectedRelevance: 2,
    interactionId: 'i-a',
  }), // +2
  anEvent('B', {
    date: '2026-10-05',
    kind: 'conference',
    organiser: ' cafe  comercial ',
    expectedRelevance: 4,
    interactionId: 'i-b',
  }), // −1
  anEvent('C', {
    date: '2026-10-20',
    kind: 'conference',
    organiser: 'Expo Hall',
    expectedRelevance: 5,
    interactionId: 'i-c',
  }), // −3
  anEvent('D', { date: '2026-11-03', expectedRelevance: 3, interactionId: 'i-d' }), // 0, no organiser
  // Skipped, then attended and logged after all: it counts as attended, not as time kept.
  anEvent('J', {
    date: '2026-11-10',
    organiser: 'EXPO hall',
    expectedRelevance: 1,
    decision: 'skip',
    expectedMinutes: 60,
    interactionId: 'i-j',
  }), // +3
  // Attended but not comparable: the interaction is unrated, or nothing was expected.
  anEvent('E', { date: '2026-11-04', expectedRelevance: 4, interactionId: 'i-e' }),
  anEvent('F', { date: '2026-11-05', expectedRelevance: null, interactionId: 'i-f' }),
  // Skipped: in the period (one still to come), and one before it.
  anEvent('G', {
    date: '2026-10-12',
    decision: 'skip',
    expectedMinutes: 120,
    expectedRelevance: 2,
    decisionReason: 'Same speakers as last year',
  }),
  anEvent('H', { date: '2026-11-25', decision: 'skip', expectedMinutes: 90 }),
  anEvent('I', { date: '2026-08-30', decision: 'skip', expectedMinutes: 300 }),
  // Past and not logged (one whose interaction was deleted); today's; a future one.
  anEvent('K', { date: '2026-11-15', decision: 'go' }),
  anEvent('L', { date: '2026-11-18', decision: 'undecided', interactionId: 'deleted' }),
  anEvent('M', { date: '2026-11-20', decision: 'go' }),
  anEvent('N', { date: '2026-11-28', decision: 'go' }),
  // The day after the period ends.
  anEvent('O', { date: '2026-12-01', expectedRelevance: 5, interactionId: 'i-o' }),
];

const INTERACTIONS = interactionsById(LOGGED, EVENTS);

const PERIOD = rangePeriod(dayNumberOf('2026-09-01'), dayNumberOf('2026-12-01'));
const TODAY = dayNumberOf('2026-11-20');

describe('calibrationFor', () => {
  const calibration = calibrationFor(EVENTS, INTERACTIONS, PERIOD, TODAY);

  it('compares expected and actual relevance of the attended events, oldest first', () => {
    expect(
      calibration.attended.map((e) => [e.eventId, e.expected, e.actual, e.difference]),
    ).toEqual([
      ['A', 2, 4, 2],
      ['B', 4, 3, -1],
      ['C', 5, 2, -3],
      ['D', 3, 3, 0],
      ['J', 1, 4, 3],
    ]);
    // Expected 2+4+5+3+1 = 15, actual 4+3+2+3+4 = 16, over 5 events.
    expect(calibration.events).toBe(5);
    expect(calibration.meanExpected).toBe(3);
    expect(calibration.meanActual).toBeCloseTo(3.2, 12);
    expect(calibration.meanDifference).toBeCloseTo(0.2, 12);
    expect(calibration.attendedNotCompared).toBe(2);
  });

  it('groups by kind, most events first', () => {
    // Meetups A, D, J: expected 6/3, actual 11/3, difference 5/3. Conferences B, C: 9/2, 5/2, −2.
    expect(calibration.byKind.map((g) => [g.label, g.events])).toEqual([
      ['Meetup', 3],
      ['Conference', 2],
    ]);
    const [meetups, conferences] = calibration.byKind;
    expect(meetups?.meanExpected).toBe(2);
    expect(meetups?.meanActual).toBeCloseTo(11 / 3, 12);
    expect(meetups?.meanDifference).toBeCloseTo(5 / 3, 12);
    expect(conferences).toMatchObject({ meanExpected: 4.5, meanActual: 2.5, meanDifference: -2 });
  });

  it('groups organisers by spelling regardless of case, accents and spaces', () => {
    // Ties between spellings go to the most recent one.
    expect(
      calibration.byOrganiser.map((g) => [g.key, g.label, g.events, g.meanDifference]),
    ).toEqual([
      ['cafe comercial', 'cafe comercial', 2, 0.5],
      ['expo hall', 'EXPO hall', 2, 0],
      ['', 'No organiser or place', 1, 0],
    ]);
  });

  it('follows the difference month by month', () => {
    expect(
      calibration.byMonth.map((g) => [
        g.key,
        g.events,
        g.meanExpected,
        g.meanActual,
        g.meanDifference,
      ]),
    ).toEqual([
      ['2026-09', 1, 2, 4, 2],
      ['2026-10', 2, 4.5, 2.5, -2],
      ['2026-11', 2, 2, 3.5, 1.5],
    ]);
  });

  it('counts the skipped events of the period and the hours they kept', () => {
    expect(calibration.skipped.map((e) => [e.eventId, e.expectedMinutes, e.reason])).toEqual([
      ['G', 120, 'Same speakers as last year'],
      ['H', 90, ''],
    ]);
    expect(calibration.minutesKept).toBe(210);
  });

  it('lists past events not skipped with nothing logged as waiting', () => {
    expect(calibration.waiting.map((e) => e.eventId)).toEqual(['K', 'L']);
  });

  it('labels months by name and says it all in words', () => {
    expect(calibration.byMonth.map((g) => g.label)).toEqual([
      'September 2026',
      'October 2026',
      'November 2026',
    ]);
    expect(attendedSummary(calibration)).toBe(
      '5 attended events compared: expected 3.0, actual 3.2 on average (+0.2). ' +
        '2 more events logged without an expected and an actual rating.',
    );
    expect(skippedSummary(calibration)).toBe('2 events skipped: 3.5 h kept for better use.');
    expect(waitingSummary(calibration)).toBe('2 events past their day, waiting to be logged.');
  });

  it('is empty, with no means, for a period without events', () => {
    const empty = calibrationFor(EVENTS, INTERACTIONS, monthPeriod('2026-07'), TODAY);
    expect(empty).toMatchObject({
      events: 0,
      meanExpected: null,
      meanActual: null,
      meanDifference: null,
      attended: [],
      byKind: [],
      byOrganiser: [],
      byMonth: [],
      skipped: [],
      minutesKept: 0,
      waiting: [],
    });
    expect(attendedSummary(empty)).toBe('No attended event to compare yet.');
    expect(skippedSummary(empty)).toBe('No event skipped.');
    expect(waitingSummary(empty)).toBe('');
  });
});

describe('awaitsLogging', () => {
  const byId = new Map(EVENTS.map((event) => [event.id, event]));
  const asks = (id: string) => {
    const event = byId.get(id);
    if (!event) throw new Error(`No event ${id}`);
    return awaitsLogging(event, INTERACTIONS, TODAY);
  };

  it('asks from the event’s day on, unless it was skipped or is logged', () => {
    expect(['K', 'L', 'M'].map(asks)).toEqual([true, true, true]);
    expect(['N', 'G', 'A', 'E'].map(asks)).toEqual([false, false, false, false]);
  });
});

describe('formatDifference', () => {
  it('signs the difference and rounds halves away from zero', () => {
    expect(
      [2, 0.2, -2, 5 / 3, -0.25, 0.05, -0.04, 0, null].map((value) => formatDifference(value)),
    ).toEqual(['+2.0', '+0.2', '−2.0', '+1.7', '−0.3', '+0.1', '±0.0', '±0.0', '–']);
  });
});
