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
