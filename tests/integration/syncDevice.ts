// A device as the app's sync controller sees it, for tests against a real server: its
// network (online until told otherwise), its local storage, and a WebSocket that counts the
// connections it opens.
import type { NetworkWatch } from '../../renderer/src/platform/sync/journalSync';
import type { KeyValueStore, SyncSecrets } from '../../renderer/src/platform/sync/syncStore';
import { BrowserLikeWebSocket } from './syncHelpers';

/** A device's network: online until told otherwise; `set(false)` fires the event. */
export class FakeNetwork extends EventTarget implements NetworkWatch {
  readonly navigator = { onLine: true };
  set(online: boolean) {
    this.navigator.onLine = online;
    this.dispatchEvent(new Event(online ? 'online' : 'offline'));
  }
}

/** Local storage of one device. */
export function memoryStorage(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

/** WebSocket connections opened so far by CountingWebSocket. */
export const sockets = { opened: 0 };

/** Counts the connections opened, to see that a refused device stops trying. */
export class CountingWebSocket extends BrowserLikeWebSocket {
  constructor(url: string) {
    super(url);
    sockets.opened += 1;
  }
}

/**
 * The system's keeping of sync tokens on one device (the desktop's safeStorage behind IPC):
 * tokens by journal name, or, when the system cannot encrypt, nothing kept.
 */
export function memorySecrets(canEncrypt = true): SyncSecrets & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    read: (journalName) => Promise.resolve(map.get(journalName) ?? null),
    keep: (journalName, token) => {
      if (token === null || !canEncrypt) map.delete(journalName);
      else map.set(journalName, token);
      return Promise.resolve(token !== null && canEncrypt);
    },
  };
}
