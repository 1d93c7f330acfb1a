import { BACKUP_ID_PATTERN } from './contract';

/** The name of a backup taken at `date`: journal-20261125T183000123Z.ydoc (UTC). */
export function backupIdFor(date: Date, taken: ReadonlySet<string> = new Set()): string {
  const stamp = date.toISOString().replace(/[-:.]/g, '');
  const base = `journal-${stamp.slice(0, 15)}${stamp.slice(15, 18)}Z`;
  let id = `${base}.ydoc`;
  for (let n = 1; taken.has(id); n++) id = `${base}-${n}.ydoc`;
  return id;
}

/** When a backup was taken, read back from its name; null for names that are not backups. */
export function backupDate(id: string): Date | null {
  if (!BACKUP_ID_PATTERN.test(id)) return null;
  const m = /^journal-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(id);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
}

/** How many backups are kept; older ones are removed when a new one is stored. */
export const BACKUPS_KEPT = 10;
