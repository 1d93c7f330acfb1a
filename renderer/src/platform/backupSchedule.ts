import type { JournalDoc } from '../../../shared/doc';
import type { Platform } from './platform';

export const BACKUP_INTERVAL_MS = 5 * 60 * 1000;

/**
 * Hands the encoded journal to the backup store every few minutes while it changes, and
 * once more when the app closes. Returns a stop function.
 */
export function scheduleBackups(
  journal: JournalDoc,
  platform: Platform,
  onError: (error: Error) => void,
  intervalMs = BACKUP_INTERVAL_MS,
): () => void {
  let dirty = false;
  const markDirty = () => {
    dirty = true;
  };
  journal.ydoc.on('update', markDirty);
  // The desktop waits for a backup when quitting, so it always gets one there.
  const backUp = async (reason: 'interval' | 'quit', always = false) => {
    if ((!dirty && !always) || journal.getSnapshot().interactions.length === 0) return;
    dirty = false;
    try {
      await platform.backups.save(journal.encodeFile(), reason);
    } catch (error) {
      dirty = true;
      onError(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const timer = setInterval(() => void backUp('interval'), intervalMs);
  const stopClosing = platform.onClosing(() => backUp('quit', platform.kind === 'desktop'));
  return () => {
    clearInterval(timer);
    stopClosing();
    journal.ydoc.off('update', markDirty);
  };
}
