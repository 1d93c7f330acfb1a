/**
 * Just enough of the DOM's element classes for the keyboard helpers, which tell elements
 * apart with `instanceof` (the tests run in Node, without jsdom or happy-dom).
 */
import { vi, type Mock } from 'vitest';

export class FakeElement {
  isContentEditable = false;
  private readonly attributes = new Map<string, string>();

  constructor(attributes: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(attributes)) this.attributes.set(name, value);
  }

  /** The element it sits in, for `closest`. */
  parent: FakeElement | null = null;

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  /** Itself or the nearest element it sits in whose role is one the selector names by `[role="…"]`. */
  closest(selector: string): FakeElement | null {
    const roles = [...selector.matchAll(/\[role="([\w-]+)"\]/g)].map((match) => match[1]);
    const role = this.getAttribute('role');
    if (role !== null && roles.includes(role)) return this;
    return this.parent?.closest(selector) ?? null;
  }

  /** Puts `child` inside this element; returns the child. */
  append<T extends FakeElement>(child: T): T {
    child.parent = this;
    return child;
  }
}

/** The page: whether a modal dialog is open over it, for `document.querySelector`. */
export const fakePage = { modalOpen: false };

export class FakeInput extends FakeElement {
  constructor(
    readonly type: string,
    attributes: Record<string, string> = {},
  ) {
    super(attributes);
  }
}

export class FakeTextArea extends FakeElement {}

export class FakeButton extends FakeElement {}

/** An element whose text the person edits in place (the Tiptap reflection editor). */
export function contentEditable(): FakeElement {
  const element = new FakeElement();
  element.isContentEditable = true;
  return element;
}

/** Installs the fakes as HTMLElement, HTMLInputElement, … for the current test. */
export function installFakeDom(): void {
  vi.stubGlobal('HTMLElement', FakeElement);
  vi.stubGlobal('HTMLInputElement', FakeInput);
  vi.stubGlobal('HTMLTextAreaElement', FakeTextArea);
  vi.stubGlobal('HTMLButtonElement', FakeButton);
  fakePage.modalOpen = false;
  vi.stubGlobal('document', {
    querySelector: (selector: string) =>
      selector.includes('aria-modal') && fakePage.modalOpen ? new FakeElement() : null,
  });
}

export interface KeyOptions {
  readonly key?: string;
  readonly code?: string;
  readonly altKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly shiftKey?: boolean;
  readonly defaultPrevented?: boolean;
  readonly target?: FakeElement | null;
}

/** A keydown event with the fields the handlers read; cast it to the event type they take. */
export interface FakeKeyEvent extends Required<KeyOptions> {
  readonly preventDefault: Mock<() => void>;
}

export function keyEvent(options: KeyOptions): FakeKeyEvent {
  return {
    key: '',
    code: '',
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    defaultPrevented: false,
    target: null,
    preventDefault: vi.fn<() => void>(),
    ...options,
  };
}
