import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { reflectionsDocumentName } from '../../shared/sync/syncLink';
import {
  checkBinary,
  journalIdOf,
  type Compaction,
  type JournalListing,
  type ServerStorage,
  type StoredDocument,
} from './serverStorage';
import { migrationsAfter, SCHEMA_TABLE } from './storageMigrations';

/** The SQLite file in a data folder: the default store, for a server on one machine. */
export const DATABASE_FILE = 'relevant-sync.sqlite';

/**
 * Written beside the database when it is created: a data folder that has this file but no
 * database (or an empty one) lost it, and the server refuses to start in it rather than
 * starting over with no journals.
 */
export const DATA_FOLDER_MARKER = 'relevant-sync.json';

/**
 * WAL lets several server instances (Redis scale-out on one host) and the CLI use the file
 * at once; the busy timeout makes a writer wait for another instance's write, not fail.
 * Every commit is flushed to the disk (synchronous FULL): a stored change survives a power
 * cut, not only a crash of the server.
 */
const PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'busy_timeout = 5000'];

export function databasePath(dataDir: string): string {
  return path.join(path.resolve(dataDir), DATABASE_FILE);
}

/**
 * Opens (creating the folder and tables if needed, migrating them if older) the data folder's
 * database. A folder whose database went missing or was emptied throws, saying what is
 * missing and what to do.
 */
export function openSyncDatabase(dataDir: string): Database.Database {
  const folder = path.resolve(dataDir);
  mkdirSync(folder, { recursive: true });
  const file = databasePath(folder);
  const marker = path.join(folder, DATA_FOLDER_MARKER);
  const size = existsSync(file) ? statSync(file).size : null;
  if (existsSync(marker) && !size) {
    throw new Error(
      `The data folder ${folder} held journals, but its database ${DATABASE_FILE} is ${size === null ? 'missing' : 'empty (0 bytes)'}. ` +
        `Restore it from a backup; to start over with no journals, remove ${DATA_FOLDER_MARKER} from the folder.`,
    );
  }
  const db = new Database(file, { timeout: 5000 });
  try {
    for (const pragma of PRAGMAS) db.pragma(pragma);
    migrate(db, `The database ${file}`);
  } catch (error) {
    db.close();
    throw error;
  }
  if (!existsSync(marker)) {
    writeFileSync(
      marker,
      `${JSON.stringify({ database: DATABASE_FILE, createdAt: new Date().toISOString() })}\n`,
    );
  }
  return db;
}

function migrate(db: Database.Database, where: string): void {
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS "${SCHEMA_TABLE}" ("version" INTEGER NOT NULL)`);
    const row = db.prepare(`SELECT max(version) AS version FROM "${SCHEMA_TABLE}"`).get() as {
      version: number | null;
    };
    const pending = migrationsAfter(row.version ?? 0, where);
    for (const migration of pending) db.exec(migration.sqlite);
    const latest = pending.at(-1);
    if (latest) {
      db.exec(`DELETE FROM "${SCHEMA_TABLE}"`);
      db.prepare(`INSERT INTO "${SCHEMA_TABLE}" (version) VALUES (?)`).run(latest.version);
    }
  }).immediate();
}

/** The result of synchronous work as a promise: rejected when the work throws. */
function settled<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}

/**
 * The data folder's SQLite file as a server's store. better-sqlite3 is synchronous: each
 * method has done its work when it returns, and the promise is only the shared shape.
 * The `…Now` methods are the same work for the command line and for tests.
 */
export class SqliteStorage implements ServerStorage {
  readonly description: string;
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.description = `the database ${db.name}`;
    this.statements = {
      tokenHash: db.prepare('SELECT token_hash FROM journals WHERE id = ?'),
      base: db.prepare('SELECT data, version FROM documents WHERE name = ?'),
      changes: db.prepare('SELECT id, data FROM changes WHERE name = ? ORDER BY id'),
      append: db.prepare(
        'INSERT INTO changes (name, data) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM journals WHERE id = ?)',
      ),
      writeBase: db.prepare(
        `INSERT INTO documents (name, data, version) VALUES (?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET data = excluded.data, version = excluded.version
         WHERE documents.version = ?`,
      ),
      deleteChange: db.prepare('DELETE FROM changes WHERE id = ?'),
    };
  }

  /** Opens the data folder's database (see openSyncDatabase). */
  static open(dataDir: string): SqliteStorage {
    return new SqliteStorage(openSyncDatabase(dataDir));
  }

  tokenHash(journalId: string): Promise<Uint8Array | null> {
    const row = this.statements.tokenHash.get(journalId) as { token_hash: Uint8Array } | undefined;
    return Promise.resolve(row?.token_hash ?? null);
  }

  addJournal(journalId: string, tokenHash: Uint8Array, createdAt: string): Promise<void> {
    this.addJournalNow(journalId, tokenHash, createdAt);
    return Promise.resolve();
  }

  addJournalNow(journalId: string, tokenHash: Uint8Array, createdAt: string): void {
    this.db
      .prepare('INSERT INTO journals (id, token_hash, created_at) VALUES (?, ?, ?)')
      .run(journalId, tokenHash, createdAt);
  }

  listJournals(): Promise<JournalListing[]> {
    return Promise.resolve(this.listJournalsNow());
  }

  listJournalsNow(): JournalListing[] {
    const rows = this.db
      .prepare('SELECT id, created_at FROM journals ORDER BY created_at, id')
      .all() as { id: string; created_at: string }[];
    return rows.map((row) => ({ journalId: row.id, createdAt: row.created_at }));
  }

  removeJournal(journalId: string): Promise<boolean> {
    return Promise.resolve(this.removeJournalNow(journalId));
  }

  removeJournalNow(journalId: string): boolean {
    const db = this.db;
    return db.transaction(() => {
      const removed = db.prepare('DELETE FROM journals WHERE id = ?').run(journalId).changes > 0;
      if (removed) {
        for (const table of ['documents', 'changes']) {
          db.prepare(`DELETE FROM ${table} WHERE name IN (?, ?)`).run(
            journalId,
            reflectionsDocumentName(journalId),
          );
        }
      }
      return removed;
    })();
  }

  readDocument(name: string): Promise<StoredDocument> {
    return settled(() => this.readDocumentNow(name));
  }

  /** Read in one transaction: another instance's compaction cannot fall between the reads. */
  readDocumentNow(name: string): StoredDocument {
    return this.db.transaction(() => {
      const base = this.statements.base.get(name) as { data: unknown; version: number } | undefined;
      const changes = this.statements.changes.all(name) as { data: unknown }[];
      return {
        base: base ? checkBinary(base.data) : null,
        version: base?.version ?? 0,
        changes: changes.map((row) => checkBinary(row.data)),
      };
    })();
  }

  appendChange(name: string, data: Uint8Array): Promise<boolean> {
    return settled(() => this.statements.append.run(name, data, journalIdOf(name)).changes > 0);
  }

  compact(
    name: string,
    base: Uint8Array,
    version: number,
    contains: (change: Uint8Array) => boolean,
  ): Promise<Compaction> {
    return settled(() => this.compactNow(name, base, version, contains));
  }

  private compactNow(
    name: string,
    base: Uint8Array,
    version: number,
    contains: (change: Uint8Array) => boolean,
  ): Compaction {
    const { db, statements } = this;
    return db
      .transaction((): Compaction => {
        if (this.statements.tokenHash.get(journalIdOf(name)) === undefined) {
          return { outcome: 'journal-removed' };
        }
        if (statements.writeBase.run(name, base, version + 1, version).changes === 0) {
          const current = statements.base.get(name) as { data: unknown; version: number };
          return { outcome: 'moved-on', base: checkBinary(current.data), version: current.version };
        }
        const rows = statements.changes.all(name) as { id: number; data: Uint8Array }[];
        const covered = rows.filter((row) => contains(row.data));
        for (const row of covered) statements.deleteChange.run(row.id);
        return { outcome: 'stored', version: version + 1, removed: covered.length };
      })
      .immediate();
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
