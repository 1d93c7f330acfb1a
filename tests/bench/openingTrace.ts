// The longest main-thread task while the app opens a journal, from Chromium's trace. Trace
// events used: `ThreadControllerImpl::RunTask` (category `toplevel`), one per task the
// scheduler runs on a thread, with its duration; `navigationStart` (`blink.user_timing`) of
// the app's main frame; and the editable mark (the app's, or the bench's, see appMarks.ts).
// The renderer main thread is the one the editable mark is on; the tasks counted are those
// on it that run between navigation start and that mark: the one running at the mark (in
// which the journal became editable) whole, the one running at navigation start (which
// commits the navigation) from navigation start on.

/** The categories to trace: few, so tracing itself hardly slows the page. */
export const OPENING_TRACE_CATEGORIES = ['toplevel', 'blink.user_timing'];

const TASK = 'ThreadControllerImpl::RunTask';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: {
    readonly data?: {
      readonly documentLoaderURL?: string;
      readonly isOutermostMainFrame?: boolean;
    };
  };
}

export interface OpeningTasks {
  /** The longest task's duration, ms. */
  readonly longestMs: number;
  /** Tasks of 50 ms or more (the browser's "long tasks"). */
  readonly longTasks: number;
  /** Navigation start → editable mark, as the trace has it, ms. */
  readonly spanMs: number;
}

/** The tasks of one opening, from a trace that holds one navigation of `appUrl`. */
export function openingTasks(trace: Buffer, appUrl: string, editableMark: string): OpeningTasks {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const editable = traceEvents.filter((event) => event.name === editableMark).at(-1);
  if (!editable) throw new Error(`The trace holds no ${editableMark} mark.`);
  const onMain = (event: TraceEvent) => event.pid === editable.pid && event.tid === editable.tid;
  const start = traceEvents
    .filter(
      (event) =>
        event.name === 'navigationStart' &&
        onMain(event) &&
        event.ts <= editable.ts &&
        event.args?.data?.isOutermostMainFrame !== false &&
        (event.args?.data?.documentLoaderURL ?? '').startsWith(appUrl),
    )
    .at(-1);
  if (!start) throw new Error('The trace holds no navigation start of the app before the mark.');
  const tasks = traceEvents.filter(
    (event) =>
      event.name === TASK &&
      event.ph === 'X' &&
      onMain(event) &&
      event.ts + (event.dur ?? 0) >= start.ts &&
      event.ts <= editable.ts,
  );
  if (tasks.length === 0) throw new Error(`The trace holds no ${TASK} events.`);
  const durations = tasks.map(
    (task) => (task.ts + (task.dur ?? 0) - Math.max(task.ts, start.ts)) / 1000,
  );
  return {
    longestMs: Math.max(...durations),
    longTasks: durations.filter((ms) => ms >= 50).length,
    spanMs: (editable.ts - start.ts) / 1000,
  };
}
