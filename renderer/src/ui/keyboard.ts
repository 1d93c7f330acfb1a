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

/** A shortcut that stands aside while focus is in a text field, where keys mean text. */
export function unlessTyping(hotkey: string, action: () => void): HotkeyItem {
  const handler = (event: KeyboardEvent) => {
    if (isTextEntry(event.target)) return;
    event.preventDefault();
    action();
  };
  return [hotkey, handler, { preventDefault: false }];
}
