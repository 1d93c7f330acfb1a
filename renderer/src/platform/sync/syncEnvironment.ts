import { detectPlatform } from '../index';
import type { NetworkWatch } from './journalSync';
import type { KeyValueStore, SyncSecrets } from './syncStore';

/**
 * The window's local storage and network events, and on the desktop the system's keeping of
 * sync tokens; outside a browser (Node tests of the session), settings in memory and a
 * network that is always there, so sync stays local.
 */
export function syncEnvironment(): {
  storage: KeyValueStore;
  network: NetworkWatch;
  secrets?: SyncSecrets;
} {
  if (typeof window !== 'undefined') {
    const secrets = detectPlatform().syncTokens;
    return { storage: window.localStorage, network: window, ...(secrets ? { secrets } : {}) };
  }
  const memory = new Map<string, string>();
  return {
    storage: {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
    },
    network: {
      navigator: { onLine: true },
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    },
  };
}
