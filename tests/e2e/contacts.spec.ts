import { expect, test, type Locator, type Page } from '@playwright/test';
import { ContactsPage } from './contactsPage';
import { JournalPage } from './journalPage';

/** The local date and time `days` ago at 12:30, as the When field takes it. */
function daysAgoAtLunch(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T12:30`;
}

/** Types a name under People met and creates the contact on the spot. */
async function meetNewContact(page: Page, form: Locator, name: string) {
  await form.getByLabel('People met').fill(name);
  await page.getByRole('option', { name: `Create contact “${name}”` }).click();
  await expect(form.getByText(name, { exact: true })).toBeVisible();
}

test('connecting the dots: the plant manager from a lunch is suggested to the company that needs one', async ({
  page,
}) => {
  const journal = new JournalPage(page);
  const contacts = new ContactsPage(page);
  // Mid-month, so that the report opens on this month (in a month's first week it opens on
  // the last complete one) and the introduction recorded today is in it.
  const now = new Date();
  await page.clock.setFixedTime(new Date(now.getFullYear(), now.getMonth(), 15, 12));
  await journal.open();

  // A lunch with a former plant manager; she becomes a contact right from quick-add.
  await journal.logButton.click();
  await journal.dialog.getByLabel('Title').fill('Lunch with Rosa');
  await journal.dialog.getByLabel('When').fill(daysAgoAtLunch(21));
  await journal.dialog.getByLabel('Duration').fill('1h30');
  await journal.dialog
    .getByRole('radiogroup', { name: 'Relevance' })
    .getByText('5', { exact: true })
    .click();
  await meetNewContact(page, journal.dialog, 'Rosa Delgado');
  await journal.dialog.getByRole('button', { name: 'Save' }).click();
  await expect(journal.dialog).toBeHidden();

  await contacts.open();
  await contacts.openContact('Rosa Delgado');
  await contacts.edit({ role: 'Former plant manager', offers: ['plant management experience'] });
  const time = contacts.section('Time together');
  await expect(time).toContainText('Total time1.5 h');
  await expect(time).toContainText('Relevance (time-weighted)5.0');
  await expect(contacts.section('Interactions')).toContainText('Lunch with Rosa');

  // The lunch opens from her page, by keyboard, to write down what came of it.
  await contacts
    .section('Interactions')
    .getByRole('button', { name: 'Open Lunch with Rosa' })
    .focus();
  await page.keyboard.press('Enter');
  const lunch = page.getByRole('dialog', { name: 'Lunch with Rosa' });
  await lunch.getByLabel('What I got').fill('Tips on food safety audits');
  await lunch.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(lunch).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Rosa Delgado', level: 1 })).toBeVisible();

  // Weeks later, a call with someone whose company needs a plant manager.
  await journal.logButton.click();
  await journal.dialog.getByLabel('Title').fill('Call with Tom');
  await journal.dialog.getByLabel('Duration').fill('20 min');
  await meetNewContact(page, journal.dialog, 'Tom Alvarez');
  // Rosa joined the call; typed in a hurry, she becomes a second contact.
  await meetNewContact(page, journal.dialog, 'Rosa D.');
  await journal.dialog.getByRole('button', { name: 'Save' }).click();
  await expect(journal.dialog).toBeHidden();

  await contacts.back();
  await contacts.openContact('Tom Alvarez');
  await contacts.edit({ organisation: 'Acme Foods', needs: ['a plant manager'] });

  // The introduction is suggested on his page, with the reason.
  const suggestion = contacts
    .section('Suggested introductions')
    .getByRole('listitem', { name: 'Introduce Rosa Delgado → Tom Alvarez' });
  await expect(suggestion).toContainText(
    'Rosa Delgado offers “plant management experience”; Tom Alvarez (Acme Foods) needs “a plant manager”',
  );

  // “Rosa D.” is Rosa Delgado: merged into her contact, the call moves to her page.
  await contacts.back();
  await contacts.openContact('Rosa Delgado');
  await expect(time).toContainText('Interactions1Total time');
  await page.getByRole('button', { name: 'Merge…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge into “Rosa Delgado”' });
  await merge.getByRole('combobox', { name: 'Contact to merge' }).fill('Rosa');
  await page.getByRole('option', { name: 'Rosa D.', exact: true }).click();
  await expect(merge).toContainText('1 interaction and 0 introductions move from “Rosa D.”');
  await merge.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(merge).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'Contacts merged' })).toContainText(
    '“Rosa D.” was merged into “Rosa Delgado”.',
  );
  await expect(time).toContainText('Interactions2Total time');
  await expect(contacts.section('Interactions')).toContainText('Call with Tom');

  // Record it from the list on the contacts screen.
  await contacts.back();
  await expect(contacts.section('People').getByRole('button', { name: 'Rosa D.' })).toHaveCount(0);
  await contacts
    .section('Suggested introductions')
    .getByRole('listitem', { name: 'Introduce Rosa Delgado → Tom Alvarez' })
    .getByRole('button', { name: 'Record' })
    .click();
  const record = page.getByRole('dialog', { name: 'Record the introduction' });
  await expect(record.getByLabel('The need')).toHaveValue('a plant manager');
  await record.getByLabel('What came of it').fill('Tom invited Rosa to interview');
  await record.getByRole('button', { name: 'Record introduction' }).click();
  await expect(record).toBeHidden();

  await expect(contacts.section('Suggested introductions')).toContainText(
    'When one contact needs what another offers',
  );
  const ledger = contacts.section('Introductions ledger').getByRole('table');
  await expect(ledger).toContainText('Rosa Delgado → Tom Alvarez');
  await expect(ledger).toContainText('Tom invited Rosa to interview');

  // The month's report lists it.
  await page.locator('body').press('r');
  const introductions = page
    .getByRole('article', { name: /^Relevance report:/ })
    .getByRole('region', { name: 'Introductions', exact: true });
  await expect(introductions).toContainText(
    '1 introduction this month (1 made, 0 received); the ledger: 1 made, 0 received.',
    { timeout: 30_000 },
  );
  await expect(introductions).toContainText('Tom invited Rosa to interview');
});
