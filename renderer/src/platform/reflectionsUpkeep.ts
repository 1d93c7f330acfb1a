import type { JournalDoc, JournalReflections } from '../../../shared/doc';
import type { LocalStore } from './persistence';

/** Records looked at in one turn while copying old reflections or checking texts. */
const SLICE = 200;

/**
 * What an open journal's reflections need while they are open, each a little at a time so
 * that the page never waits: copying reflections still kept inside records (schema 2) into
 * the reflections document, removing them from their records once that is stored and they
 * have been kept long enough, checking the plain texts the journal shows against the rich
 * text, and writing the plain text at once when the page is hidden or left.
 */
export function keepReflections(
  journal: JournalDoc,
  reflections: JournalReflections,
  store: LocalStore,
  pause: () => Promise<void>,
): () => void {
  let stopped = false;
  const isStopped = () => stopped;
  const writeTexts = () => reflections.writeTexts();
  const page = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>> & {
    readonly document?: Document;
  };
  const onHidden = () => {
    if (page.document?.visibilityState === 'hidden') writeTexts();
  };
  page.document?.addEventListener('visibilitychange', onHidden);
  page.addEventListener?.('pagehide', writeTexts);

  const run = async () => {
    while (!isStopped() && reflections.copyOldReflections(SLICE) > 0) await pause();
    if (isStopped()) return;
    if (journal.oldReflectionCount > 0) {
      const due = reflections.oldReflectionsDropDue();
      if (due !== null && Date.now() >= due.getTime()) {
        await store.flush(); // the copies are stored before the originals go
        if (!isStopped()) reflections.dropOldReflections();
      }
    }
    const ids = journal.getSnapshot().interactions.map((item) => item.id);
    for (let start = 0; start < ids.length && !isStopped(); start += SLICE) {
      reflections.checkTexts(ids.slice(start, start + SLICE));
      await pause();
    }
  };
  void run().catch(() => undefined); // upkeep only: the journal stays as it is
  return () => {
    stopped = true;
    page.document?.removeEventListener('visibilitychange', onHidden);
    page.removeEventListener?.('pagehide', writeTexts);
  };
}
