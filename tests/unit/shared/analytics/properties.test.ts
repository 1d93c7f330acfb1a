import { describe, expect, it } from 'vitest';
import {
  buildJournalFacts,
  byKind,
  bySource,
  DEFAULT_ANALYTICS_SETTINGS,
  dayPeriod,
  figuresFor,
  lastMonths,
  localDayOf,
  resolveTimeZone,
  seriesFor,
  type AnalyticsSettings,
  type BandMinutes,
  type Figures,
  type Period,
} from '../../../../shared/analytics';
import {
  INTERACTION_KINDS,
  RELEVANCE_BANDS,
  type Interaction,
  type Relevance,
} from '../../../../shared/domain';
import { anEntry, journalOf, VIEWER_ZONE } from '../../../fixtures/analytics';
import { seededRandom, type Random } from '../../../fixtures/random';

// prettier-ignore
const ZONES = [
  'Europe/Madrid', 'Europe/Madrid', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati',
  'Pacific/Pago_Pago', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Not/A_Zone', '',
];
const PLACES = [
  'Café Comercial',
  'cafe comercial',
  ' Café  Comercial',
  'Zoom',
  'ZOOM',
  '',
  'Impact Hub',
];

function randomJournal(random: Random, size: number): Interaction[] {
  const from = Date.UTC(2025, 11, 1);
  return journalOf(
    Array.from({ length: size }, () =>
      anEntry({
        startedAt: new Date(from + random.int(400 * 24 * 60) * 60_000).toISOString(),
        timeZone: random.pick(ZONES),
        durationMinutes: random.chance(0.15) ? 0 : random.int(300),
        kind: random.pick(INTERACTION_KINDS),
        place: random.pick(PLACES),
        relevance: random.chance(0.2) ? null : ((1 + random.int(5)) as Relevance),
      }),
    ),
  );
}

function sumFigures(parts: readonly Figures[]) {
  const sum = (pick: (f: Figures) => number) => parts.reduce((total, f) => total + pick(f), 0);
  const byBand = (pick: (f: Figures) => BandMinutes) =>
    Object.fromEntries(RELEVANCE_BANDS.map((band) => [band, sum((f) => pick(f)[band])]));
  return {
    minutes: byBand((f) => f.minutes),
    totalMinutes: sum((f) => f.totalMinutes),
    counts: byBand((f) => f.counts),
    interactions: sum((f) => f.interactions),
    zeroMinuteInteractions: sum((f) => f.zeroMinuteInteractions),
  };
}

/** The figures that add up over parts (the shares do not). */
const additive = ({
  minutes,
  totalMinutes,
  counts,
  interactions,
  zeroMinuteInteractions,
}: Figures) => ({
  minutes,
  totalMinutes,
  counts,
  interactions,
  zeroMinuteInteractions,
});

const BANDS: AnalyticsSettings['bands'][] = [
  { highFrom: 4, lowUpTo: 2 },
  { highFrom: 5, lowUpTo: 3 },
  { highFrom: 3, lowUpTo: 1 },
];

describe('figures of random journals add up', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i', (seed) => {
    const random = seededRandom(seed);
    const journal = randomJournal(random, 150 + random.int(250));
    const settings = { ...DEFAULT_ANALYTICS_SETTINGS, bands: random.pick(BANDS) };
    const facts = buildJournalFacts(journal, settings, VIEWER_ZONE);
    for (const month of lastMonths('2026-12', 14)) {
      const figures = figuresFor(facts, month);
      const { minutes, counts } = figures;
      expect(minutes.high + minutes.medium + minutes.low + minutes.unrated).toBe(
        figures.totalMinutes,
      );
      expect(counts.high + counts.medium + counts.low + counts.unrated).toBe(figures.interactions);
      // A month is the sum of its days.
      const days: Period[] = [];
      for (let day = month.start; day < month.end; day++) days.push(dayPeriod(day));
      expect(sumFigures(seriesFor(facts, days))).toEqual(additive(figures));
      // Kinds and sources each split the month's totals.
      expect(sumFigures(byKind(facts, month))).toEqual(additive(figures));
      expect(sumFigures(bySource(facts, month))).toEqual(additive(figures));
      // And the month holds exactly the interactions whose local day is in it.
      const expected = journal.filter((interaction) => {
        const zone = resolveTimeZone(interaction.timeZone, VIEWER_ZONE);
        const day = localDayOf(Date.parse(interaction.startedAt), zone);
        return day >= month.start && day < month.end;
      });
      expect(facts.interactionsIn(month)).toEqual(expected);
    }
    const all = figuresFor(facts, { grain: 'range', start: -1e6, end: 1e6 });
    expect(all.interactions).toBe(journal.length);
    expect(all.totalMinutes).toBe(journal.reduce((sum, i) => sum + i.durationMinutes, 0));
  });
});
