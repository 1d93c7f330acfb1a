/**
 * Transaction origins. Every change to a journal carries one, so undo can be limited to the
 * person's own commands and observers can tell where a change came from.
 */
export const ORIGIN = {
  /** A command the person gave on this device: the only origin undo tracks. */
  local: 'relevant:local',
  /** Loading or removing the sample journal. */
  sample: 'relevant:sample',
  /** A schema migration. */
  migration: 'relevant:migration',
  /** Updates applied from storage or a backup. */
  restore: 'relevant:restore',
  /** Updates relayed from another window or tab of the same journal on this device. */
  otherTab: 'relevant:other-tab',
  /** Updates received from another device. */
  remote: 'relevant:remote',
  /** The plain text of reflections, kept up to date with their rich text (never undone). */
  reflectionText: 'relevant:reflection-text',
  /** A reflection's first rich text, from its plain text (the same on every device). */
  seed: 'relevant:seed',
} as const;

export type Origin = (typeof ORIGIN)[keyof typeof ORIGIN];
