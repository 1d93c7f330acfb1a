// Capture in Chromium with the 20k journal open: how soon the title field has the focus after
// the N shortcut, whether any key typed straight after it is lost (100 titles at 30 ms a key),
// and a typical line typed at 50 ms a key until its card is painted, with the app's own share.
import type { Page } from '@playwright/test';
import { CONTEXT_OPTIONS, withApp } from './browser';
import { builtAppMarks } from './appMarks';
import { waitForOpening, waitForSteadyState, watchOpening } from './navigation';
import { storeJournal } from './seedBrowser';
import { sizeLabel, type SeededJournal } from './seeded';
import { median, progress } from './stats';
import { formatMs, type Row } from './table';
import { TARGET } from './targets';

const FOCUS_RUNS = 20;
const LOST_KEY_TITLES = 100;
const TYPICAL_RUNS = 5;
/** A line of 60 characters, as a person logs after an event. */
const TYPICAL_LINE = 'Coffee with Maria Chen about the robotics role and referrals';

/**
 * Runs in the page: the time of the N pressed once the bench armed it (before the app's handlers), of the Title
 * field taking the focus after it, of the last Enter, and of a card with the awaited title
 * painted.
 */
const WATCH_CAPTURE = `(() => {
  const marks = (window.__captureMarks = {});
  addEventListener('keydown', (event) => {
    if (event.key === 'n' && marks.armed) {
      marks.armed = false;
      marks.shortcut = performance.now();
      marks.focused = undefined;
    }
    if (event.key === 'Enter') marks.enter = performance.now();
  }, true);
  addEventListener('focusin', (event) => {
    const field = event.target;
    if (marks.shortcut !== undefined && marks.focused === undefined && field instanceof HTMLInputElement
      && field.closest('[role="dialog"]') && field.labels?.[0]?.textContent?.startsWith('Title')) {
      marks.focused = performance.now();
    }
  }, true);
  new MutationObserver(() => {
    const title = marks.awaiting;
    if (!title || marks.painted !== undefined) return;
    if (![...document.querySelectorAll('article')].some((card) => card.getAttribute('aria-label') === title)) return;
    requestAnimationFrame(() => setTimeout(() => (marks.painted = performance.now()), 0));
  }).observe(document, { childList: true, subtree: true });
})();`;

interface CaptureMarks {
  /** Set by the bench just before it presses N as the shortcut (the titles have n's too). */
  armed?: boolean;
  shortcut?: number;
  focused?: number;
  enter?: number;
  painted?: number;
  awaiting?: string;
}

const readCaptureMarks = (page: Page) =>
  page.evaluate(() => ({
    ...(window as unknown as { __captureMarks: CaptureMarks }).__captureMarks,
  }));

/** Marks the next N as the shortcut; `awaiting`: the title whose card to time. */
const arm = (page: Page, awaiting?: string) =>
  page.evaluate((title) => {
    const marks = (window as unknown as { __captureMarks: CaptureMarks }).__captureMarks;
    Object.assign(marks, { armed: true, awaiting: title, painted: undefined, enter: undefined });
  }, awaiting);

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Log an interaction' });

/** N → the title field focused, `runs` times (Escape closes the dialog between them). */
async function shortcutToFocus(page: Page, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await arm(page);
    await page.keyboard.press('n');
    await dialog(page).getByLabel('Title').waitFor();
    await page.waitForFunction(() => {
      const marks = (window as unknown as { __captureMarks: CaptureMarks }).__captureMarks;
      return marks.focused !== undefined;
    });
    const marks = await readCaptureMarks(page);
    if (marks.shortcut === undefined || marks.focused === undefined) throw new Error('No marks');
    times.push(marks.focused - marks.shortcut);
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'hidden' });
  }
  return times;
}

/** The journal's titles now, each as often as it shows (the first page of the timeline). */
async function titlesShown(page: Page): Promise<string[]> {
  return page.$$eval('article', (cards) =>
    cards.map((card) => card.getAttribute('aria-label') ?? ''),
  );
}

interface LostKeys {
  readonly keysTyped: number;
  readonly keysLost: number;
  readonly titlesNotWhole: number;
  readonly screenChanges: number;
}

/**
 * `count` titles, each typed at 30 ms a key straight after N, then Enter, waiting only for the
 * dialog to close. Keys lost: the characters typed less those in the new titles shown.
 */
async function typeTitlesAfterShortcut(page: Page, count: number): Promise<LostKeys> {
  await page.evaluate(() => {
    const counter = window as unknown as { __screenChanges: number };
    counter.__screenChanges = 0;
    addEventListener('hashchange', () => (counter.__screenChanges += 1));
  });
  const titles = Array.from({ length: count }, (_, index) => `Catch-up ${index + 1} with Ana Ríos`);
  for (const [index, title] of titles.entries()) {
    await page.keyboard.press('n');
    await page.keyboard.type(title, { delay: 30 });
    await page.keyboard.press('Enter');
    await dialog(page).waitFor({ state: 'hidden' });
    if ((index + 1) % 20 === 0) progress(`  capture: ${index + 1} of ${count} titles typed`);
  }
  // The new cards are the newest: they are on the first page, titled "Catch-up …".
  await page.waitForTimeout(500);
  const shown = (await titlesShown(page)).filter((title) => title.startsWith('Catch-up'));
  const whole = new Set(shown);
  const keysTyped = titles.reduce((sum, title) => sum + title.length, 0);
  const keysKept = shown.reduce((sum, title) => sum + title.length, 0);
  const screenChanges = await page.evaluate(
    () => (window as unknown as { __screenChanges: number }).__screenChanges,
  );
  return {
    keysTyped,
    keysLost: Math.max(0, keysTyped - keysKept),
    titlesNotWhole: titles.filter((title) => !whole.has(title)).length,
    screenChanges,
  };
}

interface Typical {
  /** N → card painted, ms. */
  readonly totalMs: number;
  /** Enter → card painted, ms: what the app adds to the person's typing. */
  readonly appMs: number;
}

/** The typical line at 50 ms a key straight after N, Enter, until its card is painted. */
async function typicalLine(page: Page, run: number): Promise<Typical> {
  const title = `${TYPICAL_LINE.slice(0, 57)} ${String(run).padStart(2, '0')}`;
  await arm(page, title);
  await page.keyboard.press('n');
  await page.keyboard.type(title, { delay: 50 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    const marks = (window as unknown as { __captureMarks: CaptureMarks }).__captureMarks;
    return marks.painted !== undefined;
  });
  const marks = await readCaptureMarks(page);
  if (marks.shortcut === undefined || marks.enter === undefined || marks.painted === undefined) {
    throw new Error('No marks');
  }
  return { totalMs: marks.painted - marks.shortcut, appMs: marks.painted - marks.enter };
}

/** The capture rows, with `seeded` (the 20k journal) open in the built app. */
export function measureCapture(executablePath: string, seeded: SeededJournal): Promise<Row[]> {
  const size = sizeLabel(seeded.count);
  const appMarks = builtAppMarks();
  return withApp(executablePath, async (browser, server) => {
    const context = await browser.newContext(CONTEXT_OPTIONS);
    try {
      progress(`capture: storing the ${seeded.count.toLocaleString('en-US')}-interaction journal`);
      await storeJournal(context, server.url, seeded);
      const page = await context.newPage();
      await page.addInitScript({ content: watchOpening({ selector: 'article', text: null }) });
      await page.addInitScript({ content: WATCH_CAPTURE });
      await page.goto(`${server.url}/`, { waitUntil: 'commit' });
      const expectText = `${seeded.count.toLocaleString('en-US')} interactions`;
      await waitForOpening(page, appMarks, expectText, Math.max(60_000, seeded.count * 3));
      await waitForSteadyState(page, appMarks);
      await page.getByRole('button', { name: 'More actions' }).waitFor();

      progress('capture: N → title field focused');
      const focus = await shortcutToFocus(page, FOCUS_RUNS);
      progress(`capture: ${LOST_KEY_TITLES} titles at 30 ms a key straight after N`);
      const lost = await typeTitlesAfterShortcut(page, LOST_KEY_TITLES);
      progress('capture: a typical line at 50 ms a key');
      const typical: Typical[] = [];
      for (let run = 1; run <= TYPICAL_RUNS; run++) typical.push(await typicalLine(page, run));
      const focusMs = median(focus);
      const totalMs = median(typical.map((one) => one.totalMs));
      const appMs = median(typical.map((one) => one.appMs));
      return [
        {
          measure: `capture: keys lost in ${LOST_KEY_TITLES} titles typed at 30 ms a key right after N (${lost.keysTyped} keys)`,
          size,
          value: String(lost.keysLost),
          baseline: `${lost.titlesNotWhole} titles not whole, ${lost.screenChanges} screen changes`,
          target: '0',
          pass: lost.keysLost === 0 && lost.titlesNotWhole === 0 && lost.screenChanges === 0,
        },
        {
          measure: `capture: N → title field focused (median of ${FOCUS_RUNS})`,
          size,
          value: formatMs(focusMs),
          baseline: `slowest ${formatMs(Math.max(...focus))}`,
          target: `< ${TARGET.captureFocusMs} ms`,
          pass: focusMs < TARGET.captureFocusMs,
        },
        {
          measure: `capture: a 60-character line at 50 ms a key, N → card painted (median of ${TYPICAL_RUNS})`,
          size,
          value: formatMs(totalMs),
          target: `< ${formatMs(TARGET.captureLineMs)}`,
          pass: totalMs < TARGET.captureLineMs,
        },
        {
          measure: '… of which the app’s own share: Enter → card painted',
          size,
          value: formatMs(appMs),
          target: `< ${TARGET.captureAppShareMs} ms`,
          pass: appMs < TARGET.captureAppShareMs,
        },
      ];
    } finally {
      await context.close();
    }
  });
}
