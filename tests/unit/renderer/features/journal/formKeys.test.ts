import type { KeyboardEvent } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isSaveKey, relevanceFromKey } from '../../../../../renderer/src/features/journal/formKeys';
import {
  contentEditable,
  FakeButton,
  FakeElement,
  FakeInput,
  FakeTextArea,
  installFakeDom,
  keyEvent,
  type KeyOptions,
} from '../../ui/fakeDom';

beforeEach(installFakeDom);
afterEach(() => {
  vi.unstubAllGlobals();
});

const press = (options: KeyOptions) => keyEvent(options) as unknown as KeyboardEvent;

describe('relevanceFromKey', () => {
  it.each([
    ['Digit1', 1],
    ['Digit3', 3],
    ['Digit5', 5],
  ] as const)('rates with %s when focus is not in a text field', (code, rating) => {
    expect(relevanceFromKey(press({ code, target: new FakeButton() }))).toBe(rating);
    expect(relevanceFromKey(press({ code, target: null }))).toBe(rating);
  });

  it('clears the rating with 0 (null), which is not the same as "not a rating key"', () => {
    expect(relevanceFromKey(press({ code: 'Digit0', target: null }))).toBeNull();
    expect(relevanceFromKey(press({ code: 'Digit6', target: null }))).toBeUndefined();
    expect(relevanceFromKey(press({ code: 'KeyA', target: null }))).toBeUndefined();
  });

  it('reads the physical key, so layouts and Alt that change the character still rate', () => {
    // AZERTY: the key in the Digit3 position types '"'; macOS Alt+3 types '£' or '#'.
    expect(relevanceFromKey(press({ code: 'Digit3', key: '"', target: null }))).toBe(3);
    expect(relevanceFromKey(press({ code: 'Digit3', key: '£', altKey: true, target: null }))).toBe(
      3,
    );
  });

  it('leaves plain digits to text fields, where they are text', () => {
    for (const target of [new FakeInput('text'), new FakeInput('number'), new FakeTextArea()]) {
      expect(relevanceFromKey(press({ code: 'Digit4', target }))).toBeUndefined();
    }
    expect(relevanceFromKey(press({ code: 'Digit4', target: contentEditable() }))).toBeUndefined();
  });

  it('rates with Alt+digit anywhere, text fields included', () => {
    expect(
      relevanceFromKey(press({ code: 'Digit4', altKey: true, target: new FakeInput('text') })),
    ).toBe(4);
    expect(
      relevanceFromKey(press({ code: 'Digit0', altKey: true, target: new FakeTextArea() })),
    ).toBeNull();
  });

  it('leaves Ctrl and Cmd with digits to the browser and the system', () => {
    expect(
      relevanceFromKey(press({ code: 'Digit2', ctrlKey: true, target: null })),
    ).toBeUndefined();
    expect(
      relevanceFromKey(press({ code: 'Digit2', metaKey: true, target: null })),
    ).toBeUndefined();
    expect(
      relevanceFromKey(press({ code: 'Digit2', ctrlKey: true, altKey: true, target: null })),
    ).toBeUndefined();
  });

  it('rates with digits in fields that take no text, such as a checkbox', () => {
    expect(relevanceFromKey(press({ code: 'Digit2', target: new FakeInput('checkbox') }))).toBe(2);
  });
});

describe('isSaveKey', () => {
  it('saves on Enter in a one-line field, or with nothing focused', () => {
    expect(isSaveKey(press({ key: 'Enter', target: new FakeInput('text') }))).toBe(true);
    expect(isSaveKey(press({ key: 'Enter', target: null }))).toBe(true);
  });

  it('does not save on other keys, Shift+Enter, or an Enter already handled', () => {
    expect(isSaveKey(press({ key: 'a', code: 'KeyA', target: null }))).toBe(false);
    expect(isSaveKey(press({ key: 'Enter', shiftKey: true, target: null }))).toBe(false);
    expect(isSaveKey(press({ key: 'Enter', defaultPrevented: true, target: null }))).toBe(false);
  });

  it('leaves Enter to multi-line text: the textarea and the reflection editor', () => {
    expect(isSaveKey(press({ key: 'Enter', target: new FakeTextArea() }))).toBe(false);
    expect(isSaveKey(press({ key: 'Enter', target: contentEditable() }))).toBe(false);
  });

  it('saves with Ctrl+Enter or Cmd+Enter even there', () => {
    expect(isSaveKey(press({ key: 'Enter', ctrlKey: true, target: new FakeTextArea() }))).toBe(
      true,
    );
    expect(isSaveKey(press({ key: 'Enter', metaKey: true, target: contentEditable() }))).toBe(true);
  });

  it('leaves Enter to buttons and to open lists, which it activates or picks from', () => {
    expect(isSaveKey(press({ key: 'Enter', target: new FakeButton() }))).toBe(false);
    const openList = new FakeInput('text', { 'aria-expanded': 'true' });
    expect(isSaveKey(press({ key: 'Enter', target: openList }))).toBe(false);
    const closedList = new FakeInput('text', { 'aria-expanded': 'false' });
    expect(isSaveKey(press({ key: 'Enter', target: closedList }))).toBe(true);
    expect(isSaveKey(press({ key: 'Enter', target: new FakeElement() }))).toBe(true);
  });

  it('does not save twice-handled Enter even with Ctrl', () => {
    expect(isSaveKey(press({ key: 'Enter', ctrlKey: true, defaultPrevented: true }))).toBe(false);
  });
});
