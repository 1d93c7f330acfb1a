import { lastMonths, previousPeriod, rangePeriod } from './calendar';
import { figuresFor, seriesFor } from './figures';
import type { JournalFacts } from './journalFacts';
import type { Figures, MonthKey, Period, PeriodFigures } from './types';

export interface Trend {
  readonly current: PeriodFigures;
  readonly previous: PeriodFigures;
  /** Percentage points, current − previous; null when either share is null. */
  readonly highShareChange: number | null;
  /** Minutes, current − previous. */
  readonly minutesChange: number;
}

/** The period's figures against those of the period of the same grain just before it. */
export function trend(facts: JournalFacts, period: Period, weekStartsOn: number): Trend {
  const current = figuresFor(facts, period);
  const previous = figuresFor(facts, previousPeriod(period, weekStartsOn));
  return {
    current,
    previous,
    highShareChange:
      current.highShare === null || previous.highShare === null
        ? null
        : (current.highShare - previous.highShare) * 100,
    minutesChange: current.totalMinutes - previous.totalMinutes,
  };
}

export interface Rolling {
  /** All `months` months as one range. */
  readonly total: Figures & { readonly period: Period };
  /** Month by month, oldest first. */
  readonly series: PeriodFigures[];
}

/** The `months` months up to and including `endMonth`: in total and month by month. */
export function rolling(facts: JournalFacts, endMonth: MonthKey, months: number): Rolling {
  const periods = lastMonths(endMonth, months);
  const first = periods[0];
  const last = periods[periods.length - 1];
  const span = first && last ? rangePeriod(first.start, last.end) : rangePeriod(0, 0);
  return { total: figuresFor(facts, span), series: seriesFor(facts, periods) };
}
