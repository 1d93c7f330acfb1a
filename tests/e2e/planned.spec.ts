import { expect, test, type Locator, type Page } from '@playwright/test';
import { JournalPage } from './journalPage';

test.use({ timezoneId: 'Europe/Madrid' });

const GOAL = 'Plant manager in food manufacturing';

interface PlannedEntry {
  title: string;
  date: string;
  kind: string;
  organiser: string;
  minutes: number;
  expected: 1 | 2 | 3 | 4 | 5;
  /** A goal it could serve, chosen by its description. */
  goal?: string;
}

/** Plans an event with the mouse, as a person fills the form. */
async function plan(page: Page, entry: PlannedEntry): Promise<Locator> {
  await page.getByRole('button', { name: 'Plan an event' }).click();
  const form = page.getByRole('dialog', { name: 'Plan an event' });
  await form.getByLabel('Title').fill(entry.title);
  await form.getByLabel('Date').fill(entry.date);
  await form.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: entry.kind, exact: true }).click();
  await form.getByLabel('Organiser').fill(entry.organiser);
  await form.getByLabel('Expected minutes').fill(String(entry.minutes));
  await form
    .getByRole('radiogroup', { name: 'Expected relevance' })
    .getByText(String(entry.expected), { exact: true })
    .click();
  if (entry.goal) {
    await form.getByRole('combobox', { name: 'Goals' }).click();
    await page.getByRole('option', { name: entry.goal, exact: true }).click();
  }
  await form.getByLabel('Research notes').fill('Speakers from two utilities');
  await form.getByRole('button', { name: 'Plan it' }).click();
  await expect(form).toBeHidden();
  const card = page.getByRole('article', { name: entry.title });
  await expect(card).toBeVisible();
  return card;
}

test('plan, skip with a reason, log an attended event, and see expected against actual', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Today is 25 November 2026: the meetup on the 18th is past, the forum on the 30th to come.
  await page.clock.setFixedTime(new Date('2026-11-25T12:00:00+01:00'));
  const journal = new JournalPage(page);
  await journal.open();
  // A goal, active since the start of the month, for the events to serve.
  await page.locator('body').press('g');
  await page.getByRole('button', { name: 'Add your first goal' }).click();
  const goalForm = page.getByRole('dialog', { name: 'Add a goal' });
  await goalForm.getByLabel('Description').fill(GOAL);
  await goalForm.getByLabel('Active from').fill('2026-11-01');
  await goalForm.getByRole('button', { name: 'Add goal' }).click();
  await expect(goalForm).toBeHidden();

  await page.locator('body').press('p');
  await expect(page.getByRole('heading', { name: 'Planned events' })).toBeVisible();
  await expect(page.getByText('Pick and choose wisely.')).toBeVisible();

  const forum = await plan(page, {
    title: 'Utilities Innovation Forum',
    date: '2026-11-30',
    kind: 'Conference',
    organiser: 'Expo Hall B',
    minutes: 240,
    expected: 2,
  });
  await expect(forum.getByText('Not decided')).toBeVisible();
  await expect(forum.getByText('Expected relevance: 2')).toBeVisible();
  await forum.getByRole('button', { name: 'Skip', exact: true }).click();
  const prompt = page.getByRole('dialog', { name: 'Skip “Utilities Innovation Forum”' });
  await prompt.getByLabel('Reason').fill('Same speakers as last year');
  await prompt.getByRole('button', { name: 'Skip it' }).click();
  await expect(prompt).toBeHidden();
  await expect(forum.getByText('Skip', { exact: true })).toBeVisible();
  await expect(forum.getByText('Same speakers as last year')).toBeVisible();
  await expect(forum.getByRole('button', { name: 'Log it' })).toHaveCount(0);

  const meetup = await plan(page, {
    title: 'Plant managers meetup',
    date: '2026-11-18',
    kind: 'Meetup',
    organiser: 'Café Comercial',
    minutes: 90,
    expected: 3,
    goal: GOAL,
  });
  await expect(meetup.getByText(`Goal: ${GOAL}`)).toBeVisible();
  await expect(meetup.getByText('How was it?')).toBeVisible();
  await meetup.getByRole('button', { name: 'Log it' }).click();
  const quickAdd = journal.dialog;
  await expect(quickAdd.getByLabel('Title')).toHaveValue('Plant managers meetup');
  await expect(quickAdd.getByLabel('When')).toHaveValue('2026-11-18T09:00');
  await expect(quickAdd.getByLabel('Organiser or place')).toHaveValue('Café Comercial');
  await expect(quickAdd.getByLabel('Duration')).toHaveValue('90 min');
  await expect(quickAdd.getByRole('combobox', { name: 'Kind' })).toHaveValue('meetup');
  await expect(quickAdd.getByText(GOAL, { exact: true })).toBeVisible(); // the event's goal
  await quickAdd
    .getByRole('radiogroup', { name: 'Relevance' })
    .getByText('5', { exact: true })
    .click();
  await quickAdd.getByRole('button', { name: 'Save' }).click();
  await expect(quickAdd).toBeHidden();

  const comparison = meetup.getByRole('group', { name: 'Expected and actual relevance' });
  await expect(comparison).toContainText('Expected: 3');
  await expect(comparison).toContainText('Actual: 5');
  await expect(comparison).toContainText('Difference: +2.0');
  await expect(meetup.getByRole('button', { name: 'Log it' })).toHaveCount(0);

  await page.locator('body').press('i');
  // The charts' screen is the heaviest to show the first time on a busy machine.
  await expect(page.getByRole('heading', { name: /^Insights/ })).toBeVisible({ timeout: 30_000 });
  const calibration = page.getByRole('region', { name: /^Calibration/ });
  await expect(
    calibration.getByText('1 attended event compared: expected 3.0, actual 5.0 on average (+2.0).'),
  ).toBeVisible();
  await expect(calibration.getByText('1 event skipped: 4 h kept for better use.')).toBeVisible();
  await expect(
    calibration.getByRole('table', { name: 'Attended events' }).getByRole('row', {
      name: /Plant managers meetup/,
    }),
  ).toHaveText(/Plant managers meetup18 Nov 2026MeetupCafé Comercial35\+2\.0/);
  await expect(
    calibration.getByRole('table', { name: 'Skipped events' }).getByRole('row', {
      name: /Utilities Innovation Forum/,
    }),
  ).toHaveText(/Utilities Innovation Forum30 Nov 20262 ?4 hSame speakers as last year/);

  // The month's report lists both: the attended one against expectations, the skipped one.
  await page.locator('body').press('r');
  await expect(page.getByRole('article', { name: /^Relevance report/ })).toBeVisible({
    timeout: 30_000,
  });
  const reportSection = page.getByRole('region', { name: 'Planned events', exact: true });
  await expect(reportSection).toContainText(
    '1 attended event compared: expected 3.0, actual 5.0 on average (+2.0). 1 event skipped: 4 h kept for better use.',
  );
  await expect(reportSection.getByRole('table', { name: 'Planned events skipped' })).toContainText(
    'Same speakers as last year',
  );
  // The logged meetup counts for the goal it was planned for.
  await expect(page.getByRole('table', { name: 'Hours per goal' })).toContainText(
    `${GOAL}1.5 h1.5 h1`,
  );

  // A planned event deleted by mistake comes back with Undo.
  await page.locator('body').press('p');
  await forum.getByRole('button', { name: 'Delete' }).click();
  await expect(forum).toBeHidden();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(forum).toBeVisible();
});
