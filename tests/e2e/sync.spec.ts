import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { addJournal } from '../../electron/sync-server';
import { databasePath } from '../../electron/sync-server/journalRegistry';
import { formatSyncLink } from '../../shared/sync';
import { JournalPage } from './journalPage';
import { SYNC_DATA_DIR, SYNC_URL } from './syncServer';

// Two devices are two browser contexts (each its own storage), on one real sync server.

/** A new device: its own browser storage, the app open, the journal editable. */
async function newDevice(browser: Browser): Promise<JournalPage> {
  const context = await browser.newContext();
  const journal = new JournalPage(await context.newPage());
  await journal.open();
  return journal;
}

const syncStatus = (page: Page, label: string) =>
  page.getByRole('button', { name: new RegExp(`^Sync: ${label}`) });

/** Settings → Sync: paste the sync link and connect. */
async function joinWithLink(page: Page, link: string): Promise<void> {
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Sync…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sync' });
  await dialog.getByLabel('Sync link').fill(link);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByRole('status')).toContainText(/Synced|Syncing|Connecting/);
  await page.keyboard.press('Escape');
  await expect(syncStatus(page, 'Synced')).toBeVisible({ timeout: 15_000 });
}

/** Whether the page has fetched the reflection editor's code. */
function editorLoaded(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .some((entry) => entry.name.includes('ReflectionEditor')),
  );
}

async function writeReflection(journal: JournalPage, title: string, text: string) {
  const drawer = await journal.openEntry(title);
  const reflection = drawer.getByRole('textbox', { name: 'Reflection' });
  await reflection.click();
  await journal.page.keyboard.press('End');
  await journal.page.keyboard.type(text);
  await journal.closeDrawer();
}

async function editField(journal: JournalPage, title: string, label: string, value: string) {
  const drawer = await journal.openEntry(title);
  await drawer.getByLabel(label).fill(value);
  await drawer.getByRole('button', { name: 'Save changes' }).click();
  await journal.closeDrawer();
}

test('two devices edit offline, meet again with every edit kept, and a third joins with the link', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { journalId, token } = addJournal(SYNC_DATA_DIR);
  const link = formatSyncLink({ serverUrl: `${SYNC_URL}/`, journalId, token });

  const laptop = await newDevice(browser);
  await expect(syncStatus(laptop.page, 'Local only')).toBeVisible();
  await laptop.logByMouse({
    title: 'Lunch with a former plant manager',
    relevance: 4,
    place: 'Cafe Roma',
  });
  await joinWithLink(laptop.page, link);

  const desktop = await newDevice(browser);
  await joinWithLink(desktop.page, link);
  await expect(desktop.entry('Lunch with a former plant manager')).toContainText('High · 4');

  // A web page needs its code before it goes offline: the reflection editor loads once the
  // journal is open.
  for (const device of [laptop, desktop])
    await expect.poll(() => editorLoaded(device.page)).toBe(true);
  await laptop.page.context().setOffline(true);
  await desktop.page.context().setOffline(true);
  await expect(syncStatus(laptop.page, 'Offline')).toBeVisible();
  await expect(syncStatus(desktop.page, 'Offline')).toBeVisible();

  // Apart: different fields of the same interaction, the same reflection, one new entry each.
  await editField(
    laptop,
    'Lunch with a former plant manager',
    'What I got',
    'An offer to introduce me',
  );
  await editField(
    desktop,
    'Lunch with a former plant manager',
    'Organiser or place',
    'Cafe Roma, Leeds',
  );
  await writeReflection(laptop, 'Lunch with a former plant manager', 'Laptop: she knows the COO.');
  await writeReflection(desktop, 'Lunch with a former plant manager', 'Desktop: ask about March.');
  await laptop.logByKeyboard({ title: 'Call logged on the laptop', relevance: 5 });
  await desktop.logByKeyboard({ title: 'Meetup logged on the desktop', relevance: 2 });
  await expect(syncStatus(laptop.page, 'Offline')).toHaveAccessibleName(/unsynced/);
  await expect(laptop.entry('Meetup logged on the desktop')).toHaveCount(0);

  await laptop.page.context().setOffline(false);
  await desktop.page.context().setOffline(false);
  for (const device of [laptop, desktop]) {
    await expect(syncStatus(device.page, 'Synced')).toBeVisible({ timeout: 20_000 });
  }

  const third = await newDevice(browser);
  await joinWithLink(third.page, link);
  for (const device of [laptop, desktop, third]) {
    await expect(device.entries).toHaveCount(3);
    await expect(device.entry('Call logged on the laptop')).toContainText('High · 5');
    await expect(device.entry('Meetup logged on the desktop')).toContainText('Low · 2');
    const lunch = device.entry('Lunch with a former plant manager');
    await expect(lunch).toContainText('Cafe Roma, Leeds');
    await expect(lunch).toContainText('Got: An offer to introduce me');
    const drawer = await device.openEntry('Lunch with a former plant manager');
    const reflection = drawer.getByRole('textbox', { name: 'Reflection' });
    await expect(reflection).toContainText('Laptop: she knows the COO.');
    await expect(reflection).toContainText('Desktop: ask about March.');
    await device.closeDrawer();
  }
});

test('a wrong token is refused with the reason, and the journal stays on the device', async ({
  browser,
}) => {
  const { journalId } = addJournal(SYNC_DATA_DIR);
  const device = await newDevice(browser);
  await device.logByKeyboard({ title: 'Kept here', relevance: 3 });
  await joinWithLinkExpectingRefusal(
    device.page,
    formatSyncLink({ serverUrl: `${SYNC_URL}/`, journalId, token: 'x'.repeat(43) }),
  );
  await expect(device.entry('Kept here')).toBeVisible();
});

test('a change the server cannot store is said in the header and kept, and syncs once the server stores it', async ({
  browser,
}) => {
  const { journalId, token } = addJournal(SYNC_DATA_DIR);
  const link = formatSyncLink({ serverUrl: `${SYNC_URL}/`, journalId, token });
  const laptop = await newDevice(browser);
  await joinWithLink(laptop.page, link);

  // This journal's rows on the server refuse every write, as a full disk would.
  const db = new Database(databasePath(SYNC_DATA_DIR), { timeout: 5000 });
  const tables = ['documents', 'changes'];
  for (const table of tables) {
    db.exec(
      `CREATE TRIGGER full_${table} BEFORE INSERT ON ${table} WHEN NEW.name = '${journalId}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
  }
  try {
    await laptop.logByKeyboard({ title: 'Coffee while the server disk is full', relevance: 4 });
    await expect(syncStatus(laptop.page, 'Not synced')).toBeVisible({ timeout: 15_000 });
    await syncStatus(laptop.page, 'Not synced').click();
    const dialog = laptop.page.getByRole('dialog', { name: 'Sync' });
    await expect(dialog.getByRole('status')).toContainText(
      /The server could not store a change: its disk is full or its database out of reach\. \d+ changes? kept on this device/,
    );
    await laptop.page.keyboard.press('Escape');
    await expect(laptop.entry('Coffee while the server disk is full')).toBeVisible();
  } finally {
    for (const table of tables) db.exec(`DROP TRIGGER full_${table}`);
    db.close();
  }
  await expect(syncStatus(laptop.page, 'Synced')).toBeVisible({ timeout: 40_000 });
  const phone = await newDevice(browser);
  await joinWithLink(phone.page, link);
  await expect(phone.entry('Coffee while the server disk is full')).toBeVisible();
});

async function joinWithLinkExpectingRefusal(page: Page, link: string) {
  await page.getByRole('button', { name: /^Sync: / }).click();
  const dialog = page.getByRole('dialog', { name: 'Sync' });
  await dialog.getByLabel('Sync link').fill(link);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByRole('status')).toContainText(/token/i, { timeout: 15_000 });
  await expect(dialog.getByRole('button', { name: 'Try again' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(syncStatus(page, 'Sync refused')).toBeVisible();
}
