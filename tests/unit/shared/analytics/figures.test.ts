import { describe, expect, it } from 'vitest';
import {
  byKind,
  bySource,
  dayNumberOf,
  dayPeriod,
  figuresFor,
  lastWeeks,
  monthPeriod,
  rolling,
  seriesFor,
  trend,
  weekPeriod,
  type Figures,
} from '../../../../shared/analytics';
import { anEntry, factsOf } from '../../../fixtures/analytics';

// A journal kept mostly in Madrid (UTC+1 in winter, UTC+2 in summer), with trips. Each entry
// says its local time; startedAt is the same instant in UTC.
const octDstStart = anEntry({
  // 25 Oct 2026, 00:30 in Madrid, still summer time (UTC+2): the 25th.
  startedAt: '2026-10-24T22:30:00.000Z',
  kind: 'video',
  place: 'Zoom',
  durationMinutes: 30,
  relevance: 4,
});
const octDstEnd = anEntry({
  // 25 Oct 2026, 23:30 in Madrid, winter time again (UTC+1): still the 25th.
  startedAt: '2026-10-25T22:30:00.000Z',
  kind: 'video',
  place: 'Zoom',
  durationMinutes: 30,
  relevance: 2,
});
const octLast = anEntry({
  // Sat 31 Oct, 23:30 in Madrid: October, though…
  startedAt: '2026-10-31T22:30:00.000Z',
  kind: 'coffee',
  place: 'Café Comercial',
  durationMinutes: 60,
  relevance: 2,
});
const novFirst = anEntry({
  // …Sun 1 Nov, 00:15 in Madrid is November, though also 31 Oct in UTC.
  startedAt: '2026-10-31T23:15:00.000Z',
  kind: 'call',
  place: 'Zoom',
  durationMinutes: 30,
  relevance: 2,
});
const sundayNight = anEntry({
  // Sun 8 Nov, 23:30 in Madrid.
  startedAt: '2026-11-08T22:30:00.000Z',
  kind: 'meetup',
  place: 'Impact Hub',
  durationMinutes: 120,
  relevance: 3,
});
const mondayMorning = anEntry({
  // Mon 9 Nov, 00:15 in Madrid (Sun 8 Nov in UTC).
  startedAt: '2026-11-08T23:15:00.000Z',
  kind: 'message',
  place: 'LinkedIn',
  durationMinutes: 15,
  relevance: 4,
});
const unratedMessage = anEntry({
  // Thu 12 Nov, 10:00 in Madrid: no minutes, no rating, still counted.
  startedAt: '2026-11-12T09:00:00.000Z',
  kind: 'message',
  place: 'LinkedIn',
  durationMinutes: 0,
  relevance: null,
});
const unratedCoffee = anEntry({
  // Fri 13 Nov, 09:00 in Madrid.
  startedAt: '2026-11-13T08:00:00.000Z',
  kind: 'coffee',
  place: 'Café Comercial',
  durationMinutes: 45,
  relevance: null,
});
const zeroMinuteHigh = anEntry({
  // Sat 14 Nov, 11:00 in Madrid: rated 5, zero minutes. Another spelling of LinkedIn.
  startedAt: '2026-11-14T10:00:00.000Z',
  kind: 'message',
  place: 'linkedin ',
  durationMinutes: 0,
  relevance: 5,
});
const tokyoMonday = anEntry({
  // Mon 16 Nov, 07:00 in Tokyo (UTC+9) = Sun 15 Nov, 23:00 at home: counts on Monday.
  startedAt: '2026-11-15T22:00:00.000Z',
  timeZone: 'Asia/Tokyo',
  kind: 'conference',
  place: 'Tokyo Big Sight',
  durationMinutes: 240,
  relevance: 5,
});
const newYorkFriday = anEntry({
  // Fri 20 Nov, 20:00 in New York (UTC−5) = Sat 21 Nov, 01:00 UTC: counts on Friday.
  startedAt: '2026-11-21T01:00:00.000Z',
  timeZone: 'America/New_York',
  kind: 'meal',
  place: "Katz's",
  durationMinutes: 90,
  relevance: 1,
});
const berlinSaturday = anEntry({
  // Sat 21 Nov, 00:30 in Berlin (UTC+1) = Fri 20 Nov, 23:30 UTC, before the dinner above
  // as an instant, yet a day later on the calendar.
  startedAt: '2026-11-20T23:30:00.000Z',
  timeZone: 'Europe/Berlin',
  kind: 'event',
  place: 'Factory Berlin',
  durationMinutes: 60,
  relevance: 4,
});
const novLast = anEntry({
  // Mon 30 Nov, 23:30 in Madrid. Another spelling of Café Comercial.
  startedAt: '2026-11-30T22:30:00.000Z',
  kind: 'coffee',
  place: 'Cafe  Comercial',
  durationMinutes: 60,
  relevance: 5,
});
const decFirst = anEntry({
  // Tue 1 Dec, 00:15 in Madrid (30 Nov in UTC): December.
  startedAt: '2026-11-30T23:15:00.000Z',
  kind: 'call',
  place: 'Zoom',
  durationMinutes: 30,
  relevance: 3,
});
const marchDstStart = anEntry({
  // 29 Mar 2026, 00:30 in Madrid (UTC+1, before the change at 02:00).
  startedAt: '2026-03-28T23:30:00.000Z',
  kind: 'coffee',
  place: 'Café Comercial',
  durationMinutes: 45,
  relevance: 3,
});
const marchDstEnd = anEntry({
  // 29 Mar 2026, 23:30 in Madrid (UTC+2 since 03:00).
  startedAt: '2026-03-29T21:30:00.000Z',
  kind: 'call',
  place: 'Phone',
  durationMinutes: 20,
  relevance: null,
});

const ALL = [
  marchDstStart,
  marchDstEnd,
  octDstStart,
  octDstEnd,
  octLast,
  novFirst,
  sundayNight,
  mondayMorning,
  unratedMessage,
  unratedCoffee,
  zeroMinuteHigh,
  tokyoMonday,
  newYorkFriday,
  berlinSaturday,
  novLast,
  decFirst,
];
const facts = factsOf(ALL);
const day = dayNumberOf;

/** Figures written out: minutes [high, medium, low, unrated], counts likewise. */
function figures(
  [high, medium, low, unrated]: number[],
  [highCount, mediumCount, lowCount, unratedCount]: number[],
  zeroMinuteInteractions: number,
  highShare: number | null,
  weightedRelevance: number | null,
): Figures {
  return {
    minutes: { high: high ?? 0, medium: medium ?? 0, low: low ?? 0, unrated: unrated ?? 0 },
    totalMinutes: (high ?? 0) + (medium ?? 0) + (low ?? 0) + (unrated ?? 0),
    counts: {
      high: highCount ?? 0,
      medium: mediumCount ?? 0,
      low: lowCount ?? 0,
      unrated: unratedCount ?? 0,
    },
    interactions: (highCount ?? 0) + (mediumCount ?? 0) + (lowCount ?? 0) + (unratedCount ?? 0),
    zeroMinuteInteractions,
    highShare,
    weightedRelevance,
  };
}

const NOVEMBER = figures(
  // high: Mon 9 Nov 15 + zero-minute 0 + Tokyo 240 + Berlin 60 + 30 Nov 60 = 375
  // medium: Sun 8 Nov meetup 120; low: 1 Nov call 30 + New York 90 = 120
  // unrated: message 0 + coffee 45 = 45; total 660
  [375, 120, 120, 45],
  [5, 1, 2, 2],
  2, // the unrated message and the zero-minute rated one
  375 / 615, // rated minutes 375 + 120 + 120 = 615
  // Σ rating × minutes: 4×15 + 5×0 + 5×240 + 4×60 + 5×60 + 3×120 + 2×30 + 1×90
  //                   = 60 + 0 + 1200 + 240 + 300 + 360 + 60 + 90 = 2310
  2310 / 615,
);
const OCTOBER = figures(
  // high: 25 Oct 00:30 video 30; low: 25 Oct 23:30 video 30 + 31 Oct coffee 60 = 90
  [30, 0, 90, 0],
  [1, 0, 2, 0],
  0,
  30 / 120, // 0.25
  (4 * 30 + 2 * 30 + 2 * 60) / 120, // 300 / 120 = 2.5
);

describe('figures of a hand-checked journal', () => {
  it('a month counts each interaction on its own local day, 23:30 on the 31st and 00:15 on the 1st apart', () => {
    expect(figuresFor(facts, monthPeriod('2026-11'))).toEqual({
      ...NOVEMBER,
      period: monthPeriod('2026-11'),
    });
    expect(figuresFor(facts, monthPeriod('2026-10'))).toMatchObject(OCTOBER);
    // December: only the 00:15 call on the 1st (medium, 30 min).
    expect(figuresFor(facts, monthPeriod('2026-12'))).toMatchObject(
      figures([0, 30, 0, 0], [0, 1, 0, 0], 0, 0, 3),
    );
  });

  it('weeks starting on Monday put Sunday 23:30 and Monday 00:15 in different weeks', () => {
    const [lastOct, first, second, third, fourth, fifth] = seriesFor(
      facts,
      lastWeeks(day('2026-11-30'), 6),
    );
    // 26 Oct – 1 Nov: 31 Oct coffee (low 60) and 1 Nov call (low 30)
    expect(lastOct).toMatchObject(figures([0, 0, 90, 0], [0, 0, 2, 0], 0, 0, 2));
    // 2 – 8 Nov: Sunday's meetup alone (medium 120)
    expect(first).toMatchObject(figures([0, 120, 0, 0], [0, 1, 0, 0], 0, 0, 3));
    // 9 – 15 Nov: Monday's 15 min (high), unrated 0 + 45, zero-minute 5. Not Tokyo's Monday.
    expect(second).toMatchObject(figures([15, 0, 0, 45], [2, 0, 0, 2], 2, 1, 4));
    // 16 – 22 Nov: Tokyo 240 + Berlin 60 high, New York 90 low
    // weighted (5×240 + 4×60 + 1×90) / 390 = 1530 / 390
    expect(third).toMatchObject(figures([300, 0, 90, 0], [2, 0, 1, 0], 0, 300 / 390, 1530 / 390));
    // 23 – 29 Nov: nothing; shares are null, not 0
    expect(fourth).toMatchObject(figures([0, 0, 0, 0], [0, 0, 0, 0], 0, null, null));
    // 30 Nov – 6 Dec: 30 Nov coffee (high 60, rated 5) and the 1 Dec call (medium 30, rated 3)
    // weighted (5×60 + 3×30) / 90 = 390 / 90
    expect(fifth).toMatchObject(figures([60, 30, 0, 0], [1, 1, 0, 0], 0, 60 / 90, 390 / 90));
  });

  it('weeks starting on Sunday put them together', () => {
    const sunday = weekPeriod(day('2026-11-08'), 0);
    // 8 – 14 Nov: meetup 120 (medium), Monday 15 + zero-minute 0 (high), unrated 0 + 45
    expect(figuresFor(facts, sunday)).toMatchObject(
      figures([15, 120, 0, 45], [2, 1, 0, 2], 2, 15 / 135, (4 * 15 + 3 * 120) / 135),
    );
    // 1 – 7 Nov: only the 1 Nov call
    expect(figuresFor(facts, weekPeriod(day('2026-11-07'), 0)).totalMinutes).toBe(30);
  });

  it('each trip counts on the local day where it happened', () => {
    const onDay = (date: string) => facts.interactionsIn(dayPeriod(day(date)));
    expect(onDay('2026-11-15')).toEqual([]); // Sunday at home, while it was Monday in Tokyo
    expect(onDay('2026-11-16')).toEqual([tokyoMonday]);
    expect(onDay('2026-11-20')).toEqual([newYorkFriday]);
    expect(onDay('2026-11-21')).toEqual([berlinSaturday]);
    // A week's interactions, newest first by instant: New York, Berlin, Tokyo.
    expect(facts.interactionsIn(weekPeriod(day('2026-11-16')))).toEqual([
      newYorkFriday,
      berlinSaturday,
      tokyoMonday,
    ]);
  });

  it('daylight-saving days stay whole: 00:30 and 23:30 local on the day of the change', () => {
    // 29 Mar: coffee 45 (medium, 3) and unrated call 20 → highShare 0 / 45, weighted 3
    expect(figuresFor(facts, dayPeriod(day('2026-03-29')))).toMatchObject(
      figures([0, 45, 0, 20], [0, 1, 0, 1], 0, 0, 3),
    );
    expect(figuresFor(facts, dayPeriod(day('2026-03-28'))).interactions).toBe(0);
    expect(figuresFor(facts, dayPeriod(day('2026-03-30'))).interactions).toBe(0);
    // 25 Oct: both videos (30 high + 30 low)
    expect(figuresFor(facts, dayPeriod(day('2026-10-25')))).toMatchObject(
      figures([30, 0, 30, 0], [1, 0, 1, 0], 0, 0.5, 3),
    );
  });

  it('trend: November against October', () => {
    const result = trend(facts, monthPeriod('2026-11'), 1);
    expect(result.previous.period).toEqual(monthPeriod('2026-10'));
    expect(result.previous).toMatchObject(OCTOBER);
    // (375/615 − 0.25) × 100 = 60.98 − 25 = 35.98 percentage points; 660 − 120 = 540 minutes
    expect(result.highShareChange).toBeCloseTo((375 / 615 - 0.25) * 100, 10);
    expect(result.minutesChange).toBe(540);
  });

  it('trend: no change in share when a period has no rated time', () => {
    const result = trend(facts, weekPeriod(day('2026-11-30')), 1);
    // the week before (23 – 29 Nov) is empty
    expect(result.previous.highShare).toBeNull();
    expect(result.highShareChange).toBeNull();
    expect(result.minutesChange).toBe(90);
  });

  it('rolling 6 and 12 months', () => {
    const six = rolling(facts, '2026-11', 6);
    expect(six.series.map((month) => month.totalMinutes)).toEqual([0, 0, 0, 0, 120, 660]);
    // June to November: October 120 + November 660
    expect(six.total.totalMinutes).toBe(780);
    expect(six.total.interactions).toBe(13);
    expect(six.total.period).toEqual({
      grain: 'range',
      start: day('2026-06-01'),
      end: day('2026-12-01'),
    });
    const twelve = rolling(facts, '2026-11', 12);
    // December 2025 to November 2026 adds March: 45 + 20 = 65 → 845 minutes, 15 interactions
    expect(twelve.series).toHaveLength(12);
    expect(twelve.series[3]?.totalMinutes).toBe(65);
    expect(twelve.total.totalMinutes).toBe(845);
    expect(twelve.total.interactions).toBe(15);
    // high: March 0 + October 30 + November 375 = 405 of rated 45 + 120 + 615 = 780
    expect(twelve.total.highShare).toBeCloseTo(405 / 780, 12);
  });
});

describe('by kind and by source', () => {
  const november = monthPeriod('2026-11');

  it('kinds: most minutes first, with their labels', () => {
    const kinds = byKind(facts, november);
    expect(kinds.map((k) => [k.key, k.label, k.totalMinutes, k.interactions])).toEqual([
      ['conference', 'Conference', 240, 1],
      ['meetup', 'Meetup', 120, 1],
      ['coffee', 'Coffee', 105, 2], // unrated 45 + high 60
      ['meal', 'Meal', 90, 1],
      ['event', 'Event', 60, 1],
      ['call', 'Call', 30, 1],
      ['message', 'Message', 15, 3], // 15 + 0 + 0: zero-minute messages still count
    ]);
  });

  it('sources: spellings grouped, labelled with the most used one', () => {
    const sources = bySource(facts, november);
    expect(sources.map((s) => [s.key, s.label, s.totalMinutes, s.interactions])).toEqual([
      ['tokyo big sight', 'Tokyo Big Sight', 240, 1],
      ['impact hub', 'Impact Hub', 120, 1],
      // "Café Comercial" ×3 in the journal against "Cafe  Comercial" ×1
      ['cafe comercial', 'Café Comercial', 105, 2],
      ["katz's", "Katz's", 90, 1],
      ['factory berlin', 'Factory Berlin', 60, 1],
      ['zoom', 'Zoom', 30, 1],
      // "LinkedIn" ×2 against "linkedin " ×1
      ['linkedin', 'LinkedIn', 15, 3],
    ]);
  });

  it('a tie between spellings goes to the most recent; no place is its own source', () => {
    const tied = factsOf([
      anEntry({ startedAt: '2026-11-02T10:00:00.000Z', place: 'impact hub' }),
      anEntry({ startedAt: '2026-11-03T10:00:00.000Z', place: 'Impact Hub' }),
      anEntry({ startedAt: '2026-11-04T10:00:00.000Z', place: '' }),
    ]);
    expect(bySource(tied, november).map((s) => [s.key, s.label])).toEqual([
      ['impact hub', 'Impact Hub'],
      ['', 'No organiser or place'],
    ]);
  });

  it('an empty period has no groups', () => {
    expect(byKind(facts, weekPeriod(day('2026-11-25')))).toEqual([]);
    expect(bySource(facts, weekPeriod(day('2026-11-25')))).toEqual([]);
  });
});

describe('stored zones that are not valid', () => {
  it('use the viewer’s zone', () => {
    // 27 Nov 23:30 UTC: the 28th in Madrid (the fallback), the 27th in UTC.
    const lost = anEntry({ startedAt: '2026-11-27T23:30:00.000Z', timeZone: 'Mars/Olympus' });
    const lostFacts = factsOf([lost]);
    expect(lostFacts.interactionsIn(dayPeriod(day('2026-11-28')))).toEqual([lost]);
    expect(lostFacts.interactionsIn(dayPeriod(day('2026-11-27')))).toEqual([]);
  });
});
