import { byKind, bySource, compareGroups } from './breakdown';
import { rangePeriod } from './calendar';
import type { JournalFacts } from './journalFacts';
import type { AnalyticsSettings, ChangeSuggestion, DayNumber, GroupFigures, Period } from './types';

/** The `days` days that end with `asOf` (included). */
export function suggestionWindow(asOf: DayNumber, days: number): Period {
  return rangePeriod(asOf - days + 1, asOf + 1);
}

/** Minutes with a rating: only they say anything about relevance. */
const ratedMinutes = (group: GroupFigures) => group.totalMinutes - group.minutes.unrated;

/**
 * What to change, judged on the window of settings.suggestions.windowDays days ending with
 * `asOf`: "drop" each source and kind with at least minMinutes of rated time whose
 * time-weighted relevance is at or below dropAtOrBelow (most minutes first); "doMore" the
 * doMoreCount sources with the most high-relevance minutes (most first). Time with no
 * organiser or place is not a source one can drop or seek, so it is never suggested.
 */
export function suggestChanges(
  facts: JournalFacts,
  asOf: DayNumber,
  settings: AnalyticsSettings,
): ChangeSuggestion[] {
  const { windowDays, minMinutes, dropAtOrBelow, doMoreCount } = settings.suggestions;
  const period = suggestionWindow(asOf, windowDays);
  const sources = bySource(facts, period).filter((group) => group.key !== '');
  const kinds = byKind(facts, period);
  const suggest = (
    action: ChangeSuggestion['action'],
    type: 'source' | 'kind',
    { key, label, ...figures }: GroupFigures,
  ): ChangeSuggestion => ({ action, subject: { type, key, label }, figures, period });
  const judged = (group: GroupFigures) =>
    ratedMinutes(group) >= minMinutes &&
    group.weightedRelevance !== null &&
    group.weightedRelevance <= dropAtOrBelow;
  const drop = [
    ...sources.filter(judged).map((group) => suggest('drop', 'source', group)),
    ...kinds.filter(judged).map((group) => suggest('drop', 'kind', group)),
  ].sort(
    (a, b) =>
      b.figures.totalMinutes - a.figures.totalMinutes ||
      compareText(a.subject.label, b.subject.label) ||
      compareText(a.subject.type, b.subject.type) ||
      compareText(a.subject.key, b.subject.key),
  );
  const doMore = sources
    .filter((group) => group.minutes.high > 0)
    .sort((a, b) => b.minutes.high - a.minutes.high || compareGroups(a, b))
    .slice(0, Math.max(0, doMoreCount))
    .map((group) => suggest('doMore', 'source', group));
  return [...drop, ...doMore];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
