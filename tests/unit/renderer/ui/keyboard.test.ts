import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isTextEntry, unlessTyping } from '../../../../renderer/src/ui/keyboard';
import {
  contentEditable,
  FakeButton,
  FakeElement,
  FakeInput,
  FakeTextArea,
  fakePage,
  installFakeDom,
  keyEvent,
} from './fakeDom';

beforeEach(installFakeDom);
afterEach(() => {
  vi.unstubAllGlobals();
});

const asTarget = (element: FakeElement | null) => element as unknown as EventTarget | null;

describe('isTextEntry', () => {
  it.each(['text', 'search', 'number', 'datetime-local', 'email', 'url', 'tel'])(
    'is true in an <input type="%s">, where keys type text',
    (type) => {
      expect(isTextEntry(asTarget(new FakeInput(type)))).toBe(true);
    },
  );

  it('is true in a textarea and in the reflection editor', () => {
    expect(isTextEntry(asTarget(new FakeTextArea()))).toBe(true);
    expect(isTextEntry(asTarget(contentEditable()))).toBe(true);
  });

  it.each(['checkbox', 'radio', 'button', 'range', 'submit'])(
    'is false in an <input type="%s">, where keys type nothing',
    (type) => {
      expect(isTextEntry(asTarget(new FakeInput(type)))).toBe(false);
    },
  );

  it('is false on buttons, other elements, nothing, and non-elements', () => {
    expect(isTextEntry(asTarget(new FakeButton()))).toBe(false);
    expect(isTextEntry(asTarget(new FakeElement()))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
    expect(isTextEntry({} as EventTarget)).toBe(false);
  });
});

describe('unlessTyping', () => {
  it('runs the action and claims the key when focus is not in a text field', () => {
    const action = vi.fn();
    const [hotkey, handler, options] = unlessTyping('n', action);
    expect(hotkey).toBe('n');
    expect(options).toEqual({ preventDefault: false });

    const event = keyEvent({ key: 'n', target: new FakeButton() });
    handler(event as unknown as KeyboardEvent);
    expect(action).toHaveBeenCalledTimes(1);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('leaves the key to the text field while the person types', () => {
    const action = vi.fn();
    const [, handler] = unlessTyping('n', action);
    for (const target of [new FakeInput('text'), new FakeTextArea(), contentEditable()]) {
      const event = keyEvent({ key: 'n', target });
      handler(event as unknown as KeyboardEvent);
      expect(event.preventDefault).not.toHaveBeenCalled();
    }
    expect(action).not.toHaveBeenCalled();
  });

  it.each(['dialog', 'menu', 'listbox'])(
    'leaves a single letter alone in a %s (its keys are its own), and Ctrl+Z still undoes',
    (role) => {
      const action = vi.fn();
      const undo = vi.fn();
      const [, letter] = unlessTyping('c', action);
      const [, modZ] = unlessTyping('mod+z', undo);
      const inside = new FakeElement({ role }).append(new FakeElement()).append(new FakeButton());
      const event = keyEvent({ key: 'c', target: inside });
      letter(event as unknown as KeyboardEvent);
      expect(action).not.toHaveBeenCalled();
      expect(event.preventDefault).not.toHaveBeenCalled();
      modZ(keyEvent({ key: 'z', ctrlKey: true, target: inside }) as unknown as KeyboardEvent);
      expect(undo).toHaveBeenCalledTimes(1);
    },
  );

  it('runs a single letter once the focus has left a dialog on its way out', () => {
    const action = vi.fn();
    const [, handler] = unlessTyping('j', action);
    fakePage.modalOpen = true; // still on the page, closing
    handler(keyEvent({ key: 'j', target: new FakeButton() }) as unknown as KeyboardEvent);
    expect(action).toHaveBeenCalledTimes(1);
  });
});
