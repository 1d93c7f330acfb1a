import { isTextEntry } from './keyboard';

/** How long keys are held for a field that does not come (its dialog could not open). */
const HOLD_LIMIT_MS = 3000;

/** Keys that mean something to a field besides text, replayed as key presses. */
const REPLAYED_KEYS = new Set(['Enter', 'Escape', 'Tab', 'Backspace']);

/** A key as typed: its text (or name) and physical key (the rating reads "Digit4"). */
type HeldKey = { readonly code: string } & (
  { readonly text: string } | { readonly key: string; readonly shiftKey: boolean }
);

/** Whether keys are being held now: a second shortcut while they are adds to the same keys. */
let holding = false;

/**
 * Holds the keys typed from now until a text field takes the focus (a dialog opened by a
 * shortcut, drawing or still loading its code), then types them into it, in order: a person
 * who presses N and types at once loses no letter, and no letter reaches the page's shortcuts
 * meanwhile. Keys with Ctrl or ⌘ go on as they are. Gives up after a few seconds if no field
 * comes.
 */
export function holdKeysForTextField(): void {
  if (holding) return;
  const keys: HeldKey[] = [];
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.isComposing) return;
    if (isTextEntry(event.target)) {
      // The field has the focus already: what was held goes first.
      release(event.target as HTMLElement);
      return;
    }
    if (event.key.length === 1) {
      keys.push({ text: event.key, code: event.code });
    } else if (REPLAYED_KEYS.has(event.key)) {
      keys.push({ key: event.key, code: event.code, shiftKey: event.shiftKey });
    } else {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const onFocusIn = (event: FocusEvent) => {
    if (isTextEntry(event.target)) release(event.target as HTMLElement);
  };
  const timer = window.setTimeout(() => stop(), HOLD_LIMIT_MS);
  const stop = () => {
    window.clearTimeout(timer);
    window.removeEventListener('keydown', onKeyDown, true);
    window.removeEventListener('focusin', onFocusIn, true);
    holding = false;
  };
  const release = (field: HTMLElement) => {
    stop();
    typeInto(field, keys);
  };
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('focusin', onFocusIn, true);
  holding = true;
}

/**
 * Plays held keys back where the focus is now: text typed into a text field, Tab moving the
 * focus within the dialog, any other key pressed on the focused element (a digit on the
 * rating, Enter to save, Escape to close).
 */
function typeInto(field: HTMLElement, keys: readonly HeldKey[]): void {
  let text = '';
  const focused = () =>
    document.activeElement instanceof HTMLElement ? document.activeElement : field;
  const flushText = () => {
    if (text) insertText(focused(), text);
    text = '';
  };
  for (const held of keys) {
    if ('text' in held && isTextEntry(focused())) {
      text += held.text;
      continue;
    }
    flushText();
    const key = 'text' in held ? held.text : held.key;
    const shiftKey = 'shiftKey' in held && held.shiftKey;
    if (key === 'Tab') moveFocus(focused(), shiftKey);
    else if (key === 'Backspace' && isTextEntry(focused())) deleteBackward(focused());
    else press(focused(), key, held.code, shiftKey);
  }
  flushText();
}

function press(target: HTMLElement, key: string, code: string, shiftKey: boolean): void {
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, code, shiftKey, bubbles: true, cancelable: true }),
  );
}

const TABBABLE = 'input, select, textarea, button, a[href], [tabindex]';

/** Tab's own move, within the dialog holding `from` (or the page). */
function moveFocus(from: HTMLElement, backwards: boolean): void {
  const scope = from.closest('[role="dialog"]') ?? document.body;
  const stops = [...scope.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) =>
      element.tabIndex >= 0 && !element.matches(':disabled') && element.getClientRects().length > 0,
  );
  const index = stops.indexOf(from);
  const next = stops[(index + (backwards ? -1 : 1) + stops.length) % stops.length];
  next?.focus();
}

function deleteBackward(field: HTMLElement): void {
  if (!isEditableText(field)) return;
  const { selectionStart: start, selectionEnd: end } = field;
  if (start === null || end === null) return;
  replaceSelection(field, '', start === end ? Math.max(0, start - 1) : start, end);
}

function insertText(field: HTMLElement, text: string): void {
  if (!isEditableText(field)) return;
  replaceSelection(
    field,
    text,
    field.selectionStart ?? field.value.length,
    field.selectionEnd ?? field.value.length,
  );
}

/** Fields whose text can be replaced in place (not dates or numbers, which have no selection). */
function isEditableText(field: HTMLElement): field is HTMLInputElement | HTMLTextAreaElement {
  if (field instanceof HTMLTextAreaElement) return true;
  return field instanceof HTMLInputElement && field.selectionStart !== null;
}

/** Replaces part of a field's text and says so with an input event, as typing does (React hears it). */
function replaceSelection(
  field: HTMLInputElement | HTMLTextAreaElement,
  text: string,
  start: number,
  end: number,
): void {
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(
    new InputEvent('input', {
      bubbles: true,
      inputType: text ? 'insertText' : 'deleteContentBackward',
      data: text || null,
    }),
  );
}
