import { expect, test, type Page } from '@playwright/test';
import { ANA_OVERDUE, FOLLOW_UPS_TODAY, TOM_DUE_TODAY } from './followUpEntries';
import { JournalPage } from './journalPage';

test.use({ timezoneId: 'Europe/Madrid' });

interface Shown {
  title: string;
  body: string;
}

/** The notifications the page has shown since it loaded (see the init script below). */
const shown = (page: Page) =>
  page.evaluate(() => (window as unknown as { shownNotifications: Shown[] }).shownNotifications);

/**
 * The person switches to another window, or comes back: the browser's focus is what the app
 * reads (headless, every page counts as focused unless told otherwise).
 */
async function setInBackground(page: Page, background: boolean): Promise<void> {
  await page.evaluate((away) => {
    document.hasFocus = () => !away;
    window.dispatchEvent(new Event(away ? 'blur' : 'focus'));
  }, background);
}

test('a follow-up due is reminded of while Relevant is in the background, until it is done', async ({
  page,
  context,
}) => {
  // Each notification is recorded, then shown as the browser would.
  await page.addInitScript(() => {
    const record: Shown[] = [];
    const Real = window.Notification;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        record.push({ title, body: options?.body ?? '' });
        super(title, options);
      }
    }
    Object.assign(window, { Notification: Recorded, shownNotifications: record });
  });
  // "Today" is Wednesday 25 November 2026 whenever the test runs.
  await page.clock.setFixedTime(FOLLOW_UPS_TODAY);
  const journal = new JournalPage(page);
  await journal.open();
  await journal.logByMouse(ANA_OVERDUE);
  await journal.logByMouse(TOM_DUE_TODAY);

  // Reminders are turned on from Today: the browser asks, the person allows.
  await page.locator('body').press('t');
  await expect(page.getByRole('heading', { name: 'Today', level: 2 })).toBeVisible();
  await context.grantPermissions(['notifications']);
  await page.getByRole('button', { name: 'Turn on reminders' }).click();
  await expect(page.getByText(/^Reminders on:/)).toBeVisible();

  // While the person looks at Relevant the Today badge says it; away, a notification does.
  await setInBackground(page, true);
  await expect
    .poll(() => shown(page))
    .toEqual([
      {
        title: '2 follow-ups are due or overdue',
        body:
          'Send Ana the plant tour dates (Coffee with Ana Lopez)\n' +
          'Ask Tom for the audit report (Call with Tom Alvarez)',
      },
    ]);
  // Once a day: switching away again does not repeat it.
  await setInBackground(page, false);
  await setInBackground(page, true);
  await setInBackground(page, false);

  // Back in Relevant, Tom's follow-up is done with D.
  const tom = page.getByRole('listitem', { name: /^Ask Tom for the audit report/ });
  await tom.focus();
  await page.keyboard.press('d');
  await expect(tom).toHaveCount(0);
  expect(await shown(page)).toHaveLength(1);

  // The next morning only Ana's, still open, is reminded of.
  await page.clock.setFixedTime(new Date('2026-11-26T09:00:00+01:00'));
  await journal.open();
  const nav = page.getByRole('navigation', { name: 'Screens' });
  await expect(nav.getByRole('link', { name: /Today/ })).toContainText('1');
  expect(await shown(page)).toEqual([]);
  await setInBackground(page, true);
  await expect
    .poll(() => shown(page))
    .toEqual([
      {
        title: 'A follow-up is overdue',
        body: 'Send Ana the plant tour dates (Coffee with Ana Lopez)',
      },
    ]);
});
