import * as z from 'zod';
import { syncTargetSchema, syncTokenSchema, type SyncTarget } from '../../../../shared/sync';

/**
 * The sync settings of one journal on this device: where it syncs, whether sync is on, and
 * how many local changes the server has yet to confirm (kept so that a reload while offline
 * still shows them). Stored in the device's local storage, never in the journal itself:
 * the token is this device's key to the server, and "paused" is this device's choice.
 * On the desktop the token is kept apart, encrypted by the system (see SyncSecrets); the
 * stored target then has none.
 */
export interface StoredSync {
  readonly target: StoredTarget;
  readonly enabled: boolean;
  readonly pending: number;
}

/** A sync target as stored: without its token where the system keeps that. */
export type StoredTarget = Omit<SyncTarget, 'token'> & { readonly token?: string };

/** The system's encrypted keeping of sync tokens (the desktop's safeStorage). */
export interface SyncSecrets {
  /** The journal's token, or null when none is kept. */
  read(journalName: string): Promise<string | null>;
  /** Keeps (or removes, with null) the token; false when the system cannot encrypt it. */
  keep(journalName: string, token: string | null): Promise<boolean>;
}

const storedSchema = z.object({
  target: syncTargetSchema.extend({ token: syncTokenSchema.optional() }),
  enabled: z.boolean(),
  pending: z.number().int().min(0).catch(0),
});

/** The few Storage methods used; `localStorage` in the app, a map in tests. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const syncStoreKey = (journalName: string) => `${journalName}:sync`;

/** Reads the stored settings; unreadable ones count as none (sync is set up again). */
export function readStoredSync(store: KeyValueStore, journalName: string): StoredSync | null {
  const text = store.getItem(syncStoreKey(journalName));
  if (text === null) return null;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeStoredSync(
  store: KeyValueStore,
  journalName: string,
  settings: StoredSync | null,
): void {
  if (settings === null) store.removeItem(syncStoreKey(journalName));
  else store.setItem(syncStoreKey(journalName), JSON.stringify(settings));
}
