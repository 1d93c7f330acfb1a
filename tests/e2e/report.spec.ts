import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { JournalPage } from './journalPage';
import { pdfPages, pdfText } from './pdfText';

// Madrid: October 2026 ends a week after the clocks go back (25 October).
test.use({ timezoneId: 'Europe/Madrid' });

/**
 * October 2026, by hand:
 *   Coffee 60 min rated 5 (high), Expo 180 min rated 2 (low), Call 30 min unrated,
 *   Dinner on 31 Oct 23:30 90 min rated 4 (high).  Total 360 min = 6 h.
 *   High 150 min = 2.5 h; rated 330 min; high share 150/330 = 45%.
 *   Time-weighted relevance (5·60 + 2·180 + 4·90) / 330 = 1020/330 = 3.09 → 3.1.
 *   September: one lunch, 60 min rated 3 → share 0%, so +45 pts.
 *   The breakfast on 1 Nov 00:30 Madrid (31 Oct 23:30 UTC) belongs to November.
 */
async function logOctober(journal: JournalPage): Promise<void> {
  // "Today" is 25 November 2026 whenever the test runs, so "this month" is November.
  await journal.page.clock.setFixedTime(new Date('2026-11-25T12:00:00+01:00'));
  await journal.open();
  await journal.logByMouse({
    title: 'Lunch with Tom Alvarez',
    when: '2026-09-30T13:00',
    minutes: 60,
    relevance: 3,
    place: 'Casa Lucio',
  });
  await journal.logByMouse({
    title: 'Coffee with Ana Lopez',
    when: '2026-10-06T09:00',
    minutes: 60,
    relevance: 5,
    place: 'Café Comercial',
  });
  await journal.logByMouse({
    title: 'Energy Storage Expo',
    when: '2026-10-14T10:00',
    minutes: 180,
    relevance: 2,
    kind: 'Conference',
    place: 'Expo Hall B',
  });
  await journal.logByMouse({
    title: 'Call with a recruiter',
    when: '2026-10-20T16:00',
    minutes: 30,
    kind: 'Call',
  });
  await journal.logByMouse({
    title: 'Dinner with the Ridgeway team',
    when: '2026-10-31T23:30',
    minutes: 90,
    relevance: 4,
    kind: 'Meal',
    place: 'Sobrino de Botín',
  });
  await journal.logByMouse({
    title: 'Breakfast with Maya Chen',
    when: '2026-11-01T00:30',
    minutes: 45,
    relevance: 5,
    place: 'Café Comercial',
  });
}

function stat(page: Page | Locator, label: string) {
  return page.getByRole('group', { name: label });
}

const OCTOBER_FIGURES = ['6 h', '45%', '+45 pts', '3.1'];

test('the monthly report shows the figures worked out by hand, closes the loop, and prints them', async ({
  page,
}, testInfo) => {
  // Six interactions logged through the form, two PDFs and a reload: on a busy CI machine this
  // has taken over a minute.
  test.setTimeout(120_000);
  const journal = new JournalPage(page);
  await logOctober(journal);

  await page.getByRole('link', { name: /Report/ }).click();
  await page.getByRole('button', { name: 'Previous month' }).click();
  const report = page.getByRole('article', { name: 'Relevance report: October 2026' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(stat(report, 'Hours')).toContainText('6 h');
  await expect(stat(report, 'High-relevance share')).toContainText('45%');
  await expect(stat(report, 'High-relevance share')).toContainText('+45 pts on last month');
  await expect(stat(report, 'Interactions')).toContainText('4');
  await expect(stat(report, 'Interactions')).toContainText('1 unrated (0.5 h)');
  await expect(stat(report, 'Relevance, by time')).toContainText('3.1');
  await expect(report.getByRole('table', { name: 'Best sources' })).toContainText('Café Comercial');
  await expect(report.getByRole('table', { name: 'Worst sources' })).toContainText('Expo Hall B');

  await report.getByLabel("What I'll change next month").fill('Skip vendor expos; more coffees.');
  await page.screenshot({ path: testInfo.outputPath('report.png'), fullPage: true });
  await testInfo.attach('report', {
    path: testInfo.outputPath('report.png'),
    contentType: 'image/png',
  });

  for (const format of ['A4', 'Letter'] as const) {
    // A notice on the screen while printing is not printed: only the report is.
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Back up now' }).click();
    await expect(page.getByText(/^Backup stored/).last()).toBeVisible();
    const path = testInfo.outputPath(`report-${format}.pdf`);
    await page.pdf({ path, format, printBackground: true });
    // Text extraction drops some spaces between large glyphs ("6 h" can read "6h"): compare
    // without white space.
    const text = (await pdfText(path)).replace(/\s+/g, '');
    const squeezed = (value: string) => value.replace(/\s+/g, '');
    expect(text).toContain(squeezed('Relevance report: October 2026'));
    for (const figure of OCTOBER_FIGURES) expect(text).toContain(squeezed(figure));
    expect(text).toContain(squeezed('The month: High 2.5 h, Medium 0 h, Low 3 h, Unrated 0.5 h.'));
    expect(text).toContain(squeezed('Skip vendor expos; more coffees.'));
    expect(text).not.toContain(squeezed('Save as PDF'));
    expect(text).not.toContain(squeezed('Backup stored'));
    expect(text).not.toContain(squeezed('Show the figures as a table'));
    expect(await pdfPages(path)).toBeGreaterThanOrEqual(1);
  }

  await page.getByRole('button', { name: 'Next month' }).click();
  const november = page.getByRole('article', { name: 'Relevance report: November 2026' });
  await expect(november).toContainText('Last month I planned to change:');
  await expect(november).toContainText('Skip vendor expos; more coffees.');
  await expect(stat(november, 'Hours')).toContainText('0.8 h');

  await page.reload();
  await expect(
    page.getByRole('article', { name: 'Relevance report: November 2026' }),
  ).toContainText('Skip vendor expos; more coffees.', { timeout: 30_000 });
});

test('Markdown and CSV exports carry the same figures as the screen', async ({ page }) => {
  const journal = new JournalPage(page);
  await logOctober(journal);
  await page.goto('/#/report/2026-10');
  await expect(page.getByRole('article', { name: 'Relevance report: October 2026' })).toBeVisible({
    timeout: 30_000,
  });

  const [markdownFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Markdown' }).click(),
  ]);
  expect(markdownFile.suggestedFilename()).toBe('relevance-report-2026-10.md');
  const markdown = await readFile(await markdownFile.path(), 'utf8');
  expect(markdown).toContain('# Relevance report: October 2026');
  expect(markdown).toContain('| Hours | 6 h | 1 h |');
  expect(markdown).toContain('| High-relevance share of rated time | 45% (+45 pts) | 0% |');
  expect(markdown).toContain('| Relevance, weighted by time | 3.1 | 3.0 |');

  const [csvFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV' }).click(),
  ]);
  expect(csvFile.suggestedFilename()).toBe('interactions-2026-10.csv');
  const csv = (await readFile(await csvFile.path(), 'utf8')).replace(/^\uFEFF/, '');
  const rows = csv.trim().split('\r\n');
  expect(rows).toHaveLength(5);
  expect(rows.slice(1).map((row) => row.split(',')[0])).toEqual([
    '2026-10-06',
    '2026-10-14',
    '2026-10-20',
    '2026-10-31',
  ]);
});

test('insights: the month figures, and clicking a period lists its interactions', async ({
  page,
}, testInfo) => {
  const journal = new JournalPage(page);
  await logOctober(journal);
  await page.getByRole('link', { name: /Insights/ }).click();
  // The first visit may still load the charts' code: on a busy two-core machine, seconds.
  await expect(page.getByRole('heading', { name: 'Insights: November 2026' })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Previous month' }).click();
  await expect(page.getByRole('heading', { name: 'Insights: October 2026' })).toBeVisible();
  await expect(stat(page, 'Hours')).toContainText('6 h');
  await expect(stat(page, 'High-relevance share')).toContainText('45%');
  await expect(page.getByRole('table', { name: 'Sources' })).toContainText('Expo Hall B');

  const months = page.getByRole('figure', { name: 'Hours by relevance, last 12 months' });
  await months.getByRole('button', { name: 'Show the figures as a table' }).click();
  await months.getByRole('button', { name: 'October 2026' }).click();
  const list = page.getByRole('region', { name: 'Interactions, 1 Oct 2026 – 31 Oct 2026' });
  await expect(list.getByRole('row')).toHaveCount(4);
  await expect(list).toContainText('Dinner with the Ridgeway team');
  await expect(list).not.toContainText('Breakfast with Maya Chen');

  await page.screenshot({ path: testInfo.outputPath('insights.png'), fullPage: true });
  await testInfo.attach('insights', {
    path: testInfo.outputPath('insights.png'),
    contentType: 'image/png',
  });
});

test('in the first week of a month, R opens the last complete month; after it, this month', async ({
  page,
}) => {
  const journal = new JournalPage(page);
  await page.clock.setFixedTime(new Date('2026-12-07T18:00:00+01:00'));
  await journal.open();
  await page.locator('body').press('r');
  await expect(page.getByRole('article', { name: 'Relevance report: November 2026' })).toBeVisible({
    timeout: 30_000,
  });

  await page.clock.setFixedTime(new Date('2026-12-08T09:00:00+01:00'));
  await page.locator('body').press('j');
  await page.locator('body').press('r');
  await expect(
    page.getByRole('article', { name: 'Relevance report: December 2026' }),
  ).toBeVisible();
});
