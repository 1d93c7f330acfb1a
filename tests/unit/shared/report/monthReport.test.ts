import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANALYTICS_SETTINGS,
  dayNumberOf,
  localDateOf,
  monthPeriod,
  type GroupFigures,
  type PeriodFigures,
} from '../../../../shared/analytics';
import type { Interaction } from '../../../../shared/domain';
import { reportNextSteps, SOURCES_NAMED } from '../../../../shared/report';
import { octoberJournal, reportOf, stored } from '../../../fixtures/reportJournal';

/**
 * October 2026, by hand (Madrid):
 *   Coffee 6 Oct, 60 min rated 5 (high)        Café Comercial
 *   Expo 14 Oct, 180 min rated 2 (low)         Expo Hall B
 *   Call 20 Oct, 30 min unrated                no organiser or place
 *   Dinner 31 Oct 23:30, 90 min rated 4 (high) Sobrino de Botín
 *   Total 360 min; high 150, medium 0, low 180, unrated 30; rated 330.
 *   High share 150 / 330 = 0.4545; time-weighted relevance (5·60 + 2·180 + 4·90) / 330 =
 *   1020 / 330 = 3.09.
 *   September: the lunch, 60 min rated 3 (medium) → share 0, relevance 3; change +45.45 pts.
 *   The breakfast on 1 Nov 00:30 Madrid (31 Oct 23:30 UTC) counts in November.
 */
const october = octoberJournal();

/** The days of a period as dates: first and last included. */
const span = ({ period }: PeriodFigures) => [
  localDateOf(period.start),
  localDateOf(period.end - 1),
];

const labels = (groups: readonly GroupFigures[]) => groups.map((group) => group.label);

describe('buildMonthReport: October 2026', () => {
  const report = reportOf(october.list, '2026-10');

  it('covers the calendar month', () => {
    expect(report.month).toBe('2026-10');
    expect(report.period).toEqual(monthPeriod('2026-10'));
    expect(span(report.current)).toEqual(['2026-10-01', '2026-10-31']);
  });

  it('adds the month’s minutes by band, with the dinner at 23:30 on the 31st', () => {
    expect(report.current).toMatchObject({
      minutes: { high: 150, medium: 0, low: 180, unrated: 30 },
      totalMinutes: 360,
      counts: { high: 2, medium: 0, low: 1, unrated: 1 },
      interactions: 4,
      zeroMinuteInteractions: 0,
    });
  });

  it('works out the high share and the relevance over rated time only', () => {
    expect(report.current.highShare).toBeCloseTo(150 / 330, 12);
    expect(report.current.weightedRelevance).toBeCloseTo(1020 / 330, 12);
  });

  it('compares with September', () => {
    expect(span(report.previous)).toEqual(['2026-09-01', '2026-09-30']);
    expect(report.previous).toMatchObject({
      minutes: { high: 0, medium: 60, low: 0, unrated: 0 },
      totalMinutes: 60,
      interactions: 1,
      highShare: 0,
      weightedRelevance: 3,
    });
    // (0.4545 − 0) × 100, in percentage points.
    expect(report.highShareChange).toBeCloseTo(45.45, 2);
  });

  it('cuts the weeks (Monday to Sunday) at 1 and 31 October', () => {
    // 1 October 2026 is a Thursday: the first week is Thu 1 – Sun 4, the last Mon 26 – Sat 31.
    expect(report.weeks.map(span)).toEqual([
      ['2026-10-01', '2026-10-04'],
      ['2026-10-05', '2026-10-11'],
      ['2026-10-12', '2026-10-18'],
      ['2026-10-19', '2026-10-25'],
      ['2026-10-26', '2026-10-31'],
    ]);
    expect(report.weeks.every((week) => week.period.grain === 'week')).toBe(true);
    // The lunch of 30 September and the breakfast of 1 November fall in none of them.
    expect(report.weeks.map((week) => week.minutes)).toEqual([
      { high: 0, medium: 0, low: 0, unrated: 0 },
      { high: 60, medium: 0, low: 0, unrated: 0 },
      { high: 0, medium: 0, low: 180, unrated: 0 },
      { high: 0, medium: 0, low: 0, unrated: 30 },
      { high: 90, medium: 0, low: 0, unrated: 0 },
    ]);
  });

  it('cuts the weeks on the first day of the week the settings say', () => {
    const sundays = reportOf(october.list, '2026-10', {
      settings: { ...DEFAULT_ANALYTICS_SETTINGS, weekStartsOn: 0 },
    });
    expect(sundays.weeks.map(span)).toEqual([
      ['2026-10-01', '2026-10-03'],
      ['2026-10-04', '2026-10-10'],
      ['2026-10-11', '2026-10-17'],
      ['2026-10-18', '2026-10-24'],
      ['2026-10-25', '2026-10-31'],
    ]);
  });

  it('lists the kinds that occur, most minutes first', () => {
    expect(report.kinds.map((kind) => [kind.label, kind.totalMinutes])).toEqual([
      ['Conference', 180],
      ['Meal', 90],
      ['Coffee', 60],
      ['Call', 30],
    ]);
  });

  it('names the best sources by high-relevance minutes', () => {
    expect(labels(report.bestSources)).toEqual(['Sobrino de Botín', 'Café Comercial']);
    expect(report.bestSources.map((source) => source.minutes.high)).toEqual([90, 60]);
  });

  it('names as worst only rated sources that are not among the best', () => {
    // Café Comercial (5.0) and Sobrino de Botín (4.0) are rated but best; the call has no
    // organiser and no rating.
    expect(labels(report.worstSources)).toEqual(['Expo Hall B']);
    expect(report.worstSources[0]?.weightedRelevance).toBe(2);
  });
});

describe('buildMonthReport: best and worst sources', () => {
  /** An interaction in October 2026 at `place`. */
  const at = (
    place: string,
    relevance: Interaction['relevance'],
    durationMinutes: number,
    day = 10,
  ) =>
    stored({
      place,
      relevance,
      durationMinutes,
      startedAt: `2026-10-${String(day).padStart(2, '0')}T10:00:00.000Z`,
    });

  it('names at most three of each, best by high minutes then name, worst by relevance', () => {
    const report = reportOf(
      [
        at('Zeta Club', 5, 120),
        at('Álamo Café', 4, 60),
        at('Beta Hub', 5, 60),
        at('Gamma Forum', 4, 30),
        at('Delta Meetup', 1, 30),
        at('Epsilon Bar', 2, 60),
        at('Eta Lounge', 2, 120),
        at('Theta Hall', 3, 45),
        at('Iota Room', null, 300),
      ],
      '2026-10',
    );
    expect(SOURCES_NAMED).toBe(3);
    // 60 minutes each for Álamo Café and Beta Hub: by name, the accent sorting as an "a".
    expect(labels(report.bestSources)).toEqual(['Zeta Club', 'Álamo Café', 'Beta Hub']);
    // Gamma Forum (4.0) is neither named best nor worse than the three lowest; of Eta Lounge
    // and Epsilon Bar (both 2.0), the one with more minutes comes first.
    expect(labels(report.worstSources)).toEqual(['Delta Meetup', 'Eta Lounge', 'Epsilon Bar']);
  });

  it('groups spellings of one source and shows the most used one', () => {
    const report = reportOf(
      [
        at('cafe  comercial ', 5, 30, 4),
        at('Café Comercial', 5, 30, 3),
        at('Café Comercial', 4, 30, 2),
        at('CAFE COMERCIAL', 1, 30, 1),
      ],
      '2026-10',
    );
    // The newest spelling is used once, the one with the accent twice.
    expect(report.bestSources.map((source) => [source.label, source.minutes.high])).toEqual([
      ['Café Comercial', 90],
    ]);
  });

  it('never names "no organiser or place" as a source, best or worst', () => {
    const report = reportOf([at('', 5, 120), at('', 1, 120), at('Lambda Hall', 3, 60)], '2026-10');
    expect(labels(report.bestSources)).toEqual([]);
    expect(labels(report.worstSources)).toEqual(['Lambda Hall']);
  });

  it('names no source in a month with no rated time', () => {
    const report = reportOf([at('Iota Room', null, 300), at('Kappa Bar', null, 0)], '2026-10');
    expect(report.bestSources).toEqual([]);
    expect(report.worstSources).toEqual([]);
    expect(report.current.zeroMinuteInteractions).toBe(1);
  });
});

describe('buildMonthReport: suggestions', () => {
  const asOf = (today: string) =>
    localDateOf(reportOf(october.list, '2026-10', { today }).suggestionsAsOf);

  it('look back from today while the month is running', () => {
    expect(asOf('2026-10-15')).toBe('2026-10-15');
    expect(asOf('2026-10-01')).toBe('2026-10-01');
    expect(asOf('2026-10-31')).toBe('2026-10-31');
  });

  it('look back from the month’s last day once it is over', () => {
    expect(asOf('2026-11-01')).toBe('2026-10-31');
    expect(asOf('2027-03-01')).toBe('2026-10-31');
  });

  it('look back from the month’s first day before it starts', () => {
    expect(asOf('2026-09-10')).toBe('2026-10-01');
  });

  const suggested = (today: string) =>
    reportOf(october.list, '2026-10', { today }).suggestions.map(
      ({ action, subject }) => `${action} ${subject.type} ${subject.label}`,
    );

  it('are those of the 90 days up to that day', () => {
    // Up to 31 October: 180 min of the expo rated 2, as a source and as a kind (ties: by
    // label), then the sources with high time. The meals (150 min) are too few to judge.
    expect(suggested('2026-11-25')).toEqual([
      'drop kind Conference',
      'drop source Expo Hall B',
      'doMore source Sobrino de Botín',
      'doMore source Café Comercial',
    ]);
    // Up to 15 October: no dinner yet.
    expect(suggested('2026-10-15')).toEqual([
      'drop kind Conference',
      'drop source Expo Hall B',
      'doMore source Café Comercial',
    ]);
    // Up to 1 October: only September's lunch, rated 3.
    expect(suggested('2026-09-10')).toEqual([]);
  });
});

describe('buildMonthReport: notes', () => {
  const notes = {
    '2026-09': 'Fewer expos.',
    '2026-10': 'Skip vendor expos;\nmore coffees.',
    '2026-12': 'Plan the year.',
  };

  it('reads this month’s note and last month’s', () => {
    const report = reportOf(october.list, '2026-10', { notes });
    expect(report.note).toBe('Skip vendor expos;\nmore coffees.');
    expect(report.previousNote).toBe('Fewer expos.');
  });

  it('reads December’s note in January', () => {
    const report = reportOf(october.list, '2027-01', { notes });
    expect(report.note).toBe('');
    expect(report.previousNote).toBe('Plan the year.');
  });

  it('reads empty notes when none were written', () => {
    const report = reportOf(october.list, '2026-11');
    expect([report.note, report.previousNote]).toEqual(['', '']);
  });
});

describe('reportNextSteps', () => {
  const steps = (today: string) =>
    reportNextSteps(reportOf(october.list, '2026-10', { today })).map(
      (item) => `${item.title}: ${item.state}`,
    );

  it('lists each next step once, overdue first, then due, done and undated', () => {
    const report = reportOf(october.list, '2026-10');
    const { due, done, overdue, undated } = report.nextSteps;
    // The coffee's step is due on 9 and done on 8 October: in both lists. The expo's, due on
    // 20 October and still open, is due and overdue. The lunch's, due on 30 September and
    // still open, is overdue from an earlier month: counted, not listed.
    expect(due.map((item) => item.title)).toEqual(['Coffee with Ana Lopez', 'Energy Storage Expo']);
    expect(done.map((item) => item.title)).toEqual(['Coffee with Ana Lopez']);
    expect(overdue.map((item) => item.title)).toEqual(['Energy Storage Expo']);
    expect(report.nextSteps.overdueBefore).toBe(1);
    expect(undated.map((item) => item.title)).toEqual(['Dinner with the Ridgeway team']);
    expect(steps('2026-11-25')).toEqual([
      'Energy Storage Expo: overdue',
      'Coffee with Ana Lopez: done',
      'Dinner with the Ridgeway team: open',
    ]);
  });

  it('lists nothing of the next month, and no overdue step before its day', () => {
    // On 15 October the expo's step (due on the 20th) is not overdue yet.
    expect(steps('2026-10-15')).toEqual([
      'Coffee with Ana Lopez: done',
      'Energy Storage Expo: open',
      'Dinner with the Ridgeway team: open',
    ]);
  });

  it('keeps the item objects of the report', () => {
    const report = reportOf(october.list, '2026-10');
    const [first] = reportNextSteps(report);
    expect(first).toBe(report.nextSteps.overdue[0]);
    expect(first).toMatchObject({
      interactionId: october.expo.id,
      nextStep: 'Email the battery buyer',
      due: '2026-10-20',
      done: null,
    });
  });
});

describe('buildMonthReport: a month with nothing in it', () => {
  it('gives zero figures, no shares, empty lists and still five weeks', () => {
    const report = reportOf([], '2026-02');
    expect(report.current).toMatchObject({
      totalMinutes: 0,
      interactions: 0,
      highShare: null,
      weightedRelevance: null,
    });
    expect(report.highShareChange).toBeNull();
    // February 2026 starts on a Sunday: Sun 1, then four Monday weeks, the last one cut.
    expect(report.weeks.map(span)).toEqual([
      ['2026-02-01', '2026-02-01'],
      ['2026-02-02', '2026-02-08'],
      ['2026-02-09', '2026-02-15'],
      ['2026-02-16', '2026-02-22'],
      ['2026-02-23', '2026-02-28'],
    ]);
    expect([report.kinds, report.bestSources, report.worstSources, report.suggestions]).toEqual([
      [],
      [],
      [],
      [],
    ]);
    expect(reportNextSteps(report)).toEqual([]);
    expect(report.suggestionsAsOf).toBe(dayNumberOf('2026-02-28'));
  });

  it('gives exactly four weeks to a February that starts on a Monday', () => {
    const report = reportOf([], '2027-02');
    expect(report.weeks.map(span)).toEqual([
      ['2027-02-01', '2027-02-07'],
      ['2027-02-08', '2027-02-14'],
      ['2027-02-15', '2027-02-21'],
      ['2027-02-22', '2027-02-28'],
    ]);
  });

  it('gives six weeks to a 31-day month that starts on a Sunday', () => {
    // March 2026 starts on a Sunday.
    expect(reportOf([], '2026-03').weeks.map(span)).toEqual([
      ['2026-03-01', '2026-03-01'],
      ['2026-03-02', '2026-03-08'],
      ['2026-03-09', '2026-03-15'],
      ['2026-03-16', '2026-03-22'],
      ['2026-03-23', '2026-03-29'],
      ['2026-03-30', '2026-03-31'],
    ]);
  });
});
