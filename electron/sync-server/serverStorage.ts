import { journalDocumentOf } from '../../shared/sync/syncLink';

/**
 * Where a sync server keeps its journals: which journals it serves (their ids and token
 * hashes) and their documents. Two kinds share this shape: the data folder's SQLite file
 * (sqliteStorage.ts, the default for one machine) and a Postgres database (postgresStorage.ts,
 * shared by server instances on several hosts).
 *
 * A document is kept as a base (the whole document as one Yjs update, with a version that
 * grows by one each time a base is written) and the changes since, one row each, written
 * before the change is acknowledged to the device that sent it. The document is its base with
 * every change applied, in any order (Yjs updates commute). A change row is removed only in
 * the transaction that writes a base containing it.
 */

export interface StoredDocument {
  readonly base: Uint8Array | null;
  /** The base's version: 0 when no base was ever written. */
  readonly version: number;
  /** The changes since the base, oldest first. */
  readonly changes: readonly Uint8Array[];
}

export interface JournalListing {
  journalId: string;
  createdAt: string;
}

/** What writing a base came to. */
export type Compaction =
  /** Written as version `version`; `removed` change rows it contained were removed. */
  | { readonly outcome: 'stored'; readonly version: number; readonly removed: number }
  /**
   * Another server instance wrote a base since the version given: nothing was written. The
   * caller applies `base` (that instance's document) to its own and tries again.
   */
  | { readonly outcome: 'moved-on'; readonly base: Uint8Array; readonly version: number }
  /** The journal was removed: nothing was written. */
  | { readonly outcome: 'journal-removed' };

export interface ServerStorage {
  /** Names the store in log lines ("the data folder /srv/sync", "Postgres at db:5432/sync"). */
  readonly description: string;

  /** The SHA-256 of the journal's token, or null when there is no such journal. */
  tokenHash(journalId: string): Promise<Uint8Array | null>;
  addJournal(journalId: string, tokenHash: Uint8Array, createdAt: string): Promise<void>;
  listJournals(): Promise<JournalListing[]>;
  /** Removes a journal and both its documents; false when there was no such journal. */
  removeJournal(journalId: string): Promise<boolean>;

  /** The base and the changes since, read at one moment; a row that is not binary throws. */
  readDocument(name: string): Promise<StoredDocument>;
  /**
   * Stores one change of a journal's document, durably once this resolves; false (nothing
   * stored) when the journal has been removed.
   */
  appendChange(name: string, data: Uint8Array): Promise<boolean>;
  /**
   * Writes `base` as the document's base, if its base is still at `version`, and removes the
   * change rows that `contains` says it contains (a change another instance stored that has
   * not reached this one stays), in one transaction.
   */
  compact(
    name: string,
    base: Uint8Array,
    version: number,
    contains: (change: Uint8Array) => boolean,
  ): Promise<Compaction>;

  close(): Promise<void>;
}

/** The journal a document belongs to ('' for a name that is neither of a journal's two). */
export function journalIdOf(name: string): string {
  return journalDocumentOf(name)?.journalId ?? '';
}

/** A row from the store that is not binary Yjs data: the document cannot be loaded. */
export function checkBinary(data: unknown): Uint8Array {
  if (!(data instanceof Uint8Array)) throw new Error('a stored row is not binary Yjs data');
  return data;
}
