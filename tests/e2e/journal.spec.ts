import { expect, test } from '@playwright/test';
import { JournalPage } from './journalPage';

test.describe('daily interaction journaling', () => {
  test('logs interactions by keyboard and by mouse, and they survive a reload', async ({
    page,
  }) => {
    const journal = new JournalPage(page);
    await journal.open();
    await journal.logByKeyboard({ title: 'Coffee with Ana Lopez', relevance: 4 });
    await journal.logByKeyboard({ title: 'Quick call with a recruiter' });
    await journal.logByMouse({
      title: 'Energy Storage Expo',
      relevance: 2,
      minutes: 240,
      kind: 'Conference',
      place: 'Expo Hall B',
      people: ['Ilse Vos', 'Omar Haddad'],
      outcome: 'One useful lead',
    });

    await page.reload();
    await expect(journal.entries).toHaveCount(3);
    await expect(journal.entry('Coffee with Ana Lopez')).toContainText('High · 4');
    await expect(journal.entry('Coffee with Ana Lopez')).toContainText('30 min · Coffee');
    await expect(journal.entry('Quick call with a recruiter')).toContainText('Unrated');
    const expo = journal.entry('Energy Storage Expo');
    await expect(expo).toContainText('Low · 2');
    await expect(expo).toContainText('4 h · Conference · Expo Hall B');
    await expect(expo).toContainText('With Ilse Vos, Omar Haddad');
    await expect(expo).toContainText('Got: One useful lead');
  });

  test('refuses to save without a title and says why', async ({ page }) => {
    const journal = new JournalPage(page);
    await journal.open();
    await journal.openQuickAddByKey();
    await page.keyboard.press('Enter');
    await expect(journal.dialog.getByText('Give the interaction a title.')).toBeVisible();
    await journal.dialog.getByLabel('Duration').fill('2000');
    await journal.dialog.getByLabel('Title').fill('Too long a meeting');
    await journal.dialog.getByRole('button', { name: 'Save' }).click();
    await expect(journal.dialog.getByText(/at most 24 hours/)).toBeVisible();
    await expect(journal.dialog).toBeVisible();
  });

  test('edits one field and keeps the rest', async ({ page }) => {
    const journal = new JournalPage(page);
    await journal.open();
    await journal.logByMouse({
      title: 'Lunch with Tom Alvarez',
      relevance: 3,
      outcome: 'Two names',
    });
    const drawer = await journal.openEntry('Lunch with Tom Alvarez');
    await drawer.getByLabel('What I got').fill('Two names at Ridgeway Steel and an introduction');
    await drawer.getByRole('button', { name: 'Save changes' }).click();
    await journal.closeDrawer();
    await page.reload();
    const entry = journal.entry('Lunch with Tom Alvarez');
    await expect(entry).toContainText('Got: Two names at Ridgeway Steel and an introduction');
    await expect(entry).toContainText('Medium · 3');
  });

  test('deletes an interaction and brings it back with undo', async ({ page }) => {
    const journal = new JournalPage(page);
    await journal.open();
    await journal.logByKeyboard({ title: 'Alumni happy hour', relevance: 1 });
    await journal.logByKeyboard({ title: 'Informational interview', relevance: 5 });

    await page.getByRole('button', { name: 'Delete Alumni happy hour' }).click();
    await expect(journal.entry('Alumni happy hour')).toHaveCount(0);
    await page.locator('body').press('Control+z');
    await expect(journal.entry('Alumni happy hour')).toBeVisible();

    await page.getByRole('button', { name: 'Delete Alumni happy hour' }).click();
    await expect(journal.entry('Alumni happy hour')).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(journal.entry('Alumni happy hour')).toBeVisible();
    await expect(journal.entries).toHaveCount(2);

    await page.reload();
    await expect(journal.entries).toHaveCount(2);
  });

  test('search finds a word that only a reflection contains', async ({ page }) => {
    const journal = new JournalPage(page);
    await journal.open();
    await journal.logByKeyboard({ title: 'Coffee with Maya Chen', relevance: 5 });
    await journal.logByKeyboard({ title: 'Breakfast club', relevance: 2 });
    const drawer = await journal.openEntry('Coffee with Maya Chen');
    const reflection = drawer.getByRole('textbox', { name: 'Reflection' });
    await reflection.click();
    await page.keyboard.type('Her plant needs a serendipitous hire before spring.');
    await journal.closeDrawer();

    await journal.search('serendipitous');
    await expect(journal.entries).toHaveCount(1);
    await expect(journal.entry('Coffee with Maya Chen')).toBeVisible();
    await journal.search('nothing-like-this');
    await expect(page.getByText('No interactions match these filters.')).toBeVisible();

    await page.reload();
    await journal.search('serendipitous');
    await expect(journal.entries).toHaveCount(1);
  });
});

test.describe('first run', () => {
  test('explains the idea, loads a sample journal, filters it by band and removes it', async ({
    page,
  }) => {
    const journal = new JournalPage(page);
    await journal.open();
    await expect(
      page.getByRole('heading', { name: 'Networking pays when it is relevant' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Load a sample journal' }).click();
    await expect(page.getByText('You are looking at a sample journal')).toBeVisible();
    await expect(journal.entries).toHaveCount(18);

    await journal.bandFilter('Low').click();
    await expect
      .poll(async () => (await journal.titles()).sort())
      .toEqual(
        [
          'Alumni happy hour',
          'Breakfast networking club',
          'Chamber of Commerce mixer',
          'Job club meeting',
          'Startup pitch night',
        ].sort(),
      );
    await journal.bandFilter('Unrated').click();
    await expect(journal.entries).toHaveCount(6);
    await expect(page.getByText('6 of 18 interactions')).toBeVisible();
    await journal.bandFilter('Low').click();
    await journal.bandFilter('Unrated').click();
    await expect(journal.entries).toHaveCount(18);

    await page.screenshot({ path: test.info().outputPath('journal.png'), fullPage: true });
    await test.info().attach('journal', { path: test.info().outputPath('journal.png') });

    await journal.logByKeyboard({ title: 'My own coffee', relevance: 4 });
    await page.getByRole('button', { name: 'Remove sample journal' }).click();
    await expect(journal.entries).toHaveCount(1);
    await expect(journal.entry('My own coffee')).toBeVisible();
  });
});

test('two tabs of the journal show each other’s changes without a reload', async ({ context }) => {
  const first = new JournalPage(await context.newPage());
  const second = new JournalPage(await context.newPage());
  await first.open();
  await second.open();
  await first.logByKeyboard({ title: 'Logged in the first tab', relevance: 4 });
  await expect(second.entry('Logged in the first tab')).toContainText('High · 4');
  await second.page.getByRole('button', { name: 'Delete Logged in the first tab' }).click();
  await expect(first.entries).toHaveCount(0);
});
