import { describe, expect, it } from 'vitest';
import { buildMonthReport, monthReportMarkdown, type MonthReport } from '../../../../shared/report';
import { DEFAULT_ANALYTICS_SETTINGS, dayNumberOf } from '../../../../shared/analytics';
import type { Interaction, PlannedEvent } from '../../../../shared/domain';
import { madridFacts, stored } from '../../../fixtures/reportJournal';
import { anEvent } from '../../../fixtures/plannedEvents';

const meetupLog = stored({
  title: 'Plant | managers',
  startedAt: '2026-11-18T08:00:00.000Z',
  relevance: 5,
});
const octoberLog = stored({
  title: 'October expo',
  startedAt: '2026-10-10T08:00:00.000Z',
  relevance: 1,
});
const INTERACTIONS = [meetupLog, octoberLog];

const EVENTS = [
  anEvent('meetup', {
    title: 'Plant | managers',
    date: '2026-11-18',
    organiser: 'Café *Comercial*',
    expectedRelevance: 3,
    interactionId: meetupLog.id,
  }),
  anEvent('forum', {
    title: 'Utilities Forum',
    date: '2026-11-30',
    kind: 'conference',
    decision: 'skip',
    expectedRelevance: 2,
    expectedMinutes: 240,
    decisionReason: 'Same speakers | as last year',
  }),
  anEvent('october', { date: '2026-10-10', expectedRelevance: 4, interactionId: octoberLog.id }),
  anEvent('not logged', { date: '2026-11-20', decision: 'go' }),
];

function reportFor(
  month: string,
  plannedEvents: readonly PlannedEvent[],
  interactions: readonly Interaction[],
): MonthReport {
  return buildMonthReport({
    facts: madridFacts(interactions, DEFAULT_ANALYTICS_SETTINGS),
    month,
    today: dayNumberOf('2026-11-25'),
    settings: DEFAULT_ANALYTICS_SETTINGS,
    notes: new Map(),
    plannedEvents,
    interactions,
  });
}

/** The Markdown under "## Planned events", up to the next section. */
function plannedMarkdown(report: MonthReport): string {
  const markdown = monthReportMarkdown(report);
  const start = markdown.indexOf('## Planned events\n\n') + '## Planned events\n\n'.length;
  return markdown.slice(start, markdown.indexOf('\n\n## ', start));
}

describe('the report’s planned events', () => {
  it('takes the events dated in the month only', () => {
    const { planned } = reportFor('2026-11', EVENTS, INTERACTIONS);
    expect(planned.attended.map((entry) => entry.eventId)).toEqual(['meetup']);
    expect(planned.skipped.map((event) => event.eventId)).toEqual(['forum']);
    expect(planned.waiting.map((event) => event.eventId)).toEqual(['not logged']);
    expect(planned.minutesKept).toBe(240);
  });

  it('writes attended events with expected against actual, and skipped ones with time kept', () => {
    expect(plannedMarkdown(reportFor('2026-11', EVENTS, INTERACTIONS))).toBe(
      [
        '1 attended event compared: expected 3.0, actual 5.0 on average (+2.0). ' +
          '1 event skipped: 4 h kept for better use. ' +
          '1 event past its day, waiting to be logged.',
        '',
        '| Event | Date | Kind | Organiser | Expected | Actual | Difference |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        '| Plant \\| managers | 18 Nov 2026 | Meetup | Café \\*Comercial\\* | 3 | 5 | +2.0 |',
        '',
        '| Skipped | Date | Expected | Time kept | Reason |',
        '| --- | ---: | ---: | ---: | ---: |',
        '| Utilities Forum | 30 Nov 2026 | 2 | 4 h | Same speakers \\| as last year |',
      ].join('\n'),
    );
  });

  it('says so when the month has no planned events, or none given', () => {
    expect(plannedMarkdown(reportFor('2026-09', EVENTS, INTERACTIONS))).toBe(
      'No planned events this month.',
    );
    expect(plannedMarkdown(reportFor('2026-11', [], INTERACTIONS))).toBe(
      'No planned events this month.',
    );
  });
});
