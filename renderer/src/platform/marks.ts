/**
 * User Timing marks the app sets while it opens a journal; the Performance panel shows them,
 * and the bench times from them.
 */
export const OPENING_MARKS = {
  /** The open journal replaced the preview on screen and can be changed. */
  editable: 'relevant:journal-editable',
  /** Set on every change of the open journal (local, remote or undo), before screens redraw. */
  changed: 'relevant:journal-changed',
  /** After opening, the stored journal and reflections are kept in parts (see compact). */
  compacted: 'relevant:journal-compacted',
} as const;
