// The rows of the Chromium measurements (browser.ts), against the targets of "Fast at any size".
import type { BrowserResult } from './browser';
import { sizeLabel } from './seeded';
import { median } from './stats';
import { formatMs, type Row } from './table';
import { TARGET } from './targets';

export function browserRows(result: BrowserResult): Row[] {
  const size = sizeLabel(result.count);
  const { journal, empty } = result;
  const runs = `(median of ${journal.runs})`;
  const editableTarget = TARGET.editableMs[result.count];
  const editableBy = result.appMarks.editable ? 'the app’s editable mark' : '"Log interaction" on';
  const rows: Row[] = [
    {
      measure: `Chromium: reload → journal list painted ${runs}`,
      size,
      value: formatMs(journal.paintedMs),
      ...(empty
        ? {
            baseline: `empty ${formatMs(empty.paintedMs)}`,
            ratio: journal.paintedMs / empty.paintedMs,
          }
        : {}),
    },
    {
      measure: `Chromium: reload → journal editable (${editableBy}) ${runs}`,
      size,
      value: formatMs(journal.editableMs),
      ...(editableTarget === undefined
        ? {}
        : { target: `< ${formatMs(editableTarget)}`, pass: journal.editableMs < editableTarget }),
    },
  ];
  if (journal.tasks) {
    const longest = journal.tasks.map((run) => run.longestMs);
    const value = median(longest);
    rows.push(
      {
        measure: `Chromium: longest main-thread task, navigation start → editable (trace) ${runs}`,
        size,
        value: formatMs(value),
        target: `< ${TARGET.longestTaskMs} ms (moonshot ${TARGET.longestTaskMoonshotMs} ms)`,
        pass: value < TARGET.longestTaskMs,
      },
      {
        measure: `Chromium: same, worst reload; tasks of 50 ms or more (median per reload)`,
        size,
        value: formatMs(Math.max(...longest)),
        baseline: `${median(journal.tasks.map((run) => run.longTasks))} long tasks`,
      },
    );
  }
  if (journal.heapMB) {
    const heap = median(journal.heapMB);
    rows.push({
      measure: `Chromium: renderer JS heap, journal open, after GC (CDP Runtime.getHeapUsage) ${runs}`,
      size,
      value: `${heap.toFixed(1)} MB`,
      target: `< ${TARGET.heapMB} MB`,
      pass: heap < TARGET.heapMB,
    });
  }
  const quick = journal.quickAdd;
  // Only when the app lets an interaction be logged before the journal is editable.
  if (quick && quick.offered > 0) {
    rows.push({
      measure: `Chromium: reload → a quick-add saved (its card painted; ${quick.beforeEditable} of ${quick.runs} before editable) (median of ${quick.runs})`,
      size,
      value: formatMs(quick.savedMs),
      baseline: `editable ${formatMs(quick.editableMs)}`,
      ratio: quick.savedMs / quick.editableMs,
    });
  }
  rows.push(
    {
      measure: 'Chromium: first navigation (empty HTTP cache, no preview yet): list painted',
      size,
      value: formatMs(journal.cold.painted),
    },
    {
      measure: 'Chromium: first navigation: editable',
      size,
      value: formatMs(journal.cold.editable),
    },
  );
  if (journal.openingMs !== null) {
    rows.push({
      measure: 'Chromium: reload → "Opening your journal" shows',
      size,
      value: formatMs(journal.openingMs),
    });
  }
  const redraw = result.insightsRedraw;
  if (redraw) {
    rows.push(
      {
        measure: `Chromium: insights open, one interaction logged: journal changed → headline figures painted (median of ${redraw.runs})`,
        size,
        value: formatMs(redraw.redrawMedianMs),
        target: `< ${TARGET.redrawMs} ms`,
        pass: redraw.redrawMedianMs < TARGET.redrawMs,
      },
      { measure: 'Chromium: same, slowest', size, value: formatMs(redraw.redrawMaxMs) },
      {
        measure:
          'Chromium: same, from the Enter key in quick-add (save and dialog closing included)',
        size,
        value: formatMs(redraw.medianMs),
      },
      {
        measure: `Chromium: same, Enter → charts painted too (median of ${redraw.runs})`,
        size,
        value: formatMs(redraw.chartsMedianMs),
      },
    );
  }
  if (empty) {
    rows.push({
      measure: `Chromium: reload → empty journal painted (median of ${empty.runs})`,
      size: '0',
      value: formatMs(empty.paintedMs),
    });
  }
  return rows;
}
