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

/** Whether the focus is in a dialog, a drawer or a menu (or one is open over the page). */
function inDialogOrMenu(target: EventTarget | null): boolean {
  if (target instanceof HTMLElement && target.closest(OWN_KEYS)) return true;
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}

/**
 * A shortcut that stands aside while focus is in a text field, where keys mean text. A
 * single-letter one also stands aside while a dialog, drawer or menu is open, and while a
 * field that a shortcut opened is on its way (see typeAhead.ts).
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
