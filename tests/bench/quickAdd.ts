// Reload → a quick-add saved: the app lets an interaction be logged from the preview, before
// the journal has opened (it is kept beside the preview and added as the journal opens). The
// bench logs one as soon as "Log interaction" is enabled after a reload, and times from
// navigation start until its card is painted (the app shows it once it is stored). The time
// includes the bench's own round trips to the page (a handful, each waiting for a free main
// thread), so it is an upper bound of what a quick person would see.
import type { Page } from '@playwright/test';
import type { AppMarks } from './appMarks';
import { readMarks, waitForMarks } from './navigation';
import { median, progress } from './stats';

/**
 * Runs in the page (after watchOpening's script): once the bench names the title it logs
 * (`window.__benchQuickAdd`), marks when a card with that title is in the DOM and painted.
 */
export const WATCH_QUICK_ADD = `(() => {
  const marks = window.__benchMarks;
  const observer = new MutationObserver(() => {
    const title = window.__benchQuickAdd;
    if (!title || marks.savedInDom !== undefined) return;
    const card = [...document.querySelectorAll('article')].some(
      (article) => article.getAttribute('aria-label') === title,
    );
    if (!card) return;
    marks.savedInDom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (marks.saved = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

export interface QuickAddStats {
  readonly runs: number;
  /** Median ms from navigation start to the logged card painted. */
  readonly savedMs: number;
  /** Median ms from navigation start to editable, in the same reloads. */
  readonly editableMs: number;
  /** Reloads in which it was saved before the journal was editable. */
  readonly beforeEditable: number;
  /** Reloads in which "Log interaction" was on while the journal opened (the app offers it). */
  readonly offered: number;
}

/**
 * `runs` reloads of `page` (which has watchOpening's and WATCH_QUICK_ADD's scripts), each
 * logging one interaction (a title, Enter) as soon as it can. Each adds to the journal: run
 * it after the rows that count the journal's interactions.
 */
export async function measureQuickAdd(
  page: Page,
  appMarks: AppMarks,
  runs: number,
  timeoutMs: number,
): Promise<QuickAddStats> {
  const saved: number[] = [];
  const editable: number[] = [];
  let beforeEditable = 0;
  let offered = 0;
  const editableMark = appMarks.editable ? 'editableMark' : 'button';
  for (let run = 0; run < runs; run++) {
    const title = `Logged as the journal opened ${run + 1}`;
    await page.reload({ waitUntil: 'commit' });
    // As few round trips to the page as a person's input would make: each waits for the main
    // thread, which the opening journal keeps busy. The N key opens quick-add (once the Log
    // button is on), the title goes in as one text input, then Enter.
    await waitForMarks(page, ['button'], timeoutMs, '"Log interaction" to be enabled');
    await page.evaluate((name) => {
      (window as unknown as { __benchQuickAdd: string }).__benchQuickAdd = name;
    }, title);
    await page.keyboard.press('n');
    const field = page.getByRole('dialog', { name: 'Log an interaction' }).getByLabel('Title');
    await field.waitFor({ timeout: timeoutMs });
    await page.keyboard.insertText(title);
    await page.keyboard.press('Enter');
    await waitForMarks(page, ['saved', editableMark], timeoutMs, 'the quick-add and editable');
    const marks = await readMarks(page);
    const at = marks.saved;
    const open = marks[editableMark];
    if (at === undefined || open === undefined) throw new Error('No marks');
    saved.push(at);
    editable.push(open);
    if (at < open) beforeEditable++;
    if (marks.buttonWhileOpening === true) offered++;
    progress(
      `  quick-add ${run + 1}/${runs}: saved ${at.toFixed(0)} ms, editable ${open.toFixed(0)} ms`,
    );
  }
  return { runs, savedMs: median(saved), editableMs: median(editable), beforeEditable, offered };
}
