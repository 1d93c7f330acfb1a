import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BAND_THRESHOLDS,
  RELEVANCE_BAND_LABELS,
  RELEVANCE_BANDS,
  RELEVANCE_LABELS,
  RELEVANCE_VALUES,
  relevanceBand,
  toRelevance,
  type Relevance,
} from '../../../../shared/domain';

describe('relevanceBand with the documented default (high 4–5, medium 3, low 1–2)', () => {
  it.each([
    [5, 'high'],
    [4, 'high'],
    [3, 'medium'],
    [2, 'low'],
    [1, 'low'],
  ] as const)('rating %i is %s', (rating, band) => {
    expect(relevanceBand(rating)).toBe(band);
    expect(relevanceBand(rating, DEFAULT_BAND_THRESHOLDS)).toBe(band);
  });

  it('puts a not-yet-rated interaction in its own band, never in low', () => {
    expect(relevanceBand(null)).toBe('unrated');
  });

  it('keeps the default fixed at highFrom 4, lowUpTo 2', () => {
    expect(DEFAULT_BAND_THRESHOLDS).toEqual({ highFrom: 4, lowUpTo: 2 });
  });
});

describe('relevanceBand with custom thresholds (a setting)', () => {
  const bandsOf = (thresholds: { highFrom: Relevance; lowUpTo: Relevance }) =>
    RELEVANCE_VALUES.map((rating) => relevanceBand(rating, thresholds));

  it('a strict person: only 5 is high, 1–3 low, 4 medium', () => {
    expect(bandsOf({ highFrom: 5, lowUpTo: 3 })).toEqual(['low', 'low', 'low', 'medium', 'high']);
  });

  it('a lenient person: 3–5 high, only 1 low, 2 medium', () => {
    expect(bandsOf({ highFrom: 3, lowUpTo: 1 })).toEqual(['low', 'medium', 'high', 'high', 'high']);
  });

  it('adjacent thresholds leave no medium band', () => {
    expect(bandsOf({ highFrom: 4, lowUpTo: 3 })).toEqual(['low', 'low', 'low', 'high', 'high']);
  });

  it('unrated stays unrated whatever the thresholds', () => {
    expect(relevanceBand(null, { highFrom: 1, lowUpTo: 5 })).toBe('unrated');
    expect(relevanceBand(null, { highFrom: 5, lowUpTo: 1 })).toBe('unrated');
  });
});

describe('toRelevance', () => {
  it.each([1, 2, 3, 4, 5])('accepts the rating %i', (value) => {
    expect(toRelevance(value)).toBe(value);
  });

  it.each([0, 6, 2.5, -1, Number.NaN, Infinity, '4', null, undefined, true, [4], { value: 4 }])(
    'turns %j into null (not rated) instead of a wrong rating',
    (value) => {
      expect(toRelevance(value)).toBeNull();
    },
  );
});

describe('labels', () => {
  it('has a label for every rating and every band', () => {
    for (const rating of RELEVANCE_VALUES) expect(RELEVANCE_LABELS[rating]).toMatch(/relevant/i);
    expect(RELEVANCE_BANDS).toEqual(['high', 'medium', 'low', 'unrated']);
    for (const band of RELEVANCE_BANDS) expect(RELEVANCE_BAND_LABELS[band]).not.toBe('');
  });
});
