import {
  bySource,
  byKind,
  monthPeriod,
  nextStepsFor,
  previousPeriod,
  seriesFor,
  suggestChanges,
  trend,
  lastWeeks,
  type AnalyticsSettings,
  type ChangeSuggestion,
  type DayNumber,
  type GroupFigures,
  type JournalFacts,
  type MonthKey,
  type NextStepFigures,
  type NextStepItem,
  type Period,
  type PeriodFigures,
} from '../analytics';
import { monthKeyOf } from '../analytics';
import { introductionsOfMonth, type IntroductionsOfMonth } from '../contacts';
import type { Contact, Goal, Interaction, Introduction, PlannedEvent } from '../domain';
import { followUpFiguresFor, type FollowUpFigures } from '../followUps';
import { goalFiguresFor, type GoalsInPeriod } from '../goals';
import { calibrationFor, interactionsById, type Calibration } from '../plans';

/** How many sources the report names as best and as worst. */
export const SOURCES_NAMED = 3;

/** Everything a monthly relevance report shows, computed once for the screen, PDF and Markdown. */
export interface MonthReport {
  readonly month: MonthKey;
  readonly period: Period;
  readonly current: PeriodFigures;
  readonly previous: PeriodFigures;
  /** High-relevance share, this month minus last month, in percentage points; null without both. */
  readonly highShareChange: number | null;
  /** Hours by band for each week of the month, cut at the month's first and last day. */
  readonly weeks: readonly PeriodFigures[];
  readonly kinds: readonly GroupFigures[];
  /** The sources that gave the most high-relevance time (never "no organiser or place"). */
  readonly bestSources: readonly GroupFigures[];
  /** The rated sources with the lowest time-weighted relevance (none of the best). */
  readonly worstSources: readonly GroupFigures[];
  readonly suggestions: readonly ChangeSuggestion[];
  /** The day the suggestions look back from: the month's last day, or today within it. */
  readonly suggestionsAsOf: DayNumber;
  readonly nextSteps: NextStepFigures;
  /** Follow-ups of interactions and contacts due this month: on time, late, overdue. */
  readonly followUps: FollowUpFigures;
  /** Hours per goal this month, and the active goals that got none. */
  readonly goals: GoalsInPeriod;
  /** "What I'll change next month", written in this report. */
  readonly note: string;
  /** What last month's report said would change: shown first, to check it was done. */
  readonly previousNote: string;
  /** The planned events dated in the month: attended (expected against actual) and skipped. */
  readonly planned: Calibration;
  /** Introductions recorded in the month, and the ledger's made/received counts. */
  readonly introductions: IntroductionsOfMonth;
}

export interface MonthReportInput {
  readonly facts: JournalFacts;
  readonly month: MonthKey;
  readonly today: DayNumber;
  readonly settings: AnalyticsSettings;
  readonly notes: ReadonlyMap<string, string>;
  /** Their follow-ups join the month's figures; none when left out. */
  readonly contacts?: readonly Contact[];
  /** The journal's goals (none when left out). */
  readonly goals?: readonly Goal[];
  /** For the planned-events section; none when left out. */
  readonly plannedEvents?: readonly PlannedEvent[];
  /** The interactions planned events were logged as (the journal's). */
  readonly interactions?: readonly Interaction[];
  /** The introductions ledger (none when left out); `contacts` names its people. */
  readonly introductions?: readonly Introduction[];
}

/** The weeks that overlap `period`, each cut to the days inside it. */
function weeksWithin(period: Period, weekStartsOn: AnalyticsSettings['weekStartsOn']): Period[] {
  const weeks = lastWeeks(period.end - 1, 6, weekStartsOn);
  return weeks
    .filter((week) => week.end > period.start)
    .map((week) => ({
      grain: 'week' as const,
      start: Math.max(week.start, period.start),
      end: Math.min(week.end, period.end),
    }));
}

export function buildMonthReport(input: MonthReportInput): MonthReport {
  const { facts, month, today, settings, notes } = input;
  const period = monthPeriod(month);
  const { current, previous, highShareChange } = trend(facts, period, settings.weekStartsOn);
  // Time with no organiser or place is not a source one can choose more or less of.
  const sources = bySource(facts, period).filter((source) => source.key !== '');
  const bestSources = sources
    .filter((source) => source.minutes.high > 0)
    .sort((a, b) => b.minutes.high - a.minutes.high || a.label.localeCompare(b.label))
    .slice(0, SOURCES_NAMED);
  const worstSources = sources
    .filter((source) => source.weightedRelevance !== null && !bestSources.includes(source))
    .sort(
      (a, b) =>
        (a.weightedRelevance ?? 0) - (b.weightedRelevance ?? 0) ||
        b.totalMinutes - a.totalMinutes ||
        a.label.localeCompare(b.label),
    )
    .slice(0, SOURCES_NAMED);
  const suggestionsAsOf = Math.min(Math.max(today, period.start), period.end - 1);
  return {
    month,
    period,
    current,
    previous,
    highShareChange,
    weeks: seriesFor(facts, weeksWithin(period, settings.weekStartsOn)),
    kinds: byKind(facts, period),
    bestSources,
    worstSources,
    suggestions: suggestChanges(facts, suggestionsAsOf, settings),
    suggestionsAsOf,
    nextSteps: nextStepsFor(facts, period, today),
    followUps: followUpFiguresFor(facts, input.contacts ?? [], period, today),
    goals: goalFiguresFor(facts, input.goals ?? [], period),
    note: notes.get(month) ?? '',
    previousNote: notes.get(monthKeyOf(previousPeriod(period).start)) ?? '',
    planned: calibrationFor(
      input.plannedEvents ?? [],
      interactionsById(input.interactions ?? [], input.plannedEvents ?? []),
      period,
      today,
    ),
    introductions: introductionsOfMonth(month, input.introductions ?? [], input.contacts ?? []),
  };
}

/** The next steps the report lists, each once: overdue first, then due, done, and undated. */
export function reportNextSteps(report: MonthReport): NextStepItem[] {
  const { overdue, due, done, undated } = report.nextSteps;
  const seen = new Set<string>();
  return [...overdue, ...due, ...done, ...undated].filter((item) => {
    if (seen.has(item.interactionId)) return false;
    seen.add(item.interactionId);
    return true;
  });
}
