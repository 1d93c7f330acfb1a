import * as Y from 'yjs';
import { sameBytes } from './bytes';
import { makeDocumentStores, UPDATES_STORE } from './deviceWrites';
import { isQuotaError, StorageError, toStorageError } from './storageErrors';

/** The database a replacement is written to and checked in first. */
const stagingName = (name: string) => `${name}-replacing`;
/** How long other windows get to let go of a database being replaced. */
const BLOCKED_TIMEOUT_MS = 10_000;

/** What one database is to hold: one document's update, or nothing (an empty document). */
export interface Replacement {
  readonly name: string;
  readonly update: Uint8Array | null;
}

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('A storage request failed.'));
  });

/** The database's version now; 0 when it does not exist (nothing is created). */
function versionOf(factory: IDBFactory, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let missing = false;
    const request = factory.open(name);
    request.onupgradeneeded = () => {
      missing = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = () => {
      if (missing) resolve(0);
      else reject(request.error ?? new Error('The journal storage could not be opened.'));
    };
  });
}

/**
 * Replaces what database `name` holds with `updates`, in its version-change transaction: other
 * windows' connections are asked to close first (they reopen once told the replacement is
 * done), and the old content is deleted in the same transaction that writes the new, so a
 * failure (a full disk) leaves the old content as it was. Missing stores are made (a damaged
 * database gets y-indexeddb's layout back).
 */
async function swapContent(
  factory: IDBFactory,
  name: string,
  updates: readonly Uint8Array[],
): Promise<void> {
  const version = await versionOf(factory, name);
  await new Promise<void>((resolve, reject) => {
    const request = factory.open(name, version + 1);
    const timer = setTimeout(() => reject(toStorageError('blocked')), BLOCKED_TIMEOUT_MS);
    let failure: DOMException | null = null;
    request.onupgradeneeded = () => {
      const db = request.result;
      const transaction = request.transaction;
      if (!transaction) return;
      // Why it aborted (a full disk's QuotaExceededError); the open itself says only AbortError.
      transaction.addEventListener('abort', () => {
        failure = transaction.error;
      });
      makeDocumentStores(db);
      const store = transaction.objectStore(UPDATES_STORE);
      store.clear();
      for (const update of updates) store.add(update);
    };
    request.onsuccess = () => {
      clearTimeout(timer);
      request.result.close();
      resolve();
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(failure ?? request.error ?? new Error('The journal could not be written.'));
    };
  });
}

/** Why a replacement failed, and that the journal is as it was. */
function notReplaced(error: unknown): StorageError {
  if (error instanceof StorageError && error.problem === 'blocked') return error;
  const detail = error instanceof Error ? ` (${error.name}: ${error.message})` : '';
  return isQuotaError(error)
    ? new StorageError(
        'quota',
        `The disk or the browser storage for Relevant is full, so the backup was not restored. Your journal was left as it was. Free some space, then try again.${detail}`,
        { cause: error },
      )
    : new StorageError(
        'unwritable',
        `The backup could not be written to this device’s storage, so it was not restored. Your journal was left as it was.${detail}`,
        { cause: error },
      );
}

/** Every update a database holds, in key order; none if it does not exist or is damaged. */
export async function readAllUpdates(factory: IDBFactory, name: string): Promise<Uint8Array[]> {
  if ((await versionOf(factory, name)) === 0) return [];
  const db = await done(factory.open(name));
  try {
    if (!db.objectStoreNames.contains(UPDATES_STORE)) return [];
    const values = await done(
      db.transaction(UPDATES_STORE, 'readonly').objectStore(UPDATES_STORE).getAll(),
    );
    return (values as unknown[]).filter(
      (value): value is Uint8Array => value instanceof Uint8Array,
    );
  } finally {
    db.close();
  }
}

/** One document's state from updates, encoded the same way for the same content. */
function stateOf(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** Reads database `name` back and checks that it holds the document `expected`. */
async function check(factory: IDBFactory, name: string, expected: Uint8Array): Promise<void> {
  const stored = stateOf(await readAllUpdates(factory, name));
  if (!sameBytes(stored, expected)) {
    throw new Error('What was written could not be read back as written.');
  }
}

/**
 * Replaces the content of several databases (a journal and its reflections), so that a
 * failure never loses the old content: each replacement is first written to a staging
 * database and read back; then each database is swapped in one transaction and read back;
 * if any swap or check fails, the databases already swapped get their old content back,
 * and the error is thrown. Throws a StorageError a person can act on.
 */
export async function replaceStores(
  factory: IDBFactory,
  replacements: readonly Replacement[],
): Promise<void> {
  const expected = replacements.map(({ update }) => stateOf(update ? [update] : []));
  const contents = (update: Uint8Array | null) => (update ? [update] : []);
  try {
    for (const [index, { name, update }] of replacements.entries()) {
      const staging = stagingName(name);
      await swapContent(factory, staging, contents(update));
      await check(factory, staging, expected[index] as Uint8Array);
    }
  } catch (error) {
    throw notReplaced(error);
  } finally {
    for (const { name } of replacements) {
      await done(factory.deleteDatabase(stagingName(name))).catch(() => undefined);
    }
  }
  const old = await Promise.all(replacements.map(({ name }) => readAllUpdates(factory, name)));
  const swapped: number[] = [];
  try {
    for (const [index, { name, update }] of replacements.entries()) {
      swapped.push(index);
      await swapContent(factory, name, contents(update));
      await check(factory, name, expected[index] as Uint8Array);
    }
  } catch (error) {
    // Back as it was: the old content, in the same all-or-nothing way.
    for (const index of swapped.reverse()) {
      const replacement = replacements[index];
      if (replacement) {
        await swapContent(factory, replacement.name, old[index] ?? []).catch(() => undefined);
      }
    }
    throw notReplaced(error);
  }
}
