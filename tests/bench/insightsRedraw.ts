import type { BrowserContext } from '@playwright/test';
import { median, progress } from './stats';

export interface RedrawStats {
  /** The journal changed → the headline figures painted: the insights screen's redraw. */
  readonly redrawMedianMs: number;
  readonly redrawMaxMs: number;
  /** Enter → the headline figures painted. */
  readonly medianMs: number;
  /** Enter → the charts painted too. */
  readonly chartsMedianMs: number;
  readonly runs: number;
}

/**
 * Runs in the page: from each Enter key press until the frame in which the insights show the
 * new count of interactions has been painted, and until the frame in which the 12 weeks'
 * chart shows its new bars (checked every frame; a task after the paint).
 */
const watchEnterToPaint = `
  window.__benchRedraws = [];
  window.__benchCharts = [];
  window.__benchChanges = [];
  const changedAt = () => performance.getEntriesByName('relevant:journal-changed').at(-1)?.startTime ?? NaN;
  const count = () => document.querySelector('[role="group"][aria-label="Interactions"]')?.textContent ?? '';
  const bars = () => Array.from(
    document.querySelectorAll('figure[aria-label="Hours by relevance, last 12 weeks"] svg rect'),
    (bar) => bar.getAttribute('y') + ':' + bar.getAttribute('height'),
  ).join(' ');
  window.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    const start = performance.now();
    const before = { count: count(), bars: bars() };
    let counted = false;
    const check = () => {
      if (!counted && count() !== before.count) {
        counted = true;
        setTimeout(() => {
          window.__benchRedraws.push(performance.now() - start);
          window.__benchChanges.push(performance.now() - changedAt());
        }, 0);
      }
      if (counted && bars() !== before.bars) {
        setTimeout(() => window.__benchCharts.push(performance.now() - start), 0);
        return;
      }
      if (performance.now() - start < 10000) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, true);
`;

/**
 * With the insights screen open on a journal of many interactions, logs one interaction at a
 * time through quick-add (a title, Enter) and times Enter → the new figures painted: saving,
 * working out the figures, drawing the charts and tables, and the paint. `runs` interactions after two uncounted ones.
 */
export async function measureInsightsRedraw(
  context: BrowserContext,
  url: string,
  runs: number,
): Promise<RedrawStats> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: watchEnterToPaint });
    await page.goto(`${url}/#/insights`);
    await page.getByRole('heading', { name: /^Insights: / }).waitFor({ timeout: 120_000 });
    const logButton = page.getByRole('button', { name: /Log interaction/ });
    // The journal can be changed once its document has loaded ("Log interaction" enabled).
    const deadline = Date.now() + 120_000;
    while (!(await logButton.isEnabled())) {
      if (Date.now() > deadline) throw new Error('The journal never became editable.');
      await page.waitForTimeout(100);
    }
    const durations: number[] = [];
    const charts: number[] = [];
    const redraws: number[] = [];
    for (let run = 0; run < runs + 2; run++) {
      await logButton.click();
      const title = page.getByRole('dialog', { name: 'Log an interaction' }).getByLabel('Title');
      await title.waitFor();
      await title.fill(`Redraw check ${run}`);
      const before = await page.evaluate(
        () => (window as unknown as { __benchRedraws: number[] }).__benchRedraws.length,
      );
      await title.press('Enter');
      // Waited for in the page, every frame: a locator's polling would run Playwright's role
      // queries over the whole document on the page's thread, inside the time measured.
      await page.waitForFunction(
        (count) =>
          (window as unknown as { __benchRedraws: number[] }).__benchRedraws.length > count,
        before,
        { polling: 'raf' },
      );
      await page.getByRole('dialog', { name: 'Log an interaction' }).waitFor({ state: 'hidden' });
      await page.waitForFunction(
        (count) => (window as unknown as { __benchCharts: number[] }).__benchCharts.length > count,
        before,
        { polling: 'raf' },
      );
      const [ms, chartsMs, redrawMs] = await page.evaluate(() => {
        const bench = window as unknown as Record<
          '__benchRedraws' | '__benchCharts' | '__benchChanges',
          number[]
        >;
        return [bench.__benchRedraws, bench.__benchCharts, bench.__benchChanges].map(
          (times) => times.at(-1) ?? NaN,
        ) as [number, number, number];
      });
      if (run >= 2) {
        durations.push(ms);
        charts.push(chartsMs);
        redraws.push(redrawMs);
      }
      progress(
        `  insights redraw ${run + 1}/${runs + 2}: change → headline ${redrawMs.toFixed(1)} ms, Enter → headline ${ms.toFixed(1)} ms, → charts ${chartsMs.toFixed(1)} ms`,
      );
    }
    return {
      redrawMedianMs: median(redraws),
      redrawMaxMs: Math.max(...redraws),
      medianMs: median(durations),
      chartsMedianMs: median(charts),
      runs,
    };
  } finally {
    await page.close();
  }
}
