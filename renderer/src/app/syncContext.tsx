import { createContext, useContext, useSyncExternalStore } from 'react';
import type { JournalSync } from '../platform/sync/journalSync';
import type { SyncState } from '../platform/sync/syncStatus';

const SyncContext = createContext<JournalSync | null>(null);

export const SyncProvider = SyncContext.Provider;

/** The open journal's sync with its server, for connecting, pausing and forgetting. */
export function useJournalSync(): JournalSync {
  const sync = useContext(SyncContext);
  if (!sync) throw new Error('useJournalSync must be used inside <SyncProvider>.');
  return sync;
}

/** Where sync stands now; re-renders when that changes. */
export function useSyncState(): SyncState {
  const sync = useJournalSync();
  return useSyncExternalStore(sync.subscribe, sync.getState);
}

/** Whether sync is set up on this device; re-renders only when that changes. */
export function useSyncIsSetUp(): boolean {
  const sync = useJournalSync();
  return useSyncExternalStore(sync.subscribe, () => sync.getState().state !== 'local');
}
