import {
  INTERACTION_KIND_LABELS,
  type Interaction,
  type InteractionKind,
  type PlannedEvent,
  type Relevance,
} from '../domain';
import {
  monthKeyOf,
  NO_SOURCE_LABEL,
  parseDayNumber,
  sourceKeyOf,
  type DayNumber,
  type LocalDate,
  type MonthKey,
  type Period,
} from '../analytics';
import { monthTitle } from '../report/format';

/** An attended event whose expected and actual relevance can be compared. */
export interface CalibrationEntry {
  readonly eventId: string;
  readonly interactionId: string;
  readonly date: LocalDate;
  readonly title: string;
  readonly kind: InteractionKind;
  readonly organiser: string;
  readonly expected: Relevance;
  readonly actual: Relevance;
  /** actual − expected: positive when it was better than expected. */
  readonly difference: number;
}

/** Means over a set of compared events; null when there are none. */
export interface CalibrationMeans {
  readonly events: number;
  readonly meanExpected: number | null;
  readonly meanActual: number | null;
  /** Mean of (actual − expected). */
  readonly meanDifference: number | null;
}

/** The means of one kind, one organiser, or one month. */
export interface CalibrationGroup extends CalibrationMeans {
  /** The kind, the folded organiser ('' for none), or the month (YYYY-MM). */
  readonly key: string;
  /** The kind's label, the organiser's most used spelling, or the month ("November 2026"). */
  readonly label: string;
}

/** A planned event that was skipped. */
export interface SkippedEvent {
  readonly eventId: string;
  readonly date: LocalDate;
  readonly title: string;
  readonly kind: InteractionKind;
  readonly organiser: string;
  readonly expectedRelevance: Relevance | null;
  readonly expectedMinutes: number;
  readonly reason: string;
}

/** An event whose day has passed, not skipped, with no interaction logged for it. */
export interface WaitingEvent {
  readonly eventId: string;
  readonly date: LocalDate;
  readonly title: string;
}

/** How well the person predicts what an event is worth, over a period. */
export interface Calibration extends CalibrationMeans {
  readonly period: Period;
  /** Compared events, oldest first. */
  readonly attended: readonly CalibrationEntry[];
  /** Attended (logged) events that cannot be compared: no expected or no actual rating. */
  readonly attendedNotCompared: number;
  /** Most events first, then by label. */
  readonly byKind: readonly CalibrationGroup[];
  readonly byOrganiser: readonly CalibrationGroup[];
  /** Month by month, oldest first; only months with compared events. */
  readonly byMonth: readonly CalibrationGroup[];
  /** Oldest first. */
  readonly skipped: readonly SkippedEvent[];
  /** The expected minutes of the skipped events: time kept for better use. */
  readonly minutesKept: number;
  /** Oldest first. */
  readonly waiting: readonly WaitingEvent[];
}

/** The interaction an event was logged as, if it still exists. */
export function loggedInteraction(
  event: PlannedEvent,
  interactionsById: ReadonlyMap<string, Interaction>,
): Interaction | undefined {
  return event.interactionId === null ? undefined : interactionsById.get(event.interactionId);
}

/** Whether the person should be asked how the event went: its day has come, it was not skipped, nothing is logged. */
export function awaitsLogging(
  event: PlannedEvent,
  interactionsById: ReadonlyMap<string, Interaction>,
  today: DayNumber,
): boolean {
  const day = parseDayNumber(event.date);
  return (
    day !== null &&
    day <= today &&
    event.decision !== 'skip' &&
    loggedInteraction(event, interactionsById) === undefined
  );
}

function meansOf(entries: readonly CalibrationEntry[]): CalibrationMeans {
  if (entries.length === 0) {
    return { events: 0, meanExpected: null, meanActual: null, meanDifference: null };
  }
  let expected = 0;
  let actual = 0;
  for (const entry of entries) {
    expected += entry.expected;
    actual += entry.actual;
  }
  const count = entries.length;
  return {
    events: count,
    meanExpected: expected / count,
    meanActual: actual / count,
    meanDifference: (actual - expected) / count,
  };
}

function groupsOf(
  entries: readonly CalibrationEntry[],
  keyOf: (entry: CalibrationEntry) => string,
  labelOf: (key: string, members: readonly CalibrationEntry[]) => string,
): CalibrationGroup[] {
  const groups = new Map<string, CalibrationEntry[]>();
  for (const entry of entries) {
    const key = keyOf(entry);
    const members = groups.get(key);
    if (members) members.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups].map(([key, members]) => ({
    ...meansOf(members),
    key,
    label: labelOf(key, members),
  }));
}

const byEventsThenLabel = (a: CalibrationGroup, b: CalibrationGroup) =>
  b.events - a.events || a.label.localeCompare(b.label, 'en');

/** The spelling used most often (members are oldest first, so ties go to the most recent). */
function mostUsedSpelling(key: string, members: readonly CalibrationEntry[]): string {
  if (key === '') return NO_SOURCE_LABEL;
  const counts = new Map<string, number>();
  let best = '';
  let bestCount = 0;
  for (const { organiser } of members) {
    const spelling = organiser.trim().replace(/\s+/g, ' ');
    const count = (counts.get(spelling) ?? 0) + 1;
    counts.set(spelling, count);
    if (count >= bestCount) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

const byDate = <T extends { date: string; title: string }>(a: T, b: T) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.title.localeCompare(b.title);

/**
 * Expected against actual relevance for the planned events dated within `period`, the events
 * skipped (and the time that kept), and those whose day has passed (before `today`) with
 * nothing logged. Rules in docs/analytics.md, "Planned events and calibration".
 */
export function calibrationFor(
  plannedEvents: readonly PlannedEvent[],
  interactionsById: ReadonlyMap<string, Interaction>,
  period: Period,
  today: DayNumber,
): Calibration {
  const attended: CalibrationEntry[] = [];
  const skipped: SkippedEvent[] = [];
  const waiting: WaitingEvent[] = [];
  let attendedNotCompared = 0;
  for (const event of plannedEvents) {
    const day = parseDayNumber(event.date);
    if (day === null || day < period.start || day >= period.end) continue;
    const interaction = loggedInteraction(event, interactionsById);
    if (interaction) {
      const actual = interaction.relevance;
      const expected = event.expectedRelevance;
      if (actual === null || expected === null) {
        attendedNotCompared++;
        continue;
      }
      attended.push({
        eventId: event.id,
        interactionId: interaction.id,
        date: event.date,
        title: event.title,
        kind: event.kind,
        organiser: event.organiser,
        expected,
        actual,
        difference: actual - expected,
      });
    } else if (event.decision === 'skip') {
      skipped.push({
        eventId: event.id,
        date: event.date,
        title: event.title,
        kind: event.kind,
        organiser: event.organiser,
        expectedRelevance: event.expectedRelevance,
        expectedMinutes: event.expectedMinutes,
        reason: event.decisionReason,
      });
    } else if (day < today) {
      waiting.push({ eventId: event.id, date: event.date, title: event.title });
    }
  }
  attended.sort(byDate);
  skipped.sort(byDate);
  waiting.sort(byDate);
  const monthOf = (entry: CalibrationEntry): MonthKey =>
    monthKeyOf(parseDayNumber(entry.date) ?? 0);
  return {
    period,
    ...meansOf(attended),
    attended,
    attendedNotCompared,
    byKind: groupsOf(
      attended,
      (entry) => entry.kind,
      (key) => INTERACTION_KIND_LABELS[key as InteractionKind],
    ).sort(byEventsThenLabel),
    byOrganiser: groupsOf(attended, (entry) => sourceKeyOf(entry.organiser), mostUsedSpelling).sort(
      byEventsThenLabel,
    ),
    byMonth: groupsOf(attended, monthOf, monthTitle).sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    ),
    skipped,
    minutesKept: skipped.reduce((sum, event) => sum + event.expectedMinutes, 0),
    waiting,
  };
}

/**
 * The interactions logged for planned events, by id, for calibrationFor: only those, so that a
 * journal of many interactions and few planned events costs a pass and a handful of entries.
 */
export function interactionsById(
  interactions: readonly Interaction[],
  plannedEvents: readonly Pick<PlannedEvent, 'interactionId'>[],
): ReadonlyMap<string, Interaction> {
  const wanted = new Set<string>();
  for (const event of plannedEvents) if (event.interactionId) wanted.add(event.interactionId);
  const found = new Map<string, Interaction>();
  if (wanted.size === 0) return found;
  for (const item of interactions) if (wanted.has(item.id)) found.set(item.id, item);
  return found;
}

/**
 * A signed difference in ratings, one decimal: 2 → "+2.0", -0.25 → "−0.3" (halves away from
 * zero), 0 → "±0.0", null → "–".
 */
export function formatDifference(value: number | null): string {
  if (value === null) return '–';
  const clean = Number((value * 10).toPrecision(12));
  const tenths = Math.sign(clean) * Math.round(Math.abs(clean));
  if (tenths === 0) return '±0.0';
  return `${tenths > 0 ? '+' : '−'}${(Math.abs(tenths) / 10).toFixed(1)}`;
}
