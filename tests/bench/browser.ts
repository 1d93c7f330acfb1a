// The Chromium rows: the built app opening a journal stored in IndexedDB as the app stores it
// (both documents, see seedBrowser.ts). One uncounted first navigation (no preview yet, empty
// HTTP cache) stays until the app has stored its preview and compacted its journal; then the
// page is reloaded, as a returning user opens the app, and each reload is timed and traced.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../chromium';
import { builtAppMarks, editableMarkName, type AppMarks } from './appMarks';
import { measureInsightsRedraw, type RedrawStats } from './insightsRedraw';
import {
  waitForOpening,
  waitForSteadyState,
  watchOpening,
  type Marker,
  type Opening,
} from './navigation';
import { OPENING_TRACE_CATEGORIES, openingTasks, type OpeningTasks } from './openingTrace';
import { measureQuickAdd, WATCH_QUICK_ADD, type QuickAddStats } from './quickAdd';
import { storeJournal } from './seedBrowser';
import type { SeededJournal } from './seeded';
import { median, progress } from './stats';
import { startWebServer, type WebServer } from './webServer';

/** Interactions logged (and timed) with the insights screen open. */
const REDRAW_RUNS = 20;
/** Reloads that log an interaction as soon as the app lets them. */
const QUICK_ADDS = 3;
export const CONTEXT_OPTIONS = { locale: 'en-US', viewport: { width: 1280, height: 900 } };

export interface ReloadStats {
  /** The first navigation (no preview, nothing cached): list painted, editable. */
  readonly cold: Opening;
  readonly runs: number;
  /** Medians over the reloads, ms since navigation start. */
  readonly paintedMs: number;
  readonly editableMs: number;
  /** Until the "Opening your journal" loader showed, when every reload saw it. */
  readonly openingMs: number | null;
  /** Per reload, from the trace (null when not traced). */
  readonly tasks: readonly OpeningTasks[] | null;
  /** Renderer JS heap after each reload, garbage collected first, MB (null when not asked). */
  readonly heapMB: readonly number[] | null;
  /** Reloads that log an interaction as soon as they can (null when not asked). */
  readonly quickAdd: QuickAddStats | null;
}

interface OpenOptions {
  readonly marker: Marker;
  readonly expectText: string;
  readonly runs: number;
  readonly trace: boolean;
  readonly heap: boolean;
  /** Reloads that log an interaction as soon as they can, after the others (they add to it). */
  readonly quickAdds: number;
  readonly timeoutMs: number;
  readonly label: string;
}

/** Chromium's own figure of the page's JS heap: used bytes after a full collection. */
async function heapUsedMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1e6;
  } finally {
    await cdp.detach();
  }
}

/** The first navigation and `runs` timed reloads of the app in `context`. */
async function measureReloads(
  browser: Browser,
  context: BrowserContext,
  url: string,
  appMarks: AppMarks,
  options: OpenOptions,
): Promise<ReloadStats> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: watchOpening(options.marker) });
    await page.addInitScript({ content: WATCH_QUICK_ADD });
    page.on('pageerror', (error) => progress(`  page error: ${error.message}`));
    await page.goto(`${url}/`, { waitUntil: 'commit' });
    const cold = await waitForOpening(page, appMarks, options.expectText, options.timeoutMs);
    progress(
      `  ${options.label}: first navigation painted ${cold.painted.toFixed(0)} ms, editable ${cold.editable.toFixed(0)} ms`,
    );
    await waitForSteadyState(page, appMarks);
    const openings: Opening[] = [];
    const tasks: OpeningTasks[] = [];
    const heap: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      if (options.trace) await browser.startTracing(page, { categories: OPENING_TRACE_CATEGORIES });
      await page.reload({ waitUntil: 'commit' });
      const opening = await waitForOpening(page, appMarks, options.expectText, options.timeoutMs);
      openings.push(opening);
      let line = `  ${options.label}: reload ${run + 1}/${options.runs} painted ${opening.painted.toFixed(0)} ms, editable ${opening.editable.toFixed(0)} ms`;
      if (options.trace) {
        const trace = await browser.stopTracing();
        const found = openingTasks(trace, url, editableMarkName(appMarks));
        tasks.push(found);
        line += `, longest task ${found.longestMs.toFixed(0)} ms (${found.longTasks} of 50 ms or more; traced ${found.spanMs.toFixed(0)} ms to editable)`;
      }
      if (options.heap) {
        // The work the app does once open (storing the preview, compacting) comes first.
        await page.waitForTimeout(3000);
        heap.push(await heapUsedMB(page));
        line += `, JS heap ${heap.at(-1)?.toFixed(1)} MB`;
      }
      progress(line);
    }
    const quickAdd =
      options.quickAdds > 0
        ? await measureQuickAdd(page, appMarks, options.quickAdds, options.timeoutMs)
        : null;
    const opening = openings.map((run) => run.opening).filter((ms): ms is number => ms !== null);
    return {
      cold,
      runs: options.runs,
      paintedMs: median(openings.map((run) => run.painted)),
      editableMs: median(openings.map((run) => run.editable)),
      openingMs: opening.length === openings.length ? median(opening) : null,
      tasks: options.trace ? tasks : null,
      heapMB: options.heap ? heap : null,
      quickAdd,
    };
  } finally {
    await page.close();
  }
}

export interface BrowserResult {
  readonly count: number;
  readonly appMarks: AppMarks;
  readonly journal: ReloadStats;
  /** Only with `details`: the insights redraw and the empty journal for reference. */
  readonly insightsRedraw: RedrawStats | null;
  readonly empty: ReloadStats | null;
}

/** Launches Chromium, serves the built app, runs `measure`, and stops both. */
export async function withApp<T>(
  executablePath: string,
  measure: (browser: Browser, server: WebServer) => Promise<T>,
): Promise<T> {
  progress('Chromium: starting the web server');
  const server = await startWebServer();
  try {
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    try {
      return await measure(browser, server);
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}

/**
 * Reloads of the app with `seeded` stored: list painted, editable, longest task (traced),
 * and with `details` the JS heap, the insights redraw and an empty journal for reference.
 */
export function measureBrowser(
  executablePath: string,
  seeded: SeededJournal,
  { runs, details }: { runs: number; details: boolean },
): Promise<BrowserResult> {
  const appMarks = builtAppMarks();
  const count = seeded.count.toLocaleString('en-US');
  progress(
    appMarks.editable
      ? 'Chromium: editable is timed from the app’s own mark'
      : 'Chromium: the app sets no editable mark: editable is "Log interaction" enabled',
  );
  // Seconds a reload may take: about 1 s per 4,000 interactions here, with room.
  const timeoutMs = Math.max(60_000, seeded.count * 3);
  return withApp(executablePath, async (browser, server) => {
    const seededContext = await browser.newContext(CONTEXT_OPTIONS);
    progress(`Chromium: storing the ${count}-interaction journal`);
    await storeJournal(seededContext, server.url, seeded);
    const journal = await measureReloads(browser, seededContext, server.url, appMarks, {
      marker: { selector: 'article', text: null },
      expectText: `${count} interactions`,
      runs,
      trace: true,
      heap: details,
      quickAdds: details ? QUICK_ADDS : 0,
      timeoutMs,
      label: `${count} interactions`,
    });
    let insightsRedraw: RedrawStats | null = null;
    if (details) {
      progress('Chromium: insights open, logging interactions one by one');
      insightsRedraw = await measureInsightsRedraw(
        seededContext,
        server.url,
        REDRAW_RUNS,
        appMarks,
      );
    }
    await seededContext.close();
    if (!details) return { count: seeded.count, appMarks, journal, insightsRedraw, empty: null };
    const fresh = await browser.newContext(CONTEXT_OPTIONS);
    const heading = 'Networking pays when it is relevant';
    const empty = await measureReloads(browser, fresh, server.url, appMarks, {
      marker: { selector: 'h2', text: heading },
      expectText: heading,
      runs,
      trace: false,
      heap: false,
      quickAdds: 0,
      timeoutMs: 60_000,
      label: 'empty journal',
    });
    await fresh.close();
    return { count: seeded.count, appMarks, journal, insightsRedraw, empty };
  });
}
