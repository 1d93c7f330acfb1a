import type { HotkeyItem } from '@mantine/hooks';

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'number',
  'datetime-local',
  'email',
  'url',
  'tel',
]);

/** Whether typing into this element produces text (so plain keys must be left alone). */
export function isTextEntry(element: EventTarget | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable || element instanceof HTMLTextAreaElement) return true;
  return element instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(element.type);
}

/** Where keys belong to what has the focus: a dialog, a drawer, a menu or a list of options. */
const OWN_KEYS = '[role="dialog"], [role="menu"], [role="listbox"]';

/**
 * Whether the focus is in a dialog, a drawer or a menu. (Not whether one is on the page: a
 * dialog on its way out keeps its place for its closing animation, after the focus has left.)
 */
function inDialogOrMenu(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest(OWN_KEYS) !== null;
}

/**
 * A shortcut that stands aside while focus is in a text field, where keys mean text. A
 * single-letter one also stands aside while the focus is in a dialog, drawer or menu (keys
 * typed while a field that a shortcut opened is on its way are held: see typeAhead.ts).
 */
export function unlessTyping(hotkey: string, action: () => void): HotkeyItem {
  const singleKey = !hotkey.includes('+');
  const handler = (event: KeyboardEvent) => {
    if (isTextEntry(event.target)) return;
    if (singleKey && inDialogOrMenu(event.target)) return;
    event.preventDefault();
    action();
  };
  return [hotkey, handler, { preventDefault: false }];
}
