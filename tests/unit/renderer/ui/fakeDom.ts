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

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
}

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
