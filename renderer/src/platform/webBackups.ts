import { backupIdFor, BACKUPS_KEPT, backupDate, type BackupInfo } from '../../../shared/ipc';
import type { BackupService } from './platform';

const DATABASE = 'relevant-backups';
const STORE = 'backups';

interface StoredBackup {
  id: string;
  createdAt: string;
  bytes: Uint8Array;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('Backup storage failed.'));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const open = factory.open(DATABASE, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'id' });
  return request(open);
}

/**
 * Orders backup names newest first: by the time in the name, then by the -1, -2 suffix of
 * names taken within one millisecond. Plain string order puts journal-…Z.ydoc after its
 * own -1 and -10 before -9, which listed older backups first and pruned newer ones.
 */
function newestFirst(a: { id: string }, b: { id: string }): number {
  const time = (id: string) => backupDate(id)?.getTime() ?? 0;
  const suffix = (id: string) => Number(/Z-(\d+)\.ydoc$/.exec(id)?.[1] ?? 0);
  return time(b.id) - time(a.id) || suffix(b.id) - suffix(a.id);
}

const info = (backup: StoredBackup): BackupInfo => ({
  id: backup.id,
  createdAt: backup.createdAt,
  sizeBytes: backup.bytes.byteLength,
});

/**
 * Backups for the web build: kept in a separate IndexedDB database from the journal, so a
 * damaged journal store can still be restored. The newest BACKUPS_KEPT are kept.
 */
export function webBackups(factory: IDBFactory = globalThis.indexedDB): BackupService {
  async function withStore<T>(
    mode: IDBTransactionMode,
    run: (store: IDBObjectStore) => Promise<T>,
  ) {
    const db = await openDatabase(factory);
    try {
      return await run(db.transaction(STORE, mode).objectStore(STORE));
    } finally {
      db.close();
    }
  }
  const all = () =>
    withStore('readonly', (store) => request(store.getAll() as IDBRequest<StoredBackup[]>));

  return {
    location: 'this browser’s storage for Relevant',
    async save(update) {
      const existing = await all();
      const id = backupIdFor(new Date(), new Set(existing.map((b) => b.id)));
      const backup: StoredBackup = {
        id,
        createdAt: (backupDate(id) ?? new Date()).toISOString(),
        bytes: update,
      };
      // Room is made among the earlier backups only: after the clock was set back, the new
      // one's name sorts older than theirs, and it must still be kept.
      const expired = [...existing].sort(newestFirst).slice(BACKUPS_KEPT - 1);
      await withStore('readwrite', async (store) => {
        await request(store.put(backup));
        for (const old of expired) await request(store.delete(old.id));
      });
      return info(backup);
    },
    async list() {
      return (await all()).map(info).sort(newestFirst);
    },
    async read(id) {
      const backup = await withStore('readonly', (store) =>
        request(store.get(id) as IDBRequest<StoredBackup | undefined>),
      );
      if (!backup) throw new Error(`The backup ${id} no longer exists.`);
      return backup.bytes;
    },
  };
}
