import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { JournalPage } from './journalPage';

test.use({ timezoneId: 'Europe/Madrid' });

const PLANT = 'Plant manager in food manufacturing';
const NORTHWIND = 'Northwind Turbines';

async function addGoal(page: Page, description: string, kind: string, from: string) {
  const dialog = page.getByRole('dialog', { name: 'Add a goal' });
  await dialog.getByLabel('Description').fill(description);
  await dialog.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: kind, exact: true }).click();
  await dialog.getByLabel('Active from').fill(from);
  await dialog.getByRole('button', { name: 'Add goal' }).click();
  await expect(dialog).toBeHidden();
}

test('goals suggest a relevance while logging, and the report counts their hours', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2026-11-25T12:00:00+01:00'));
  const journal = new JournalPage(page);
  await journal.open();

  // Know what you want: the Goals screen (G) explains itself while empty.
  await page.locator('body').press('g');
  await expect(page.getByRole('heading', { name: 'Know what you want' })).toBeVisible();
  await page.getByRole('button', { name: 'Add your first goal' }).click();
  await addGoal(page, PLANT, 'Role', '2026-11-01');
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await addGoal(page, NORTHWIND, 'Company', '2026-10-01');
  const goals = page.getByRole('table', { name: 'Goals' });
  await expect(goals.getByRole('row', { name: new RegExp(PLANT) })).toContainText('Active');

  // Deleting says so and can be undone.
  await page.getByRole('button', { name: `Delete ${NORTHWIND}` }).click();
  await expect(goals.getByRole('row', { name: new RegExp(NORTHWIND) })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.mouse.move(0, 0); // a notice stays while the pointer rests on it
  await expect(goals.getByRole('row', { name: new RegExp(NORTHWIND) })).toBeVisible();

  // Logging by keyboard: the suggestion appears as the title is typed, and is only a suggestion.
  await journal.openQuickAddByKey();
  await page.keyboard.type('Plant tour with the operations team');
  const dialog = journal.dialog;
  await expect(dialog.getByText(/^Suggested: 3 — /)).toHaveText(
    `Suggested: 3 — Matches your role goal “${PLANT}”: the title says “Plant”.`,
  );
  await expect(dialog.getByRole('radio', { name: 'Unrated' })).toBeChecked();
  await page.keyboard.press('Tab'); // the relevance
  await page.keyboard.press('Tab'); // "Use 3"
  await expect(dialog.getByRole('button', { name: 'Use 3' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('radio', { name: '3' })).toBeChecked();
  await expect(dialog.getByText(PLANT, { exact: true })).toBeVisible(); // linked
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await page.locator('body').press('j');
  await expect(journal.entry('Plant tour with the operations team')).toBeVisible();

  // The report's Goals section: hours per goal, and the goal that got none.
  await page.locator('body').press('r');
  const report = page.getByRole('article', { name: 'Relevance report: November 2026' });
  const section = report.getByRole('region', { name: 'Goals' });
  await expect(section.getByRole('table', { name: 'Hours per goal' })).toContainText(
    `${PLANT}0.5 h0 h1`,
  );
  await expect(section).toContainText(`No time this month on: “${NORTHWIND}”.`);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Markdown' }).click(),
  ]);
  const markdown = await readFile(await file.path(), 'utf8');
  expect(markdown).toContain(`| ${PLANT} | 0.5 h | 0 h | 1 |`);
  expect(markdown).toContain(`No time this month on: “${NORTHWIND}”.`);
});
