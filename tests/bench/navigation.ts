// What a page records while the app opens a journal, and how the bench waits for it: the
// list painted, the journal editable, and (first navigation only) the preview stored and the
// stored journal compacted, so that the counted reloads find what a returning user's do.
import type { Page } from '@playwright/test';
import { previewDatabaseName } from '../../renderer/src/platform/journalPreview';
import { LOCAL_JOURNAL_DATABASE } from '../../shared/platform';
import {
  BUTTON_EDITABLE_MARK,
  CHANGED_MARK,
  COMPACTED_MARK,
  EDITABLE_MARK,
  type AppMarks,
} from './appMarks';
import { progress } from './stats';

/** The element that shows the journal: the first one matching, holding `text` if set. */
export interface Marker {
  readonly selector: string;
  readonly text: string | null;
}

/** What the page records, in ms since its navigation start (performance.now()). */
export interface PageMarks {
  /** The "Opening your journal" loader is in the DOM: scripts ran and React rendered. */
  opening?: number;
  /** The marker is in the DOM. */
  inDom?: number;
  /** The next frame after that: the marker has been painted. */
  painted?: number;
  /** "Log interaction" is enabled (how editable was seen before the app marked it). */
  button?: number;
  /** Whether it was, with the journal still opening (the app logs from its preview). */
  buttonWhileOpening?: boolean;
  /** The app's marks (see appMarks.ts). */
  editableMark?: number;
  compacted?: number;
  /** The quick-add's card in the DOM, then painted (quickAdd.ts). */
  savedInDom?: number;
  saved?: number;
  /** Every change of the open journal. */
  changes: number[];
}

/**
 * Runs in the page before its scripts. Plain JavaScript source, not a serialized function:
 * tsx would add helpers to a function's body that do not exist in the page.
 */
export function watchOpening(marker: Marker): string {
  const names = {
    editable: EDITABLE_MARK,
    compacted: COMPACTED_MARK,
    changed: CHANGED_MARK,
    button: BUTTON_EDITABLE_MARK,
  };
  return `(() => {
    const marker = ${JSON.stringify(marker)};
    const names = ${JSON.stringify(names)};
    const marks = { changes: [] };
    window.__benchMarks = marks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name === names.editable) marks.editableMark ??= entry.startTime;
        else if (entry.name === names.compacted) marks.compacted ??= entry.startTime;
        else if (entry.name === names.changed) marks.changes.push(entry.startTime);
      }
    }).observe({ type: 'mark', buffered: true });
    const found = () =>
      [...document.querySelectorAll(marker.selector)].some(
        (element) => marker.text === null || element.textContent.includes(marker.text),
      );
    const logEnabled = () =>
      [...document.querySelectorAll('button')].some(
        (button) => !button.disabled && button.textContent.includes('Log interaction'),
      );
    const observer = new MutationObserver(() => {
      if (marks.opening === undefined && document.querySelector('[aria-label^="Opening"]')) {
        marks.opening = performance.now();
      }
      if (marks.inDom === undefined && found()) {
        marks.inDom = performance.now();
        requestAnimationFrame(() => setTimeout(() => (marks.painted = performance.now()), 0));
      }
      if (marks.inDom !== undefined && marks.button === undefined && logEnabled()) {
        marks.button = performance.now();
        marks.buttonWhileOpening = document.querySelector('[aria-label^="Opening"]') !== null;
        performance.mark(names.button);
      }
      if (marks.button !== undefined) observer.disconnect();
    });
    observer.observe(document, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
  })();`;
}

export function readMarks(page: Page): Promise<PageMarks> {
  return page.evaluate(() => (window as unknown as { __benchMarks: PageMarks }).__benchMarks);
}

/** One opening of the journal, in ms since navigation start. */
export interface Opening {
  readonly opening: number | null;
  readonly painted: number;
  /** The app's editable mark, or "Log interaction" enabled in builds without it. */
  readonly editable: number;
}

/**
 * Waits until the page has recorded all of `marks` (see PageMarks), looking every 50 ms (not
 * every frame, to stay out of the page's way). A function, not a string: the app's content
 * security policy forbids evaluating strings.
 */
export async function waitForMarks(
  page: Page,
  marks: readonly string[],
  timeoutMs: number,
  what: string,
): Promise<void> {
  try {
    await page.waitForFunction(
      (names) => {
        const recorded = (window as unknown as { __benchMarks?: Record<string, unknown> })
          .__benchMarks;
        return names.every((name) => recorded?.[name] !== undefined);
      },
      marks,
      { timeout: timeoutMs, polling: 50 },
    );
  } catch (error) {
    const shown = (
      await page
        .locator('body')
        .innerText()
        .catch(() => '')
    ).slice(0, 300);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`Waiting for ${what}: ${reason}; the page shows: ${shown}`, { cause: error });
  }
}

/** Waits until the marker is painted, `expectText` shows and the journal is editable. */
export async function waitForOpening(
  page: Page,
  appMarks: AppMarks,
  expectText: string,
  timeoutMs: number,
): Promise<Opening> {
  await waitForMarks(page, ['painted'], timeoutMs, 'the list');
  // The measurement must be of this journal, not of an empty or failed one.
  await page.getByText(expectText, { exact: true }).first().waitFor({ timeout: 10_000 });
  const editable = appMarks.editable ? 'editableMark' : 'button';
  await waitForMarks(page, [editable], timeoutMs, 'the journal to be editable');
  const marks = await readMarks(page);
  const at = marks[editable];
  if (marks.painted === undefined || at === undefined) throw new Error('No marks');
  return { opening: marks.opening ?? null, painted: marks.painted, editable: at };
}

/**
 * After the first navigation: waits until the app has stored its preview of the journal, and
 * (when the build marks it) rewritten its stored journal, as it has for anyone who opened
 * their journal once before. A compaction that never comes is noted, not fatal.
 */
export async function waitForSteadyState(page: Page, appMarks: AppMarks): Promise<void> {
  await page.waitForFunction(
    async (name) => {
      const open = indexedDB.open(name);
      open.onupgradeneeded = () => open.transaction?.abort();
      const db = await new Promise<IDBDatabase | null>((resolve) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => resolve(null);
      });
      if (!db) return false;
      const count = db.transaction('preview').objectStore('preview').count();
      const stored = await new Promise<number>((resolve) => {
        count.onsuccess = () => resolve(count.result);
      });
      db.close();
      return stored > 0;
    },
    previewDatabaseName(LOCAL_JOURNAL_DATABASE),
    { timeout: 30_000, polling: 250 },
  );
  if (!appMarks.compacted) return;
  try {
    await waitForMarks(page, ['compacted'], 120_000, 'the journal to be compacted');
  } catch {
    progress(
      `  no ${COMPACTED_MARK} mark within 120 s: the reloads may find the journal uncompacted`,
    );
  }
}
