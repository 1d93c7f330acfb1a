import { expect, test, type Locator, type Page } from '@playwright/test';
import { JournalPage } from './journalPage';

// Short titles that start with the app's shortcuts (C contacts, I insights, R report, G goals,
// P planned, T today, J journal, N log) and hold more of them, so a key that reaches the page
// instead of the title shows as a changed screen as well as a shorter title.
const WORDS = ['Call', 'Intro', 'Run', 'Job fair', 'Gig', 'Pitch', 'Tea', 'Nap', 'Cj', 'Zoë'];

/** A hundred different titles: each word list entry with a number. */
function titles(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${WORDS[index % WORDS.length]} ${index + 1}`);
}

/** Opens the journal, counting every change of screen from then on. */
async function openCountingScreens(page: Page): Promise<JournalPage> {
  await page.addInitScript(() => {
    const counter = window as unknown as { screenChanges: number };
    counter.screenChanges = 0;
    addEventListener('hashchange', () => (counter.screenChanges += 1));
  });
  const journal = new JournalPage(page);
  await journal.open();
  return journal;
}

/**
 * For each title: N, the title at 30 ms a key with no wait for the dialog, Enter; then, if
 * `waitForClose`, until the dialog has gone.
 */
async function logAfterShortcut(
  journal: JournalPage,
  titles: readonly string[],
  waitForClose: boolean,
) {
  for (const title of titles) {
    await journal.page.keyboard.press('n');
    await journal.page.keyboard.type(title, { delay: 30 });
    await journal.page.keyboard.press('Enter');
    if (waitForClose) await expect(journal.dialog).toBeHidden();
  }
  await expect(journal.dialog).toBeHidden();
}

/** Every title is in the journal whole, nothing else is, and the screen never changed. */
async function expectEveryTitleWhole(journal: JournalPage, expected: readonly string[]) {
  await expect(journal.entries).toHaveCount(expected.length);
  const shown = await Promise.all(
    (await journal.entries.all()).map(async (entry) => await entry.getAttribute('aria-label')),
  );
  const missing = expected.filter((title) => !shown.includes(title));
  expect(missing, `titles not found whole: ${missing.join(' | ')}`).toEqual([]);
  const changes = await journal.page.evaluate(
    () => (window as unknown as { screenChanges: number }).screenChanges,
  );
  expect(changes, 'screen changes').toBe(0);
}

test.describe('capture without losing a key', () => {
  test('N then a title typed at 30 ms a key, a hundred times: every title whole, no screen changed', async ({
    page,
  }) => {
    test.setTimeout(360_000);
    const journal = await openCountingScreens(page);
    const expected = titles(100);
    await logAfterShortcut(journal, expected, true);
    await expectEveryTitleWhole(journal, expected);
  });

  test('the next N straight after Enter, while the last dialog is still closing', async ({
    page,
  }) => {
    const journal = await openCountingScreens(page);
    const expected = titles(10);
    await logAfterShortcut(journal, expected, false);
    await expectEveryTitleWhole(journal, expected);
  });

  test('a digit on the rating moves the focus with it, so an arrow goes on from there', async ({
    page,
  }) => {
    const journal = await openCountingScreens(page);
    await journal.openQuickAddByKey();
    await page.keyboard.type('Rotary lunch');
    await page.keyboard.press('Tab');
    const rating = journal.dialog.getByRole('radiogroup', { name: 'Relevance' });
    await expect(rating.getByRole('radio', { name: 'Unrated' })).toBeFocused();
    await page.keyboard.press('4');
    await expect(rating.getByRole('radio', { name: '4' })).toBeChecked();
    await expect(rating.getByRole('radio', { name: '4' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(rating.getByRole('radio', { name: '5' })).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(journal.entry('Rotary lunch')).toContainText('High · 5');
  });

  test('title, Tab, rating and Enter typed straight after N, before the dialog is there', async ({
    page,
  }) => {
    const journal = await openCountingScreens(page);
    for (const [title, rating] of [
      ['Guild meetup', '2'],
      ['Coffee with Gita', '4'],
    ] as const) {
      await page.keyboard.press('n');
      await page.keyboard.type(title, { delay: 30 });
      await page.keyboard.press('Tab');
      await page.keyboard.press(rating);
      await page.keyboard.press('Enter');
      await expect(journal.dialog).toBeHidden();
    }
    await expect(journal.entry('Guild meetup')).toContainText('Low · 2');
    await expect(journal.entry('Coffee with Gita')).toContainText('High · 4');
    await expectEveryTitleWhole(journal, ['Guild meetup', 'Coffee with Gita']);
  });

  test('kind and duration by keyboard: Tab from the rating to Kind, type-ahead, Tab, "1h30"', async ({
    page,
  }) => {
    const journal = await openCountingScreens(page);
    await journal.openQuickAddByKey();
    await page.keyboard.type('Intro call with Priya');
    await page.keyboard.press('Tab');
    await page.keyboard.press('3');
    await page.keyboard.press('Tab');
    await expect(journal.dialog.getByRole('combobox', { name: 'Kind' })).toBeFocused();
    await page.keyboard.type('Call');
    await page.keyboard.press('Tab');
    await expect(journal.dialog.getByLabel('Duration')).toBeFocused();
    await page.keyboard.type('1h30');
    await page.keyboard.press('Enter');
    await expect(journal.dialog).toBeHidden();
    await expect(journal.entry('Intro call with Priya')).toContainText('1 h 30 min · Call');
    await expect(journal.entry('Intro call with Priya')).toContainText('Medium · 3');
  });
});

test.describe('notices beside the forms', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  /**
   * The notices on the page: outside an open dialog they are hidden from its accessibility
   * tree, but still on the screen.
   */
  const notices = (page: Page) => page.getByRole('alert', { includeHidden: true });

  /** Whether any notice on the page overlaps `target`. */
  async function coveredByNotice(page: Page, target: Locator): Promise<boolean> {
    const box = await target.boundingBox();
    if (!box) throw new Error('The target is not on the page');
    for (const notice of await notices(page).all()) {
      const other = await notice.boundingBox();
      if (!other) continue;
      const apart =
        other.x >= box.x + box.width ||
        box.x >= other.x + other.width ||
        other.y >= box.y + box.height ||
        box.y >= other.y + other.height;
      if (!apart) return true;
    }
    return false;
  }

  test('the "Logged" notice tells of the last one, and never covers the next dialog’s Save, nor the drawer’s', async ({
    page,
  }) => {
    const journal = await openCountingScreens(page);
    await journal.logByKeyboard({ title: 'Coffee with Ana' });
    await expect(notices(page).filter({ hasText: 'Logged' })).toBeVisible();
    await journal.openQuickAddByKey();
    const save = journal.dialog.getByRole('button', { name: 'Save' });
    expect(await coveredByNotice(page, save)).toBe(false);
    // The next one logged says so, in place of the last.
    await page.keyboard.type('Rotary lunch');
    await page.keyboard.press('Enter');
    await expect(notices(page).filter({ hasText: 'Logged “Rotary lunch”.' })).toBeVisible();
    await expect(notices(page).filter({ hasText: 'Coffee with Ana' })).toHaveCount(0);

    const drawer = await journal.openEntry('Coffee with Ana');
    await drawer.getByLabel('What I got').fill('An intro to her team lead');
    await drawer.getByRole('button', { name: 'Save changes' }).click();
    await expect(notices(page).filter({ hasText: 'Changes saved.' })).toBeVisible();
    expect(await coveredByNotice(page, drawer.getByRole('button', { name: 'Save changes' }))).toBe(
      false,
    );
  });
});
