/**
 * Makes IndexedDB writes fail at random, the ways a browser's do: a transaction that aborts
 * at commit with QuotaExceededError (a full disk, in Chromium), one aborted outright, and a
 * connection the browser closes under the app (its transaction aborts, a close event fires,
 * every later transaction on it throws). Works on
 * fake-indexeddb's globals, which the platform tests install.
 */
import { vi } from 'vitest';

export type StorageFault = 'quota' | 'abort' | 'closed';

export interface StorageFaults {
  /** Chance that a write fails, 0 to 1; 0 turns the faults off. */
  rate: number;
  /** How many of each were injected. */
  readonly injected: Record<StorageFault, number>;
  /** Puts IndexedDB back as it was. */
  restore(): void;
}

const KINDS: readonly StorageFault[] = ['quota', 'abort', 'closed'];

type Write = (this: IDBObjectStore, ...args: never[]) => IDBRequest;

/** Patches add, put and delete of every object store; `random` decides (0 ≤ x < 1). */
export function injectStorageFaults(random: () => number, rate = 0): StorageFaults {
  const faults: StorageFaults = {
    rate,
    injected: { quota: 0, abort: 0, closed: 0 },
    restore: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
  const spies = (['add', 'put', 'delete'] as const).map((method) => {
    const original = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, method)
      ?.value as Write;
    return vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      ...args: never[]
    ) {
      if (faults.rate === 0 || random() >= faults.rate) return original.apply(this, args);
      const kind = KINDS[Math.floor(random() * KINDS.length)] ?? 'quota';
      faults.injected[kind]++;
      const transaction = this.transaction as IDBTransaction & { _abort(name: string): void };
      const request = original.apply(this, args);
      if (kind === 'closed') {
        // As a browser closes a connection under the page (its database deleted, or storage
        // gone): the transaction aborts, the connection closes and says so; later
        // transactions on it throw InvalidStateError.
        const db = transaction.db;
        transaction.abort();
        db.close();
        db.dispatchEvent(new Event('close'));
      } else if (kind === 'quota') {
        // fake-indexeddb's internal abort, which (unlike abort()) sets the transaction's error.
        request.addEventListener('success', () => transaction._abort('QuotaExceededError'));
      } else {
        transaction.abort();
      }
      return request;
    } as never);
  });
  return faults;
}
