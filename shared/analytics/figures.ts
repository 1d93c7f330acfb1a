import { RELEVANCE_BANDS, type RelevanceBand } from '../domain';
import type { JournalFacts } from './journalFacts';
import type { BandMinutes, Figures, Period, PeriodFigures } from './types';

const HIGH = RELEVANCE_BANDS.indexOf('high');
const UNRATED = RELEVANCE_BANDS.indexOf('unrated');

const byBand = (values: readonly number[]): BandMinutes =>
  Object.fromEntries(RELEVANCE_BANDS.map((band, index) => [band, values[index] ?? 0])) as Record<
    RelevanceBand,
    number
  >;

/** Figures of nothing: no interactions, no minutes, no shares. */
export function emptyFigures(): Figures {
  return new Tally().figures();
}

/** Running sums over some rows of the journal facts, turned into Figures at the end. */
export class Tally {
  private readonly bandMinutes = [0, 0, 0, 0];
  private readonly bandCounts = [0, 0, 0, 0];
  private zeroMinutes = 0;
  /** Σ rating × minutes over rated rows. */
  private ratedWeight = 0;

  /** Adds the row of `facts`. */
  add(facts: JournalFacts, row: number): void {
    const band = facts.bands[row] as number;
    const minutes = facts.minutes[row] as number;
    (this.bandMinutes[band] as number) += minutes;
    (this.bandCounts[band] as number)++;
    if (minutes === 0) this.zeroMinutes++;
    this.ratedWeight += (facts.relevance[row] as number) * minutes;
  }

  /** The minutes counted so far in the high band. */
  get highMinutes(): number {
    return this.bandMinutes[HIGH] as number;
  }

  figures(): Figures {
    const totalMinutes = this.bandMinutes.reduce((sum, value) => sum + value, 0);
    const ratedMinutes = totalMinutes - (this.bandMinutes[UNRATED] as number);
    return {
      minutes: byBand(this.bandMinutes),
      totalMinutes,
      counts: byBand(this.bandCounts),
      interactions: this.bandCounts.reduce((sum, value) => sum + value, 0),
      zeroMinuteInteractions: this.zeroMinutes,
      highShare: ratedMinutes === 0 ? null : this.highMinutes / ratedMinutes,
      weightedRelevance: ratedMinutes === 0 ? null : this.ratedWeight / ratedMinutes,
    };
  }
}

/** The figures of the interactions that count in the period. */
export function figuresFor(facts: JournalFacts, period: Period): PeriodFigures {
  const tally = new Tally();
  const [from, to] = facts.rowsIn(period);
  for (let row = from; row < to; row++) tally.add(facts, row);
  return { ...tally.figures(), period };
}

/** The figures of each period, in the same order. */
export function seriesFor(facts: JournalFacts, periods: readonly Period[]): PeriodFigures[] {
  return periods.map((period) => figuresFor(facts, period));
}
