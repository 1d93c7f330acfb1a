import type { BrowserContext, Page } from '@playwright/test';
import { EDITABLE_MARK, type AppMarks } from './appMarks';
import { median, progress } from './stats';

export interface RedrawStats {
  /** The journal changed → the frame showing the new headline figures painted. */
  readonly redrawMedianMs: number;
  readonly redrawMaxMs: number;
  /** Enter pressed → the same frame painted. */
  readonly medianMs: number;
  /** Enter pressed → the frame showing the 12 weeks' new bars painted. */
  readonly chartsMedianMs: number;
  readonly runs: number;
}

/** User Timing marks set in the page when the figures (and then the chart) have changed. */
const HEADLINE_CHANGED = 'bench:headline-changed';
const CHARTS_CHANGED = 'bench:charts-changed';
/** The app's own mark on every change of the journal (JOURNAL_CHANGED_MARK). */
const JOURNAL_CHANGED = 'relevant:journal-changed';

/**
 * Runs in the page: after each Enter, a mutation observer marks the moment the insights show
 * the new count of interactions, and the moment the 12 weeks' chart shows its new bars. It
 * runs right after React changes the page, so nothing runs in the frames meanwhile.
 */
const markChanges = `
  window.__benchSeen = 0;
  const count = () => document.querySelector('[role="group"][aria-label="Interactions"]')?.textContent ?? '';
  const bars = () => Array.from(
    document.querySelectorAll('figure[aria-label="Hours by relevance, last 12 weeks"] svg rect'),
    (bar) => bar.getAttribute('y') + ':' + bar.getAttribute('height'),
  ).join(' ');
  window.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    const before = { count: count(), bars: bars() };
    let counted = false;
    const observer = new MutationObserver(() => {
      if (!counted && count() !== before.count) {
        counted = true;
        performance.mark(${JSON.stringify(HEADLINE_CHANGED)});
      }
      if (counted && bars() !== before.bars) {
        observer.disconnect();
        performance.mark(${JSON.stringify(CHARTS_CHANGED)});
        window.__benchSeen++;
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    setTimeout(() => observer.disconnect(), 10000);
  }, true);
`;

/** Waits in the page, looking every 50 ms (not every frame), until `count` runs were seen. */
async function seen(page: Page, count: number): Promise<void> {
  // A string: functions passed from here would carry the bundler's name helpers.
  await page.evaluate(`new Promise((resolve) => {
    const look = () => (window.__benchSeen >= ${count} ? resolve() : setTimeout(look, 50));
    look();
  })`);
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly data?: { readonly type?: string } };
}

/**
 * Each run's times from Chromium's trace, in ms: from the journal's change and from the Enter
 * key press (its keydown dispatched) to the end of the first paint after the headline changed,
 * and from Enter to the end of the first paint after the chart changed. A paint on the page's
 * main thread is when the browser records the frame; showing it on screen follows.
 */
function runsFromTrace(trace: Buffer) {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const marks = (name: string) => traceEvents.filter((event) => event.name === name);
  const headline = marks(HEADLINE_CHANGED);
  const main = headline[0];
  if (!main) throw new Error('The trace holds no change of the insights.');
  const onMain = traceEvents
    .filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const paints = onMain.filter((event) => event.name === 'Paint');
  const keydowns = onMain.filter(
    (event) => event.name === 'EventDispatch' && event.args?.data?.type === 'keydown',
  );
  const changes = marks(JOURNAL_CHANGED);
  const charts = marks(CHARTS_CHANGED);
  const last = <T extends { ts: number }>(events: readonly T[], before: number) =>
    events.filter((event) => event.ts <= before).at(-1);
  const paintedAfter = (ts: number) => {
    const paint = paints.find((event) => event.ts >= ts);
    return paint ? paint.ts + (paint.dur ?? 0) : NaN;
  };
  return headline.map((mark) => {
    const painted = paintedAfter(mark.ts);
    const enter = last(keydowns, mark.ts)?.ts ?? NaN;
    const chart = charts.find((event) => event.ts >= mark.ts);
    return {
      redrawMs: (painted - (last(changes, mark.ts)?.ts ?? NaN)) / 1000,
      enterMs: (painted - enter) / 1000,
      chartsMs: ((chart ? paintedAfter(chart.ts) : NaN) - enter) / 1000,
    };
  });
}

const TRACE_CATEGORIES = ['devtools.timeline', 'blink.user_timing'];

/**
 * With the insights screen open on a journal of many interactions, logs one interaction at a
 * time through quick-add (a title, Enter) and times, from Chromium's trace, the change of the
 * journal and the Enter key to the new figures painted: saving, working out the figures,
 * drawing the screen, and the paint. `runs` interactions after two uncounted ones.
 */
export async function measureInsightsRedraw(
  context: BrowserContext,
  url: string,
  runs: number,
  appMarks: AppMarks,
): Promise<RedrawStats> {
  const page = await context.newPage();
  const browser = context.browser();
  if (!browser) throw new Error('The insights redraw needs a browser to trace.');
  try {
    await page.addInitScript({ content: markChanges });
    await page.goto(`${url}/#/insights`);
    await page.getByRole('heading', { name: /^Insights: / }).waitFor({ timeout: 120_000 });
    const logButton = page.getByRole('button', { name: /Log interaction/ });
    // Timed once the journal itself can change: the app marks it, or, in builds without the
    // mark, "Log interaction" is enabled.
    if (appMarks.editable) {
      await page.waitForFunction(
        (mark) => performance.getEntriesByName(mark).length > 0,
        EDITABLE_MARK,
        { timeout: 120_000, polling: 100 },
      );
    }
    const deadline = Date.now() + 120_000;
    while (!(await logButton.isEnabled())) {
      if (Date.now() > deadline) throw new Error('The journal never became editable.');
      await page.waitForTimeout(100);
    }
    const logOne = async (run: number) => {
      await logButton.click();
      const title = page.getByRole('dialog', { name: 'Log an interaction' }).getByLabel('Title');
      await title.waitFor();
      await title.fill(`Redraw check ${run}`);
      await title.press('Enter');
      await seen(page, run + 1);
      await page.getByRole('dialog', { name: 'Log an interaction' }).waitFor({ state: 'hidden' });
    };
    await logOne(0);
    await logOne(1);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    for (let run = 2; run < runs + 2; run++) {
      await logOne(run);
      progress(`  insights redraw ${run - 1}/${runs}`);
    }
    const measured = runsFromTrace(await browser.stopTracing());
    if (measured.length !== runs) {
      throw new Error(`The trace holds ${measured.length} of ${runs} redraws.`);
    }
    measured.forEach((run, index) => {
      progress(
        `  redraw ${index + 1}: change → headline painted ${run.redrawMs.toFixed(1)} ms, Enter → headline ${run.enterMs.toFixed(1)} ms, → charts ${run.chartsMs.toFixed(1)} ms`,
      );
    });
    const redraws = measured.map((run) => run.redrawMs);
    return {
      redrawMedianMs: median(redraws),
      redrawMaxMs: Math.max(...redraws),
      medianMs: median(measured.map((run) => run.enterMs)),
      chartsMedianMs: median(measured.map((run) => run.chartsMs)),
      runs,
    };
  } finally {
    await page.close();
  }
}
