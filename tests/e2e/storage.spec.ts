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

/**
 * Makes every IndexedDB write of the page abort while `window.failWrites` is true, as a full
 * or failing disk does (the transaction aborts; nothing it wrote is kept).
 */
function failWritesOnDemand(): void {
  const state = window as unknown as { failWrites?: boolean };
  for (const method of ['add', 'put', 'delete'] as const) {
    const original = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, method)?.value as (
      this: IDBObjectStore,
      ...args: unknown[]
    ) => IDBRequest;
    Object.defineProperty(IDBObjectStore.prototype, method, {
      configurable: true,
      value(this: IDBObjectStore, ...args: unknown[]) {
        const request = original.apply(this, args);
        if (state.failWrites) this.transaction.abort();
        return request;
      },
    });
  }
}

test('a failed write is said in the header until the journal is written again, and nothing is lost', async ({
  page,
}) => {
  await page.addInitScript(failWritesOnDemand);
  const journal = new JournalPage(page);
  await journal.open();
  await journal.logByKeyboard({ title: 'Coffee with Ana Lopez', relevance: 4 });
  const setFailing = (failing: boolean) =>
    page.evaluate((value) => {
      (window as unknown as { failWrites?: boolean }).failWrites = value;
    }, failing);

  await setFailing(true);
  await journal.logByKeyboard({ title: 'Logged while the disk failed' });
  const notSaved = page.getByRole('button', { name: /Changes not saved on this device/ });
  await expect(notSaved).toBeVisible();
  await expect(page.getByText('Changes are not being saved')).toBeVisible();
  // It keeps saying so while writes keep failing, with later changes too.
  await journal.logByKeyboard({ title: 'Logged after that' });
  await page.waitForTimeout(1_500);
  await expect(notSaved).toBeVisible();

  // Leaving the page now would lose them: the browser asks first (the person stays).
  const asked = new Promise<string>((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    });
  });
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);

  // The disk works again; the person asks to save now (it would retry on its own).
  await setFailing(false);
  await notSaved.click();
  await expect(
    page.getByRole('status').filter({ hasText: 'all changes are stored on this device' }),
  ).toBeVisible();
  await expect(notSaved).toHaveCount(0);
  await expect(page.getByText('Your changes are saved again')).toBeVisible();

  await page.reload();
  await journal.waitUntilEditable();
  expect((await journal.titles()).sort()).toEqual([
    'Coffee with Ana Lopez',
    'Logged after that',
    'Logged while the disk failed',
  ]);
});
