import { createContext, useContext, useSyncExternalStore } from 'react';
import type { JournalDoc, JournalSnapshot } from '../../../shared/doc';

const JournalContext = createContext<JournalDoc | null>(null);

export const JournalProvider = JournalContext.Provider;

/** The open journal, for giving commands. */
export function useJournal(): JournalDoc {
  const journal = useContext(JournalContext);
  if (!journal) throw new Error('useJournal must be used inside <JournalProvider>.');
  return journal;
}

/** The journal's current snapshot; re-renders when the journal changes. */
export function useJournalSnapshot(): JournalSnapshot {
  const journal = useJournal();
  return useSyncExternalStore(journal.subscribe, journal.getSnapshot);
}

/**
 * One part of the journal's snapshot, re-rendering only when that part changes (compared with
 * Object.is): `select` must return a primitive or a part the snapshot keeps while unchanged.
 */
export function useJournalPart<T>(select: (snapshot: JournalSnapshot) => T): T {
  const journal = useJournal();
  return useSyncExternalStore(journal.subscribe, () => select(journal.getSnapshot()));
}
