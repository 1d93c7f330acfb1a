import { expect, type Locator, type Page } from '@playwright/test';

/** Drives the contacts screen by roles and labels. */
export class ContactsPage {
  constructor(readonly page: Page) {}

  /** Goes to the contacts screen with its shortcut, as a person does. */
  async open(): Promise<void> {
    await this.page.locator('body').press('c');
    await expect(this.page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  async openContact(name: string): Promise<void> {
    await this.section('People').getByRole('button', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }

  /** On a contact's page: edit, fill what is given, save. */
  async edit(fields: {
    organisation?: string;
    role?: string;
    needs?: string[];
    offers?: string[];
  }) {
    await this.page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = this.page.getByRole('dialog', { name: 'Edit contact' });
    if (fields.organisation) await form.getByLabel('Organisation').fill(fields.organisation);
    if (fields.role) await form.getByLabel('Role').fill(fields.role);
    for (const [label, phrases] of [
      ['Needs', fields.needs],
      ['Offers', fields.offers],
    ] as const) {
      for (const phrase of phrases ?? []) {
        await form.getByLabel(label).fill(phrase);
        await form.getByLabel(label).press('Enter');
      }
    }
    await form.getByRole('button', { name: 'Save contact' }).click();
    await expect(form).toBeHidden();
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: 'All contacts' }).click();
    await expect(this.page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  }
}
