import type { BandThresholds, InteractionKind, RelevanceBand } from '../domain';

/**
 * A calendar day as a whole number: days since 1970-01-01 in the proleptic Gregorian
 * calendar. Analytics work on local calendar days, so a day number names "25 November 2026"
 * wherever the person was, not an instant.
 */
export type DayNumber = number;

/** A calendar date written as YYYY-MM-DD. */
export type LocalDate = string;

/** A calendar month written as YYYY-MM. */
export type MonthKey = string;

/** The calendar units a report can be read by. */
export type CalendarGrain = 'day' | 'week' | 'month';

/** A calendar unit, or 'range': whole days that are not one unit (the last 90 days). */
export type Grain = CalendarGrain | 'range';

/** A span of whole local days: start included, end excluded. */
export interface Period {
  readonly grain: Grain;
  readonly start: DayNumber;
  readonly end: DayNumber;
}

/** Minutes per relevance band. Minutes stay integers; hours are for display only. */
export type BandMinutes = Readonly<Record<RelevanceBand, number>>;

/** Interactions per relevance band. */
export type BandCounts = Readonly<Record<RelevanceBand, number>>;

/** The figures for one period, or for one kind or source within it. */
export interface Figures {
  readonly minutes: BandMinutes;
  readonly totalMinutes: number;
  readonly counts: BandCounts;
  readonly interactions: number;
  /** Interactions of zero minutes: counted and shown, though they carry no time. */
  readonly zeroMinuteInteractions: number;
  /** High-relevance minutes over rated minutes (0–1); null when no rated time. */
  readonly highShare: number | null;
  /** Mean rating weighted by minutes over rated time; null when no rated time. */
  readonly weightedRelevance: number | null;
}

export interface PeriodFigures extends Figures {
  readonly period: Period;
}

/** Figures of one group: a kind, or a source (organiser or place). */
export interface GroupFigures extends Figures {
  /** Stable key: the kind, or the folded source name ('' for "no organiser or place"). */
  readonly key: string;
  /** What to show: the kind's label, or the most used spelling of the source. */
  readonly label: string;
}

/** What the analytics rules can be tuned by. Defaults in DEFAULT_ANALYTICS_SETTINGS. */
export interface AnalyticsSettings {
  readonly bands: BandThresholds;
  /** 0 = Sunday … 6 = Saturday; weeks start on Monday by default (ISO 8601). */
  readonly weekStartsOn: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  readonly suggestions: SuggestionSettings;
}

export interface SuggestionSettings {
  /** How many days back the suggestions look, ending on the day they are made for. */
  readonly windowDays: number;
  /** A source or kind needs at least this many minutes in the window to be judged. */
  readonly minMinutes: number;
  /** "Consider dropping" when its time-weighted mean relevance is at or below this. */
  readonly dropAtOrBelow: number;
  /** How many sources "do more of" names, by high-relevance minutes. */
  readonly doMoreCount: number;
}

export type SuggestionAction = 'drop' | 'doMore';

/** A suggested change, with the figures that justify it. */
export interface ChangeSuggestion {
  readonly action: SuggestionAction;
  readonly subject: {
    readonly type: 'source' | 'kind';
    readonly key: string;
    readonly label: string;
  };
  readonly figures: Figures;
  /** The window the figures cover. */
  readonly period: Period;
}

/** A next step and its state on a given day. */
export interface NextStepItem {
  readonly interactionId: string;
  readonly title: string;
  readonly nextStep: string;
  readonly due: LocalDate | null;
  readonly done: LocalDate | null;
  readonly state: 'open' | 'done' | 'overdue';
}

export interface NextStepFigures {
  /** Due within the period (done or not). */
  readonly due: readonly NextStepItem[];
  /** Done within the period. */
  readonly done: readonly NextStepItem[];
  /** Due within the period, before today, and still open then. */
  readonly overdue: readonly NextStepItem[];
  /** How many next steps due before the period are still open then: overdue from earlier. */
  readonly overdueBefore: number;
  /** Next steps written on the period's interactions with no due date, not done. */
  readonly undated: readonly NextStepItem[];
}

export type { InteractionKind, RelevanceBand };
