// The analytics and goals rows: reports and insights against their floor (one pass over the
// start times), and the relevance suggestion per keystroke.
import { measureAnalytics, snapshotList, type AnalyticsResult } from './analytics';
import type { GeneratedEntry } from './generate';
import { CONTACTS, measureGoals } from './goals';
import { sizeLabel } from './seeded';
import { progress } from './stats';
import { formatMs, type Row } from './table';
import { TARGET } from './targets';

export function analyticsRows(count: number, entries: readonly GeneratedEntry[]): Row[] {
  const size = sizeLabel(count);
  const runs = count >= 100_000 ? 7 : 9;
  progress(`${size}: analytics, ${runs} runs of each`);
  const result: AnalyticsResult = measureAnalytics(snapshotList(entries), runs);
  const floor = `floor ${formatMs(result.floorMs)}`;
  const ratio = TARGET.analyticsFloorRatio;
  /** A row against the floor; warm rows must also beat `targetMs`, cold ones only the ratio. */
  const row = (measure: string, ms: number, targetMs?: number | 'ratio'): Row => ({
    measure,
    size,
    value: formatMs(ms),
    baseline: floor,
    ratio: ms / result.floorMs,
    ...(targetMs === undefined
      ? {}
      : targetMs === 'ratio'
        ? { target: `≤ ${ratio}× floor`, pass: ms <= ratio * result.floorMs }
        : {
            target: `< ${targetMs} ms, ≤ ${ratio}× floor`,
            pass: ms < targetMs && ms <= ratio * result.floorMs,
          }),
  });
  const median = `(median of ${runs})`;
  return [
    {
      measure: `analytics floor: one pass, Date.parse + minutes by band ${median}`,
      size,
      value: formatMs(result.floorMs),
    },
    row(`month report, warm ${median}`, result.month.warmMs, TARGET.monthReportMs),
    row(`month report, cold: new objects ${median}`, result.month.coldMs, 'ratio'),
    row('month report, first cold run (zone offsets not cached yet)', result.firstColdMs),
    row(`month report after one edit (new list) ${median}`, result.month.editedMs, 'ratio'),
    row(
      `… the edit noted with the list, as the journal's are (facts patched) ${median}`,
      result.month.notedEditMs,
      'ratio',
    ),
    row(
      `… one interaction logged after all others, noted (row added in place) ${median}`,
      result.month.loggedMs,
      'ratio',
    ),
    row(`12-month insights, warm ${median}`, result.insights.warmMs, TARGET.insightsMs),
    row(`12-month insights, cold: new objects ${median}`, result.insights.coldMs, 'ratio'),
  ];
}

export function goalsRows(entries: readonly GeneratedEntry[]): Row[] {
  const size = sizeLabel(entries.length);
  const result = measureGoals(entries, snapshotList(entries));
  const contacts = `${sizeLabel(CONTACTS)} contacts`;
  return [
    {
      measure: `relevance suggestion per keystroke, ${contacts} (median of ${result.keystrokes})`,
      size,
      value: formatMs(result.medianMs),
      target: `< ${TARGET.suggestionMs} ms`,
      pass: result.medianMs < TARGET.suggestionMs,
    },
    {
      measure: 'relevance suggestion per keystroke (95th percentile)',
      size,
      value: formatMs(result.p95Ms),
      target: `< ${TARGET.suggestionMs} ms`,
      pass: result.p95Ms < TARGET.suggestionMs,
    },
    {
      measure: 'relevance suggestion per keystroke (slowest)',
      size,
      value: formatMs(result.maxMs),
    },
    {
      measure: `relevance suggestion after goals or contacts changed: indexes built (median of 9)`,
      size,
      value: formatMs(result.rebuildMs),
    },
    {
      measure: 'hours per goal for a month, facts built (median of 9)',
      size,
      value: formatMs(result.monthMs),
    },
  ];
}
