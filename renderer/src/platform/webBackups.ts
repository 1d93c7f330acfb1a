import { backupIdFor, BACKUPS_KEPT, backupDate, type BackupInfo } from '../../../shared/ipc';
import { sameBytes } from './bytes';
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

/** Why the backup storage refused a change, in words a person can act on. */
function refused(error: DOMException | null): Error {
  if (error?.name === 'QuotaExceededError') {
    return new Error(
      'The browser’s storage for Relevant is full, so the backup was not stored. Free some space, then back up again.',
      { cause: error },
    );
  }
  const detail = error ? ` (${error.name}: ${error.message})` : '';
  return new Error(`The backup storage refused the change${detail}.`, { cause: error });
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
      const transaction = db.transaction(STORE, mode);
      // Written only once committed: a full disk aborts at commit, after every request worked.
      const committed = new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onabort = () => reject(refused(transaction.error));
      });
      committed.catch(() => undefined); // awaited below, unless a request fails first
      const result = await run(transaction.objectStore(STORE));
      await committed;
      return result;
    } finally {
      db.close();
    }
  }
  const all = () =>
    withStore('readonly', (store) => request(store.getAll() as IDBRequest<StoredBackup[]>));
  const read = async (id: string) => {
    const backup = await withStore('readonly', (store) =>
      request(store.get(id) as IDBRequest<StoredBackup | undefined>),
    );
    if (!backup) throw new Error(`The backup ${id} no longer exists.`);
    return backup.bytes;
  };

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
      // A backup counts as taken once it reads back as it was given.
      const stored = await read(id).catch(() => null);
      if (!stored || !sameBytes(stored, update)) {
        throw new Error(
          'The backup could not be read back after it was written, so it does not count as taken.',
        );
      }
      return info(backup);
    },
    async list() {
      return (await all()).map(info).sort(newestFirst);
    },
    read,
  };
}
