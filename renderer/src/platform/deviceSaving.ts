import { SAVED, type SaveState } from './deviceWrites';
import type { LocalStore } from './persistence';

/**
 * Whether this device has stored every change of the open journal and its reflections: the
 * first store that is unsaved speaks for both (see deviceWrites.ts).
 */
export interface DeviceSaving {
  readonly getState: () => SaveState;
  /** Calls back when the state may have changed; returns an unsubscribe. */
  readonly subscribe: (listener: () => void) => () => void;
  /** Tries now to write what is unsaved, in every store. */
  readonly retry: () => Promise<void>;
}

/** A DeviceSaving over the stores added to it; `add` returns a function that removes one. */
export function deviceSaving(): DeviceSaving & { add(store: LocalStore): () => void } {
  const stores = new Set<LocalStore>();
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  return {
    getState: () => {
      for (const store of stores) if (!store.saveState.saved) return store.saveState;
      return SAVED;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retry: async () => {
      await Promise.all([...stores].map((store) => store.retrySaving()));
    },
    add(store) {
      stores.add(store);
      const stop = store.onSaveStateChange(notify);
      notify();
      return () => {
        stop();
        stores.delete(store);
        notify();
      };
    },
  };
}
