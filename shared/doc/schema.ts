/**
 * The layout of a journal inside its Yjs document. Written down in docs/schema.md;
 * change both together and add a migration when the layout changes.
 */
export const SCHEMA_VERSION = 3;

/** Top-level shared types of the document. */
export const ROOT = {
  /** Y.Map of document-wide values (schemaVersion). */
  meta: 'meta',
  /** Y.Map from interaction id to its record (storedRecord.ts: a base and edited fields). */
  interactions: 'interactions',
  /** Y.Map from a month (YYYY-MM) to a Y.Text: "What I'll change next month", written in that month's report. */
  monthNotes: 'monthNotes',
  /** Y.Map of settings shared by the person's devices (keys in settings.ts). */
  settings: 'settings',
  /** Y.Maps from id to a Y.Map of the record's fields (see recordKinds.ts and docs/schema.md). */
  goals: 'goals',
  contacts: 'contacts',
  plannedEvents: 'plannedEvents',
  introductions: 'introductions',
  /** Y.Map from a suggestion's key to the day it was dismissed (YYYY-MM-DD). */
  dismissedSuggestions: 'dismissedSuggestions',
} as const;

/** Keys of an interaction's fields and stamps, in its base or as edits; plus schema 2's reflection. */
export const FIELD = {
  startedAt: 'startedAt',
  timeZone: 'timeZone',
  durationMinutes: 'durationMinutes',
  kind: 'kind',
  title: 'title',
  place: 'place',
  people: 'people',
  relevance: 'relevance',
  intent: 'intent',
  outcome: 'outcome',
  nextStep: 'nextStep',
  nextStepDue: 'nextStepDue',
  nextStepDone: 'nextStepDone',
  /** JSON arrays of ids: the goals served, the people met who are contacts. */
  goalIds: 'goalIds',
  contactIds: 'contactIds',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  sample: 'sample',
  /** The reflection as plain text (schema 3; the rich text is in the reflections document). */
  reflectionText: 'reflectionText',
  /**
   * In a base: `true` when the reflection was logged as plain text without its rich text,
   * which is then made from reflectionText when the reflection is first opened.
   */
  reflectionFromText: 'reflectionFromText',
  /** Schema 2: Y.XmlFragment holding the rich-text reflection (ProseMirror/Tiptap node layout). */
  reflection: 'reflection',
} as const;

export const META = {
  schemaVersion: 'schemaVersion',
  /**
   * When a device first opened this journal with schema 3 (a UTC instant): schema-2
   * reflections stay in their records, and are copied on every change, until
   * OLD_REFLECTIONS_KEPT_DAYS after it, so that devices still on schema 2 keep their edits.
   */
  reflectionsMovingSince: 'reflectionsMovingSince',
} as const;

/** How long schema-2 reflections stay in their records after the first upgrade (see META). */
export const OLD_REFLECTIONS_KEPT_DAYS = 30;
