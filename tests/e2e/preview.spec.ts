import { expect, test, type Page } from '@playwright/test';
import { JournalPage } from './journalPage';

const JOURNAL_DATABASE = 'relevant-journal';

/** How many interactions the stored preview holds (0 while there is none). */
function storedPreviewCount(page: Page): Promise<number> {
  return page.evaluate(async (name) => {
    const open = indexedDB.open(name);
    open.onupgradeneeded = () => open.transaction?.abort();
    const db = await new Promise<IDBDatabase | null>((resolve) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => resolve(null);
    });
    if (!db) return 0;
    const get = db.transaction('preview').objectStore('preview').get('journal');
    const value = await new Promise<unknown>((resolve) => {
      get.onsuccess = () => resolve(get.result);
    });
    db.close();
    return (value as { count?: number } | undefined)?.count ?? 0;
  }, `${JOURNAL_DATABASE}-preview`);
}

/**
 * Makes reading the journal slow the way a busy disk does: another page of the same origin
 * keeps a transaction on the journal's updates open (each read asks for the next), so the
 * app's own read of the journal waits behind it until `release` is called.
 */
async function holdJournalStore(holder: Page): Promise<{ release: () => Promise<void> }> {
  await holder.goto('/favicon.svg');
  await holder.evaluate((name) => {
    const state = window as unknown as { released?: boolean; holding?: Promise<void> };
    state.holding = new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
      open.onsuccess = () => {
        const db = open.result;
        const store = db.transaction('updates', 'readwrite').objectStore('updates');
        const next = () => {
          if (state.released) {
            db.close();
            resolve();
            return;
          }
          store.count().onsuccess = next;
        };
        next();
      };
    });
  }, JOURNAL_DATABASE);
  return {
    release: () =>
      holder.evaluate(async () => {
        const state = window as unknown as { released?: boolean; holding?: Promise<void> };
        state.released = true;
        await state.holding;
      }),
  };
}

test('shows the journal at once while it opens, logs from it, then lets it be changed', async ({
  context,
}) => {
  const page = await context.newPage();
  const journal = new JournalPage(page);
  await journal.open();
  await journal.logByKeyboard({ title: 'Coffee with Ana Lopez', relevance: 4 });
  await journal.logByKeyboard({ title: 'Quick call with a recruiter' });
  // The preview is written a moment after a change, while the person goes on.
  await expect.poll(() => storedPreviewCount(page)).toBe(2);

  const hold = await holdJournalStore(await context.newPage());
  await page.reload();
  // The app gives up on storage that answers nothing for 10 s: what follows is quick, the
  // logging first (on a busy machine the dialog takes a few seconds to load).
  await expect(page.getByRole('status')).toContainText('Opening your journal…');
  // Logging works at once: kept, shown, and added to the journal as it opens.
  await journal.logByKeyboard({ title: 'Logged while it opened', relevance: 2 });
  await expect(journal.entry('Logged while it opened')).toContainText('Low · 2');
  await expect(page.getByRole('button', { name: 'Delete Coffee with Ana Lopez' })).toBeDisabled();
  await expect(page.getByRole('searchbox', { name: 'Search the journal' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'More actions' })).toBeDisabled();
  await expect(page.getByRole('status')).toContainText('Opening your journal…');
  await hold.release();

  await expect(journal.entry('Coffee with Ana Lopez')).toContainText('High · 4');
  await expect(journal.entry('Quick call with a recruiter')).toContainText('Unrated');
  await journal.waitUntilEditable();
  // The opening status is gone (the header's save status stays, empty while all is saved).
  await expect(page.getByRole('status').filter({ hasText: 'Opening your journal' })).toHaveCount(0);
  await expect(journal.entry('Logged while it opened')).toContainText('Low · 2');
  await journal.logByKeyboard({ title: 'Logged once the journal opened', relevance: 5 });
  await expect(journal.entries).toHaveCount(4);
  const drawer = await journal.openEntry('Quick call with a recruiter');
  await drawer.getByLabel('What I got').fill('A second interview');
  await drawer.getByRole('button', { name: 'Save changes' }).click();
  await journal.closeDrawer();
  await expect(journal.entry('Quick call with a recruiter')).toContainText(
    'Got: A second interview',
  );
  // What was logged from the preview is in the journal once, after a reload too.
  await page.reload();
  await journal.waitUntilEditable();
  await expect(journal.entries).toHaveCount(4);
  await expect(journal.entry('Logged while it opened')).toHaveCount(1);
});
