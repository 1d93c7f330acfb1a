import { describe, expect, it } from 'vitest';
import {
  dayNumberOf,
  suggestionWindow,
  type ChangeSuggestion,
  type Figures,
  type NextStepItem,
} from '../../../../shared/analytics';
import {
  nextStepDates,
  suggestionEvidence,
  suggestionHeadline,
} from '../../../../shared/report/sentences';

/** The 90 days up to 31 October 2026: 3 Aug – 31 Oct. */
const WINDOW = suggestionWindow(dayNumberOf('2026-10-31'), 90);

/** Figures with `high`, `low` and `unrated` minutes; the relevance is given, not worked out. */
function figures(
  minutes: { high?: number; low?: number; unrated?: number },
  interactions: number,
  weightedRelevance: number | null,
): Figures {
  const { high = 0, low = 0, unrated = 0 } = minutes;
  return {
    minutes: { high, medium: 0, low, unrated },
    totalMinutes: high + low + unrated,
    counts: { high: 0, medium: 0, low: 0, unrated: 0 },
    interactions,
    zeroMinuteInteractions: 0,
    highShare: high + low === 0 ? null : high / (high + low),
    weightedRelevance,
  };
}

function suggestion(
  action: ChangeSuggestion['action'],
  type: 'source' | 'kind',
  label: string,
  figuresOf: Figures,
): ChangeSuggestion {
  return {
    action,
    subject: { type, key: label.toLowerCase(), label },
    figures: figuresOf,
    period: WINDOW,
  };
}

describe('suggestionHeadline', () => {
  it('suggests dropping a source by its name, and a kind marked as a kind', () => {
    const some = figures({ low: 180 }, 1, 2);
    expect(suggestionHeadline(suggestion('drop', 'source', 'Expo Hall B', some))).toBe(
      'Consider dropping Expo Hall B',
    );
    expect(suggestionHeadline(suggestion('drop', 'kind', 'Conference', some))).toBe(
      'Consider dropping Conference (kind)',
    );
  });

  it('suggests doing more of a source, keeping its spelling', () => {
    const some = figures({ high: 90 }, 1, 4);
    expect(suggestionHeadline(suggestion('doMore', 'source', 'Sobrino de Botín', some))).toBe(
      'Do more of Sobrino de Botín',
    );
    expect(suggestionHeadline(suggestion('doMore', 'kind', 'Coffee', some))).toBe(
      'Do more of Coffee (kind)',
    );
  });
});

describe('suggestionEvidence', () => {
  it('justifies a drop by hours, relevance and interactions over the window', () => {
    // 180 + 45 low minutes and 30 unrated = 255 min = 4.25 h → "4.3 h".
    const drop = suggestion(
      'drop',
      'source',
      'Expo Hall B',
      figures({ low: 225, unrated: 30 }, 3, 1.8),
    );
    expect(suggestionEvidence(drop)).toBe(
      '4.3 h in 3 Aug 2026 – 31 Oct 2026, time-weighted relevance 1.8, 3 interactions.',
    );
  });

  it('justifies doing more by high-relevance hours out of all hours', () => {
    const more = suggestion(
      'doMore',
      'source',
      'Café Comercial',
      figures({ high: 150, low: 30 }, 2, 4.5),
    );
    expect(suggestionEvidence(more)).toBe(
      '2.5 h of high-relevance time in 3 Aug 2026 – 31 Oct 2026, out of 3 h, 2 interactions.',
    );
  });

  it('writes one interaction in the singular', () => {
    const drop = suggestion('drop', 'kind', 'Conference', figures({ low: 180 }, 1, 2));
    const more = suggestion('doMore', 'source', 'Café Comercial', figures({ high: 60 }, 1, 5));
    expect(suggestionEvidence(drop)).toBe(
      '3 h in 3 Aug 2026 – 31 Oct 2026, time-weighted relevance 2.0, 1 interaction.',
    );
    expect(suggestionEvidence(more)).toMatch(/, 1 interaction\.$/);
  });

  it('writes a window of one day once', () => {
    const drop = suggestion('drop', 'source', 'Expo Hall B', figures({ low: 5 }, 1, 1));
    const evidence = suggestionEvidence({
      ...drop,
      period: suggestionWindow(dayNumberOf('2026-10-31'), 1),
    });
    expect(evidence).toBe('0.1 h in 31 Oct 2026, time-weighted relevance 1.0, 1 interaction.');
  });
});

describe('nextStepDates', () => {
  const item = (fields: Partial<NextStepItem>): NextStepItem => ({
    interactionId: 'interaction-001',
    title: 'Coffee with Ana Lopez',
    nextStep: 'Send Ana my CV',
    due: null,
    done: null,
    state: 'open',
    ...fields,
  });

  it.each<[string, Partial<NextStepItem>, string]>([
    ['no dates', {}, 'no due date'],
    ['a due date', { due: '2026-11-12' }, 'due 12 Nov 2026'],
    ['a due date passed', { due: '2026-11-12', state: 'overdue' }, 'due 12 Nov 2026, overdue'],
    [
      'a due date and a done date',
      { due: '2026-11-12', done: '2026-11-11', state: 'done' },
      'due 12 Nov 2026, done 11 Nov 2026',
    ],
    [
      'a step done late',
      { due: '2026-10-20', done: '2026-11-05', state: 'done' },
      'due 20 Oct 2026, done 5 Nov 2026',
    ],
    ['a done date only', { done: '2027-01-01', state: 'done' }, 'done 1 Jan 2027'],
  ])('writes %s', (_what, fields, written) => {
    expect(nextStepDates(item(fields))).toBe(written);
  });
});
