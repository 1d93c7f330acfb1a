import { expect, test } from '@playwright/test';
import { ANA_OVERDUE, FOLLOW_UPS_TODAY, TOM_DUE_TODAY } from './followUpEntries';
import { JournalPage } from './journalPage';

test.use({ timezoneId: 'Europe/Madrid' });

test('Today lists follow-ups by due day; D marks the one in focus done, and undo brings it back', async ({
  page,
}) => {
  // "Today" is Wednesday 25 November 2026 whenever the test runs.
  await page.clock.setFixedTime(FOLLOW_UPS_TODAY);
  const journal = new JournalPage(page);
  await journal.open();
  await journal.logByMouse(ANA_OVERDUE);
  await journal.logByMouse(TOM_DUE_TODAY);
  await journal.logByMouse({
    title: 'Energy Storage Expo',
    when: '2026-11-24T10:00',
    nextStep: 'Book the visit to Ridgeway',
    nextStepDue: '2026-12-02',
  });

  const nav = page.getByRole('navigation', { name: 'Screens' });
  // One overdue and one due today.
  await expect(nav.getByRole('link', { name: /Today/ })).toContainText('2');
  await page.locator('body').press('t');
  await expect(page.getByRole('heading', { name: 'Today', level: 2 })).toBeVisible();

  const overdue = page.getByRole('region', { name: 'Overdue' });
  const dueToday = page.getByRole('region', { name: 'Due today' });
  const upcoming = page.getByRole('region', { name: 'Upcoming' });
  await expect(overdue.getByRole('listitem')).toHaveCount(1);
  await expect(overdue).toContainText('Send Ana the plant tour dates');
  await expect(overdue).toContainText('due yesterday');
  await expect(dueToday.getByRole('listitem')).toHaveCount(1);
  await expect(dueToday).toContainText('Ask Tom for the audit report');
  await expect(upcoming).toContainText('Book the visit to Ridgeway');
  await expect(upcoming).toContainText('due in 7 days');

  // Keyboard: Tab into the list, J moves down, D marks the one in focus done.
  const first = page.getByRole('listitem', { name: /^Send Ana the plant tour dates/ });
  await first.focus();
  await page.keyboard.press('j');
  const tom = page.getByRole('listitem', { name: /^Ask Tom for the audit report/ });
  await expect(tom).toBeFocused();
  await page.keyboard.press('d');
  await expect(tom).toHaveCount(0);
  await expect(dueToday).toHaveCount(0);
  const notice = page.getByRole('alert').filter({ hasText: 'Follow-up done' });
  await expect(notice).toContainText('“Ask Tom for the audit report” is done.');
  await expect(nav.getByRole('link', { name: /Today/ })).toContainText('1');
  // Focus stays in the list, on the next follow-up.
  await expect(page.getByRole('listitem', { name: /^Book the visit/ })).toBeFocused();

  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(dueToday.getByRole('listitem', { name: /^Ask Tom/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: /Today/ })).toContainText('2');

  // The source opens the interaction.
  await overdue.getByRole('button', { name: 'Coffee with Ana Lopez' }).click();
  await expect(page.getByRole('dialog', { name: 'Coffee with Ana Lopez' })).toBeVisible();
});

test('Today takes the focus on its first follow-up; S puts it off to a day, or to another day chosen', async ({
  page,
}) => {
  await page.clock.setFixedTime(FOLLOW_UPS_TODAY); // Wednesday 25 November 2026
  const journal = new JournalPage(page);
  await journal.open();
  await journal.logByMouse(ANA_OVERDUE);
  await journal.logByMouse(TOM_DUE_TODAY);

  // T, then J: the focus is on the first follow-up, so J moves down the list, not to Journal.
  await page.locator('body').press('t');
  const ana = page.getByRole('listitem', { name: /^Send Ana the plant tour dates/ });
  const tom = page.getByRole('listitem', { name: /^Ask Tom for the audit report/ });
  await expect(ana).toBeFocused();
  await page.keyboard.press('j');
  await expect(tom).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Today', level: 2 })).toBeVisible();

  // S on Tom's: the days to put it off to; "Next week" is Monday 30 November.
  await page.keyboard.press('s');
  const days = page.getByRole('menu');
  await expect(days.getByRole('menuitem')).toHaveText([
    /^Tomorrow/,
    /^In 3 days/,
    /^Next week\s*30 Nov$/,
    /^In 2 weeks/,
    'Another day…',
  ]);
  // By keyboard: the first day has the focus; two down is "Next week".
  await expect(days.getByRole('menuitem', { name: /^Tomorrow/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const upcoming = page.getByRole('region', { name: 'Upcoming' });
  await expect(upcoming.getByRole('listitem', { name: /^Ask Tom/ })).toContainText('due in 5 days');
  await expect(page.getByRole('region', { name: 'Due today' })).toHaveCount(0);
  await expect(page.getByText('“Ask Tom for the audit report” is due 30 Nov 2026.')).toBeVisible();
  // The focus stays on the follow-up, now under Upcoming: K goes back up to Ana's.
  await expect(page.getByRole('listitem', { name: /^Ask Tom/ })).toBeFocused();
  await page.keyboard.press('k');
  await expect(ana).toBeFocused();

  // Ana's to a day of one's own, from its Snooze button.
  await page.getByRole('button', { name: 'Snooze “Send Ana the plant tour dates”' }).click();
  await page.getByRole('menuitem', { name: 'Another day…' }).click();
  const move = page.getByRole('dialog', { name: 'Move the follow-up' });
  await move.getByLabel(/^New due day/).fill('2026-11-20');
  await move.getByRole('button', { name: 'Move' }).click();
  await expect(move.getByText('Choose today or a later day.')).toBeVisible();
  await move.getByLabel(/^New due day/).fill('2026-12-18');
  await move.getByRole('button', { name: 'Move' }).click();
  await expect(move).toBeHidden();
  await expect(upcoming.getByRole('listitem', { name: /^Send Ana/ })).toContainText(
    'due in 3 weeks',
  );
  await expect(page.getByRole('region', { name: 'Overdue' })).toHaveCount(0);
});
