import type { KeyboardEvent } from 'react';
import { toRelevance, type Relevance } from '../../../../shared/domain';
import { isTextEntry } from '../../ui/keyboard';

/**
 * The relevance a key press asks for in the interaction form: 0–5 when focus is not in a
 * text field, Alt+0–5 anywhere. 0 means unrated. Undefined when the key is not a rating.
 */
export function relevanceFromKey(event: KeyboardEvent): Relevance | null | undefined {
  if (event.ctrlKey || event.metaKey) return undefined;
  const digit = /^Digit([0-5])$/.exec(event.code)?.[1];
  if (digit === undefined) return undefined;
  if (!event.altKey && isTextEntry(event.target)) return undefined;
  return toRelevance(Number(digit));
}

/** Enter saves, except where Enter means something else (multi-line text, buttons, open lists). */
export function isSaveKey(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' || event.defaultPrevented || event.shiftKey) return false;
  if (event.ctrlKey || event.metaKey) return true;
  const target = event.target;
  if (target instanceof HTMLElement) {
    if (target instanceof HTMLTextAreaElement || target.isContentEditable) return false;
    if (target instanceof HTMLButtonElement || target.getAttribute('aria-expanded') === 'true') {
      return false;
    }
  }
  return true;
}
