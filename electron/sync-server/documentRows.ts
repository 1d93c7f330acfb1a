import type Database from 'better-sqlite3';
import { journalDocumentOf } from '../../shared/sync/syncLink';

/**
 * How a server document is kept in the data folder's SQLite file: a base row in `documents`
 * (the whole document as one Yjs update, written when it is compacted) and the changes since,
 * one row each in `changes`, written before the change is acknowledged to the device that
 * sent it. The document is its base with every change applied, in any order (Yjs updates
 * commute). A change row is removed only once a base that contains it is written.
 */
export const DOCUMENTS_SCHEMA = `CREATE TABLE IF NOT EXISTS "documents" (
  "name" varchar(255) NOT NULL,
  "data" blob NOT NULL,
  UNIQUE(name)
)`;

export const CHANGES_SCHEMA = `CREATE TABLE IF NOT EXISTS "changes" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL,
  "data" BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS "changes_by_name" ON "changes" ("name", "id")`;

export interface StoredDocument {
  readonly base: Uint8Array | null;
  /** The changes since the base, oldest first. */
  readonly changes: readonly Uint8Array[];
}

/** The rows of a document, and the statements that read and write them. */
export class DocumentRows {
  private readonly selectBase: Database.Statement;
  private readonly selectChanges: Database.Statement;
  private readonly selectChangesUpTo: Database.Statement;
  private readonly selectLastChange: Database.Statement;
  private readonly insertChange: Database.Statement;
  private readonly upsertBase: Database.Statement;
  private readonly deleteChange: Database.Statement;
  private readonly selectJournal: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.selectBase = db.prepare('SELECT data FROM documents WHERE name = ?');
    this.selectChanges = db.prepare('SELECT data FROM changes WHERE name = ? ORDER BY id');
    this.selectChangesUpTo = db.prepare(
      'SELECT id, data FROM changes WHERE name = ? AND id <= ? ORDER BY id',
    );
    this.selectLastChange = db.prepare('SELECT max(id) AS id FROM changes WHERE name = ?');
    this.insertChange = db.prepare('INSERT INTO changes (name, data) VALUES (?, ?)');
    this.upsertBase = db.prepare(
      'INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data',
    );
    this.deleteChange = db.prepare('DELETE FROM changes WHERE id = ?');
    this.selectJournal = db.prepare('SELECT 1 FROM journals WHERE id = ?');
  }

  /** Whether the journal a document belongs to is still served (not removed). */
  journalExists(name: string): boolean {
    const document = journalDocumentOf(name);
    return document !== null && this.selectJournal.get(document.journalId) !== undefined;
  }

  /** The base and the changes since, oldest first; a row that is not binary throws. */
  read(name: string): StoredDocument {
    const base = this.selectBase.get(name) as { data: unknown } | undefined;
    const changes = this.selectChanges.all(name) as { data: unknown }[];
    for (const row of [base, ...changes]) {
      if (row && !(row.data instanceof Uint8Array)) {
        throw new Error('a stored row is not binary Yjs data');
      }
    }
    return {
      base: (base?.data as Uint8Array | undefined) ?? null,
      changes: changes.map((row) => row.data as Uint8Array),
    };
  }

  /** Stores one change (synchronously, durably once this returns). */
  append(name: string, data: Uint8Array): void {
    this.insertChange.run(name, data);
  }

  /** The id of the newest change row of a document (0 when it has none). */
  lastChangeId(name: string): number {
    return (this.selectLastChange.get(name) as { id: number | null }).id ?? 0;
  }

  /**
   * Writes `base` as the document's base and removes the change rows up to `upTo` that it
   * contains (`contains` decides; a change another server instance stored that has not
   * reached this one yet stays), in one transaction. Returns how many rows were removed.
   */
  compact(
    name: string,
    base: Uint8Array,
    upTo: number,
    contains: (change: Uint8Array) => boolean,
  ): number {
    const rows = this.selectChangesUpTo.all(name, upTo) as { id: number; data: Uint8Array }[];
    const covered = rows.filter((row) => contains(row.data)).map((row) => row.id);
    this.db.transaction(() => {
      this.upsertBase.run(name, base);
      for (const id of covered) this.deleteChange.run(id);
    })();
    return covered.length;
  }
}
