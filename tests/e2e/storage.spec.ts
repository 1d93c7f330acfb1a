import { expect, test, type Page } from '@playwright/test';
import { JournalPage } from './journalPage';

const JOURNAL_DATABASE = 'relevant-journal';

/** Replaces the journal's database with one that has the wrong layout (a damaged store). */
async function damageJournalStore(page: Page): Promise<void> {
  await page.goto('/favicon.svg'); // same origin, without the app holding the database open
  await page.evaluate(async (name) => {
    const done = (request: IDBRequest | IDBOpenDBRequest) =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('request failed'));
      });
    await done(indexedDB.deleteDatabase(name));
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('leftovers');
    const db = (await done(open)) as IDBDatabase;
    await done(
      db.transaction('leftovers', 'readwrite').objectStore('leftovers').put('precious', 'k'),
    );
    db.close();
  }, JOURNAL_DATABASE);
}

/** What the damaged database still holds. */
async function leftovers(page: Page): Promise<unknown> {
  return page.evaluate(async (name) => {
    const open = indexedDB.open(name);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const get = db.transaction('leftovers').objectStore('leftovers').get('k');
    const value = await new Promise((resolve) => {
      get.onsuccess = () => resolve(get.result);
    });
    db.close();
    return value;
  }, JOURNAL_DATABASE);
}

async function backUpNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Back up now' }).click();
  await expect(page.getByText(/Backup stored/)).toBeVisible();
}

async function restoreNewestBackup(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await expect(dialog.getByRole('table', { name: 'Backups' })).toBeVisible();
  await dialog
    .getByRole('button', { name: /Restore the backup from/ })
    .first()
    .click();
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(dialog).toBeHidden();
}

test('a damaged journal store is reported and left as it was, never replaced by an empty journal', async ({
  page,
}) => {
  await damageJournalStore(page);
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: 'Your journal could not be opened' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await expect(page.getByText('Nothing has been changed or deleted.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(0);

  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(
    page.getByRole('heading', { name: 'Your journal could not be opened' }),
  ).toBeVisible();
  await page.goto('/favicon.svg');
  expect(await leftovers(page)).toBe('precious');
});

test('restores the journal from a backup after its store was damaged', async ({ page }) => {
  const journal = new JournalPage(page);
  await journal.open();
  await journal.logByKeyboard({ title: 'Coffee with Maya Chen', relevance: 5 });
  await journal.logByKeyboard({ title: 'Chamber of Commerce mixer', relevance: 2 });
  await backUpNow(page);

  await damageJournalStore(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Restore from backup…' }).click();
  await restoreNewestBackup(page);

  await expect(journal.entries).toHaveCount(2);
  await expect(journal.entry('Coffee with Maya Chen')).toContainText('High · 5');
  await page.reload();
  await expect(journal.entries).toHaveCount(2);
});

test('restoring a backup replaces later changes and keeps a backup of them first', async ({
  page,
}) => {
  const journal = new JournalPage(page);
  await journal.open();
  await journal.logByKeyboard({ title: 'Lunch with Tom Alvarez', relevance: 4 });
  await backUpNow(page);
  await journal.logByKeyboard({ title: 'Logged after the backup', relevance: 1 });
  await expect(journal.entries).toHaveCount(2);

  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Restore from backup…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await expect(dialog.getByRole('row')).toHaveCount(2); // header and one backup
  await restoreNewestBackup(page);
  await expect(journal.entries).toHaveCount(1);
  await expect(journal.entry('Lunch with Tom Alvarez')).toBeVisible();

  // The journal as it was before restoring was backed up, so the restore can be reversed.
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Restore from backup…' }).click();
  await expect(dialog.getByRole('row')).toHaveCount(3);
  await restoreNewestBackup(page);
  await expect(journal.entries).toHaveCount(2);
  await expect(journal.entry('Logged after the backup')).toBeVisible();
});

test('a backup restored in one tab shows in the other tabs', async ({ context }) => {
  const first = new JournalPage(await context.newPage());
  const second = new JournalPage(await context.newPage());
  await first.open();
  await first.logByKeyboard({ title: 'Kept in the backup', relevance: 4 });
  await backUpNow(first.page);
  await first.logByKeyboard({ title: 'Logged after the backup', relevance: 2 });
  await second.open();
  await expect(second.entries).toHaveCount(2);

  await first.page.getByRole('button', { name: 'More actions' }).click();
  await first.page.getByRole('menuitem', { name: 'Restore from backup…' }).click();
  await restoreNewestBackup(first.page);
  await expect(first.entries).toHaveCount(1);
  await expect(second.entries).toHaveCount(1);
  await expect(second.entry('Kept in the backup')).toBeVisible();
});
