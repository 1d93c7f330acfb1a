import { describe, expect, it } from 'vitest';
import { dayNumberOf, DEFAULT_ANALYTICS_SETTINGS } from '../../../../shared/analytics';
import { buildMonthReport, monthReportMarkdown } from '../../../../shared/report';
import type { Introduction, IntroductionFields } from '../../../../shared/domain';
import { aContact } from '../../../fixtures/contacts';
import { madridFacts, octoberJournal } from '../../../fixtures/reportJournal';

const rosa = aContact('c-rosa', 'Rosa Delgado');
const tom = aContact('c-tom', 'Tom Alvarez');

const anIntroduction = (id: string, fields: Partial<IntroductionFields>): Introduction => ({
  id,
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  date: '2026-10-20',
  direction: 'made',
  needContactId: 'c-tom',
  offerContactId: 'c-rosa',
  need: 'a plant manager',
  offer: 'plant management experience',
  outcome: '',
  suggestionKey: null,
  ...fields,
});

describe('the report’s introductions', () => {
  const introductions = [
    anIntroduction('i-nov', { date: '2026-11-02', direction: 'received' }),
    anIntroduction('i-oct-2', { date: '2026-10-31', outcome: 'Interview *next* week' }),
    anIntroduction('i-oct-1', {
      date: '2026-10-01',
      direction: 'received',
      offerContactId: 'gone',
    }),
    anIntroduction('i-sep', { date: '2026-09-30' }),
  ];
  const report = buildMonthReport({
    facts: madridFacts(octoberJournal().list),
    month: '2026-10',
    today: dayNumberOf('2026-11-25'),
    settings: DEFAULT_ANALYTICS_SETTINGS,
    notes: new Map(),
    introductions,
    contacts: [rosa, tom],
  });

  it('lists the month’s, oldest first, and counts the ledger up to the month’s end', () => {
    expect(report.introductions).toEqual({
      lines: [
        expect.objectContaining({ date: '2026-10-01', offerName: 'a deleted contact' }),
        expect.objectContaining({
          date: '2026-10-31',
          offerName: 'Rosa Delgado',
          needName: 'Tom Alvarez',
          outcome: 'Interview *next* week',
        }),
      ],
      madeInMonth: 1,
      receivedInMonth: 1,
      made: 2,
      received: 1,
    });
  });

  it('writes them to Markdown with what came of each, markup escaped', () => {
    const markdown = monthReportMarkdown(report);
    const section = markdown.slice(markdown.indexOf('## Introductions'));
    expect(section).toContain(
      '2 introductions this month (1 made, 1 received); the ledger: 2 made, 1 received.',
    );
    expect(section).toContain(
      '- 2026-10-31: Rosa Delgado → Tom Alvarez (made): “plant management experience” for “a plant manager” — Interview \\*next\\* week',
    );
    expect(section).toContain('_what came of it not noted yet_');
  });

  it('says none when the ledger is empty or left out', () => {
    const empty = buildMonthReport({
      facts: madridFacts([]),
      month: '2026-10',
      today: dayNumberOf('2026-11-25'),
      settings: DEFAULT_ANALYTICS_SETTINGS,
      notes: new Map(),
    });
    expect(empty.introductions).toEqual({
      lines: [],
      madeInMonth: 0,
      receivedInMonth: 0,
      made: 0,
      received: 0,
    });
  });
});
