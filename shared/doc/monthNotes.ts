import * as Y from 'yjs';

/** A month as YYYY-MM, the key of its note. */
const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;

export const MONTH_NOTE_MAX_LENGTH = 5000;

export function isMonthKey(value: unknown): boolean {
  return typeof value === 'string' && MONTH_KEY.test(value);
}

/** Every readable note; entries another client damaged (not Y.Text, or a bad key) are skipped. */
export function readMonthNotes(notes: Y.Map<unknown>): Map<string, string> {
  const read = new Map<string, string>();
  for (const [month, text] of notes.entries()) {
    if (isMonthKey(month) && text instanceof Y.Text) read.set(month, text.toJSON());
  }
  return read;
}

/**
 * Turns `text` into `next` by deleting and inserting only the part between their common
 * start and end, so that two devices editing different parts of one note both keep theirs.
 */
export function replaceText(text: Y.Text, next: string): void {
  const current = text.toJSON();
  if (current === next) return;
  let start = 0;
  const shorter = Math.min(current.length, next.length);
  while (start < shorter && current[start] === next[start]) start++;
  let end = 0;
  while (
    end < shorter - start &&
    current[current.length - 1 - end] === next[next.length - 1 - end]
  ) {
    end++;
  }
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted.length > 0) text.insert(start, inserted);
}
