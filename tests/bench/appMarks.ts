// The User Timing marks the app sets while it opens a journal, and whether the built app sets
// them. Builds without them are timed as before: editable when "Log interaction" is enabled.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './webServer';

/** The open journal replaced the read-only preview and can be changed. */
export const EDITABLE_MARK = 'relevant:journal-editable';
/** The app rewrote its stored journal in parts after opening it. */
export const COMPACTED_MARK = 'relevant:journal-compacted';
/** Set on every change of the open journal (JOURNAL_CHANGED_MARK). */
export const CHANGED_MARK = 'relevant:journal-changed';
/** The bench's own mark when "Log interaction" became enabled (the fallback for editable). */
export const BUTTON_EDITABLE_MARK = 'bench:log-enabled';

export interface AppMarks {
  /** The build sets EDITABLE_MARK: editable is timed from it, not from the button. */
  readonly editable: boolean;
  /** The build sets COMPACTED_MARK: the first navigation waits for it. */
  readonly compacted: boolean;
}

/** Which of the marks the built renderer (out/renderer) sets: its scripts name them. */
export function builtAppMarks(): AppMarks {
  const assets = path.join(ROOT, 'out', 'renderer', 'assets');
  const scripts = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(path.join(assets, file), 'utf8'));
  const named = (mark: string) => scripts.some((script) => script.includes(mark));
  return { editable: named(EDITABLE_MARK), compacted: named(COMPACTED_MARK) };
}

/** The mark a trace of an opening ends at: the app's when it sets one, else the bench's. */
export function editableMarkName(marks: AppMarks): string {
  return marks.editable ? EDITABLE_MARK : BUTTON_EDITABLE_MARK;
}
