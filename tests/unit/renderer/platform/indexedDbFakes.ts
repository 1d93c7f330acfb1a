/**
 * IndexedDB stand-ins for the platform tests. y-indexeddb always uses the global
 * `indexedDB`, so each test installs a fresh fake-indexeddb factory there; the factories
 * below misbehave the way real browsers do, for the probe that `openLocalStore` runs first.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';

/** Installs an empty IndexedDB as the global one (what y-indexeddb uses) and returns it. */
export function installFreshIndexedDB(): IDBFactory {
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  return factory;
}

/** Resolves with a request's result, or rejects with its error. */
export function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('request failed'));
  });
}

/**
 * Creates a database at version 1 holding only `stores` (each with one record), the way a
 * damaged profile or another program could leave it: not what y-indexeddb created.
 */
export async function createForeignDatabase(
  factory: IDBFactory,
  name: string,
  stores: readonly string[],
): Promise<void> {
  const request = factory.open(name, 1);
  request.onupgradeneeded = () => {
    for (const store of stores) request.result.createObjectStore(store).put('kept', 'record');
  };
  const db = await settled(request);
  db.close();
}

/** The names of the object stores in a database, or null when the database does not exist. */
export async function objectStoresOf(factory: IDBFactory, name: string): Promise<string[] | null> {
  const exists = (await factory.databases()).some((info) => info.name === name);
  if (!exists) return null;
  const db = await settled(factory.open(name));
  try {
    return [...db.objectStoreNames];
  } finally {
    db.close();
  }
}

/** The stand-in open request that the fake factories below hand out. */
export type FakeOpenRequest = Pick<
  IDBOpenDBRequest,
  'onsuccess' | 'onerror' | 'onblocked' | 'onupgradeneeded' | 'result' | 'transaction'
> & { error: DOMException | null };

/** A factory whose `open` returns `request` and then runs `behave` on it, a moment later. */
function factoryWith(behave: (request: FakeOpenRequest) => void): IDBFactory {
  return {
    open() {
      const request: FakeOpenRequest = {
        onsuccess: null,
        onerror: null,
        onblocked: null,
        onupgradeneeded: null,
        error: null,
        result: undefined as unknown as IDBDatabase,
        transaction: null,
      };
      setTimeout(() => behave(request), 1);
      return request as IDBOpenDBRequest;
    },
  } as unknown as IDBFactory;
}

const fire = (
  handler: ((this: IDBOpenDBRequest, event: never) => unknown) | null,
  request: FakeOpenRequest,
  type: string,
) => handler?.call(request as IDBOpenDBRequest, new Event(type) as never);

/** Whose open request never settles (a wedged browser storage process). */
export const hangingFactory = (): IDBFactory => factoryWith(() => undefined);

/** Whose open request reports `blocked` (another window holds the database open). */
export const blockedFactory = (): IDBFactory =>
  factoryWith((request) => fire(request.onblocked, request, 'blocked'));

/** Whose open request fails with `error`. */
export const failingFactory = (error: DOMException): IDBFactory =>
  factoryWith((request) => {
    request.error = error;
    fire(request.onerror, request, 'error');
  });

/** Whose `open` itself throws (Firefox private windows, storage turned off). */
export const throwingFactory = (error: DOMException): IDBFactory =>
  ({
    open() {
      throw error;
    },
  }) as unknown as IDBFactory;
