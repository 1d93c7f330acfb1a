// The analytics measurements: a month report and a year of insights over a plain snapshot
// list, cold (new interaction objects, so nothing is cached) and warm (the same list again),
// against the floor of one pass that parses every start time and sums minutes by band.
import {
  buildJournalFacts,
  byKind,
  bySource,
  DEFAULT_ANALYTICS_SETTINGS,
  dayNumberOf,
  figuresFor,
  lastMonths,
  lastWeeks,
  monthPeriod,
  nextStepsFor,
  rolling,
  seriesFor,
  suggestChanges,
  trend,
} from '../../shared/analytics';
import { compareNewestFirst } from '../../shared/doc/journalSnapshot';
import {
  asInteractionId,
  interactionOf,
  recordListEdit,
  relevanceBand,
  type Interaction,
  type RelevanceBand,
} from '../../shared/domain';
import type { GeneratedEntry } from './generate';
import { collectGarbage, median, timeMs } from './stats';

/** The generated journal's last day, and the month the reports are about. */
const TODAY = dayNumberOf('2026-11-24');
const MONTH = '2026-11';
const VIEWER_ZONE = 'Europe/Madrid';
const settings = DEFAULT_ANALYTICS_SETTINGS;

/**
 * The entries as a snapshot's list: plain Interaction objects, newest first. Through JSON, so
 * that strings are flat as in a journal read from storage, not the generator's concatenations
 * (comparing those flattens them first, which a real journal never pays).
 */
export function snapshotList(entries: readonly GeneratedEntry[]): Interaction[] {
  const list = entries
    .map((entry, index) =>
      interactionOf(asInteractionId(`bench-${index}`), entry.fields, {
        createdAt: entry.loggedAt,
        updatedAt: entry.loggedAt,
        reflectionText: entry.reflection.join('\n'),
      }),
    )
    .sort(compareNewestFirst);
  return JSON.parse(JSON.stringify(list)) as Interaction[];
}

/** What the report page computes for one month. Returns a count so nothing is optimized away. */
function monthReport(list: readonly Interaction[]): number {
  const facts = buildJournalFacts(list, settings, VIEWER_ZONE);
  const month = monthPeriod(MONTH);
  const figures = figuresFor(facts, month);
  const change = trend(facts, month, settings.weekStartsOn);
  const kinds = byKind(facts, month);
  const sources = bySource(facts, month);
  const suggestions = suggestChanges(facts, TODAY, settings);
  const steps = nextStepsFor(facts, month, TODAY);
  return (
    figures.interactions +
    change.minutesChange +
    kinds.length +
    sources.length +
    suggestions.length +
    steps.overdue.length
  );
}

/** The insights page: 12 weeks, 12 months, the rolling year, and the month by kind and source. */
function insights(list: readonly Interaction[]): number {
  const facts = buildJournalFacts(list, settings, VIEWER_ZONE);
  const weeks = seriesFor(facts, lastWeeks(TODAY, 12, settings.weekStartsOn));
  const months = seriesFor(facts, lastMonths(MONTH, 12));
  const year = rolling(facts, MONTH, 12);
  const month = monthPeriod(MONTH);
  return (
    weeks.length +
    months.length +
    year.total.interactions +
    byKind(facts, month).length +
    bySource(facts, month).length
  );
}

/** The floor: one pass over the list that parses each start and sums minutes per band. */
function floorPass(list: readonly Interaction[]): number {
  const minutes: Record<RelevanceBand, number> = { high: 0, medium: 0, low: 0, unrated: 0 };
  let instants = 0;
  for (const interaction of list) {
    instants += Date.parse(interaction.startedAt);
    minutes[relevanceBand(interaction.relevance)] += interaction.durationMinutes;
  }
  return instants + minutes.high + minutes.medium + minutes.low + minutes.unrated;
}

/** New objects with the same content: what a freshly opened journal gives analytics. */
const fresh = (list: readonly Interaction[]) => list.map((interaction) => ({ ...interaction }));

export interface AnalyticsResult {
  readonly floorMs: number;
  /** The very first cold month report in this process: time-zone offsets not yet known. */
  readonly firstColdMs: number;
  readonly month: {
    readonly coldMs: number;
    readonly warmMs: number;
    readonly editedMs: number;
    /** The same edit, noted with the list as the journal notes it: the facts are patched. */
    readonly notedEditMs: number;
    /** A new interaction after all others, noted: its row is added in place. */
    readonly loggedMs: number;
  };
  readonly insights: { readonly coldMs: number; readonly warmMs: number };
  readonly runs: number;
}

function medianOf(runs: number, run: () => number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    times.push(timeMs(run));
  }
  return median(times);
}

/** Where the interactions logged in the bench start: after every generated one. */
const LOGGED_FROM = '2026-11-25T09:00:00.000Z';

/**
 * The month report after each of `runs` changes made by `change`, each list noted as the
 * journal notes its lists (what left and what came in), so the facts are patched. Median.
 */
function notedRuns(
  start: readonly Interaction[],
  runs: number,
  change: (
    list: readonly Interaction[],
    run: number,
  ) => { list: Interaction[]; removed: Interaction[]; added: Interaction[] },
): number {
  let sink = monthReport(start);
  let list = start;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const next = change(list, run);
    recordListEdit(next.list, list, next.removed, next.added);
    list = next.list;
    collectGarbage();
    times.push(timeMs(() => (sink += monthReport(list))));
  }
  if (!Number.isFinite(sink)) throw new Error('The analytics gave no figures');
  return median(times);
}

/** Times each measure `runs` times (median), garbage collected before each run. */
export function measureAnalytics(list: readonly Interaction[], runs: number): AnalyticsResult {
  let sink = 0;
  const first = fresh(list);
  collectGarbage();
  const firstColdMs = timeMs(() => (sink += monthReport(first)));
  const cold = (report: (list: readonly Interaction[]) => number) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const copy = fresh(list);
      collectGarbage();
      times.push(timeMs(() => (sink += report(copy))));
    }
    return median(times);
  };
  const result: AnalyticsResult = {
    floorMs: medianOf(runs, () => (sink += floorPass(list))),
    firstColdMs,
    month: {
      coldMs: cold(monthReport),
      warmMs: medianOf(runs, () => (sink += monthReport(first))),
      // After an edit: a new list of the same objects but one, as the next snapshot is.
      editedMs: medianOf(runs, () => {
        const edited = [{ ...(first[0] as Interaction) }, ...first.slice(1)];
        return (sink += monthReport(edited));
      }),
      notedEditMs: notedRuns(first, runs, (list) => {
        const changed = { ...(list[0] as Interaction), relevance: 5 as const };
        return {
          list: [changed, ...list.slice(1)],
          removed: [list[0] as Interaction],
          added: [changed],
        };
      }),
      loggedMs: notedRuns(first, runs, (list, run) => {
        const logged = {
          ...(list[0] as Interaction),
          id: asInteractionId(`bench-logged-${run}`),
          startedAt: new Date(Date.parse(LOGGED_FROM) + run * 60_000).toISOString(),
        };
        return { list: [logged, ...list], removed: [], added: [logged] };
      }),
    },
    insights: {
      coldMs: cold(insights),
      warmMs: medianOf(runs, () => (sink += insights(first))),
    },
    runs,
  };
  if (!Number.isFinite(sink)) throw new Error('The analytics gave no figures');
  return result;
}
