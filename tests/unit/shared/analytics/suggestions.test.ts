import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANALYTICS_SETTINGS,
  dayNumberOf,
  localDateOf,
  suggestChanges,
  type AnalyticsSettings,
  type ChangeSuggestion,
} from '../../../../shared/analytics';
import type { InteractionFields } from '../../../../shared/domain';
import { anEntry, factsOf } from '../../../fixtures/analytics';

const asOf = dayNumberOf('2026-11-30');
// The default window: the 90 days ending 30 Nov, i.e. 2 Sep to 30 Nov included.

/** An interaction at noon UTC (13:00 in Madrid) on `date`. */
const on = (date: string, fields: Partial<InteractionFields>) =>
  anEntry({ startedAt: `${date}T12:00:00.000Z`, nextStep: '', ...fields });

const JOURNAL = [
  // Expo Hall: exactly 3 h, mean (1×90 + 3×90) / 180 = 2 → drop. The only events in the
  // window, so the kind "event" is judged the same.
  on('2026-10-01', { place: 'Expo Hall', kind: 'event', durationMinutes: 90, relevance: 1 }),
  on('2026-11-30', { place: 'Expo Hall', kind: 'event', durationMinutes: 90, relevance: 3 }),
  // Just outside the window on both sides, rated 5: counting them would save Expo Hall.
  on('2026-09-01', { place: 'Expo Hall', kind: 'event', durationMinutes: 300, relevance: 5 }),
  on('2026-12-01', { place: 'Expo Hall', kind: 'event', durationMinutes: 300, relevance: 5 }),
  // Rooftop Bar: 2 h 59 min rated 1 → not judged.
  on('2026-10-02', { place: 'Rooftop Bar', kind: 'meal', durationMinutes: 179, relevance: 1 }),
  // Mystery: 400 unrated minutes and 10 rated 1: too little rated time to judge.
  on('2026-10-03', { place: 'Mystery', kind: 'interview', durationMinutes: 400, relevance: null }),
  on('2026-10-04', { place: 'Mystery', kind: 'interview', durationMinutes: 10, relevance: 1 }),
  // High-relevance time: Café 4 × 60 = 240; Impact Hub 120 and Zoom 120 (a tie); LinkedIn 30.
  ...['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26'].map((date) =>
    on(date, { place: 'Café Comercial', kind: 'coffee', durationMinutes: 60, relevance: 5 }),
  ),
  on('2026-11-02', { place: 'Zoom', kind: 'call', durationMinutes: 120, relevance: 4 }),
  on('2026-11-03', { place: 'Impact Hub', kind: 'meetup', durationMinutes: 120, relevance: 4 }),
  on('2026-11-04', { place: 'LinkedIn', kind: 'message', durationMinutes: 30, relevance: 4 }),
  // No place: never suggested, however much high time it has.
  on('2026-11-05', { place: '', kind: 'other', durationMinutes: 500, relevance: 5 }),
];

const summary = (suggestions: readonly ChangeSuggestion[]) =>
  suggestions.map((s) => [s.action, s.subject.type, s.subject.label, s.figures.totalMinutes]);

const withSuggestions = (
  changes: Partial<AnalyticsSettings['suggestions']>,
): AnalyticsSettings => ({
  ...DEFAULT_ANALYTICS_SETTINGS,
  suggestions: { ...DEFAULT_ANALYTICS_SETTINGS.suggestions, ...changes },
});

describe('suggestChanges', () => {
  const facts = factsOf(JOURNAL);

  it('drops what took at least 3 h at a mean of 2 or less; does more of the best sources', () => {
    const suggestions = suggestChanges(facts, asOf, DEFAULT_ANALYTICS_SETTINGS);
    expect(summary(suggestions)).toEqual([
      // Equal minutes: by label, "Event" before "Expo Hall".
      ['drop', 'kind', 'Event', 180],
      ['drop', 'source', 'Expo Hall', 180],
      ['doMore', 'source', 'Café Comercial', 240],
      // A tie at 120 high minutes: by label.
      ['doMore', 'source', 'Impact Hub', 120],
      ['doMore', 'source', 'Zoom', 120],
    ]);
    const [event] = suggestions;
    expect(event?.figures.weightedRelevance).toBe(2);
    expect(event?.subject.key).toBe('event');
    expect(event?.period).toEqual({
      grain: 'range',
      start: dayNumberOf('2026-09-02'),
      end: dayNumberOf('2026-12-01'),
    });
    expect(localDateOf((event?.period.end ?? 0) - 1)).toBe('2026-11-30');
  });

  it('follows its settings', () => {
    // A threshold just below the mean of 2: nothing to drop.
    expect(
      suggestChanges(facts, asOf, withSuggestions({ dropAtOrBelow: 1.9 })).filter(
        (s) => s.action === 'drop',
      ),
    ).toEqual([]);
    // 2 h 59 min is enough once minMinutes is 179: Rooftop Bar and meals are judged too.
    expect(
      summary(suggestChanges(facts, asOf, withSuggestions({ minMinutes: 179, doMoreCount: 1 }))),
    ).toEqual([
      ['drop', 'kind', 'Event', 180],
      ['drop', 'source', 'Expo Hall', 180],
      ['drop', 'kind', 'Meal', 179],
      ['drop', 'source', 'Rooftop Bar', 179],
      ['doMore', 'source', 'Café Comercial', 240],
    ]);
    // A window of one day (30 Nov) holds 90 min of Expo Hall: not judged.
    expect(summary(suggestChanges(facts, asOf, withSuggestions({ windowDays: 1 })))).toEqual([]);
  });

  it('an empty journal suggests nothing', () => {
    expect(suggestChanges(factsOf([]), asOf, DEFAULT_ANALYTICS_SETTINGS)).toEqual([]);
  });
});
