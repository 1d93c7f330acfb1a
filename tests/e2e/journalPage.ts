import { expect, type Locator, type Page } from '@playwright/test';

export interface QuickEntry {
  title: string;
  /** Local date and time as the When field takes it: 2026-10-06T09:00. */
  when?: string;
  relevance?: 1 | 2 | 3 | 4 | 5;
  minutes?: number;
  kind?: string;
  place?: string;
  people?: string[];
  intent?: string;
  outcome?: string;
  nextStep?: string;
  /** The next step's due day: 2026-11-24. */
  nextStepDue?: string;
}

/** Drives the journal screen the way a person does: by roles, labels and keys. */
export class JournalPage {
  constructor(readonly page: Page) {}

  /** Opens the app and waits until the journal can be changed, as a person does. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Relevant', level: 1 })).toBeVisible();
    await this.waitUntilEditable();
  }

  get logButton(): Locator {
    return this.page.getByRole('button', { name: 'Log interaction' });
  }

  /**
   * The journal shows its last preview until the document itself has loaded: only logging
   * works there; the menu opens once the journal has.
   */
  async waitUntilEditable(): Promise<void> {
    await expect(this.page.getByRole('button', { name: 'More actions' })).toBeEnabled();
  }

  get entries(): Locator {
    return this.page.getByRole('article');
  }

  entry(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Log an interaction' });
  }

  /** Presses N and waits until the title field has the focus, as a person sees the cursor there. */
  async openQuickAddByKey(): Promise<void> {
    await this.page.locator('body').press('n');
    await expect(this.dialog.getByLabel('Title')).toBeFocused();
  }

  /** Quick-add with the keyboard only: N, title, Tab to the rating, a digit, Enter. */
  async logByKeyboard(entry: QuickEntry): Promise<void> {
    await this.openQuickAddByKey();
    await this.page.keyboard.type(entry.title);
    if (entry.relevance) {
      await this.page.keyboard.press('Tab');
      await this.page.keyboard.press(String(entry.relevance));
    }
    await this.page.keyboard.press('Enter');
    await expect(this.dialog).toBeHidden();
  }

  /** Quick-add with the mouse, filling the named fields. */
  async logByMouse(entry: QuickEntry): Promise<void> {
    await this.logButton.click();
    const form = this.dialog;
    await form.getByLabel('Title').fill(entry.title);
    if (entry.when) await form.getByLabel('When').fill(entry.when);
    if (entry.relevance) {
      await form
        .getByRole('radiogroup', { name: 'Relevance' })
        .getByText(String(entry.relevance), { exact: true })
        .click();
    }
    if (entry.minutes !== undefined) await form.getByLabel('Duration').fill(`${entry.minutes}m`);
    if (entry.kind) {
      await form.getByRole('combobox', { name: 'Kind' }).selectOption({ label: entry.kind });
    }
    if (entry.place) await form.getByLabel('Organiser or place').fill(entry.place);
    for (const person of entry.people ?? []) {
      await form.getByLabel('People met').fill(person);
      await form.getByLabel('People met').press('Enter');
    }
    if (entry.intent) await form.getByLabel('What I wanted').fill(entry.intent);
    if (entry.outcome) await form.getByLabel('What I got').fill(entry.outcome);
    if (entry.nextStep) await form.getByLabel('Next step').fill(entry.nextStep);
    if (entry.nextStepDue) await form.getByLabel('Due', { exact: true }).fill(entry.nextStepDue);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
  }

  async openEntry(title: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Open ${title}`, exact: true }).click();
    const drawer = this.page.getByRole('dialog', { name: title });
    await expect(drawer).toBeVisible();
    return drawer;
  }

  async closeDrawer(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByRole('dialog')).toHaveCount(0);
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search the journal' }).fill(text);
  }

  bandFilter(name: 'High' | 'Medium' | 'Low' | 'Unrated'): Locator {
    return this.page
      .getByRole('group', { name: 'Relevance bands' })
      .getByText(name, { exact: true });
  }

  async titles(): Promise<string[]> {
    return this.entries.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('aria-label') ?? ''),
    );
  }
}
