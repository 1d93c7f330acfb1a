import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { journalDocumentOf, reflectionsDocumentName } from '../../shared/sync/syncLink';
import { CHANGES_SCHEMA, DOCUMENTS_SCHEMA } from './documentRows';
import { hashToken, newJournalId, newToken, tokenMatches } from './tokens';

/**
 * The journals a sync server serves, in the data folder's SQLite file beside Hocuspocus'
 * `documents` table: each journal's id, the SHA-256 of its token and when it was added.
 * A journal has two document rows: the journal, named by its id, and its reflections
 * (`<id>/reflections`, see shared/sync/syncLink.ts), both opened with the journal's token.
 */
export const DATABASE_FILE = 'relevant-sync.sqlite';

const JOURNALS_SCHEMA = `CREATE TABLE IF NOT EXISTS "journals" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "token_hash" BLOB NOT NULL,
  "created_at" TEXT NOT NULL
)`;

/**
 * WAL lets several server instances (Redis scale-out on one host) and the CLI use the file
 * at once; the busy timeout makes a writer wait for another instance's write, not fail.
 * Every commit is flushed to the disk (synchronous FULL): a stored change survives a power
 * cut, not only a crash of the server.
 */
export const DATABASE_SCHEMA = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = FULL',
  'PRAGMA busy_timeout = 5000',
  DOCUMENTS_SCHEMA,
  CHANGES_SCHEMA,
  JOURNALS_SCHEMA,
].join(';\n');

export interface NewJournal {
  readonly journalId: string;
  readonly token: string;
}

export interface JournalListing {
  journalId: string;
  createdAt: string;
}

/** Why a connection to a journal is refused; the reason reaches the client as is. */
export type AccessDenial = 'no token given' | 'no such journal' | 'wrong token for this journal';

export function databasePath(dataDir: string): string {
  return path.join(path.resolve(dataDir), DATABASE_FILE);
}

/**
 * Written beside the database when it is created: a data folder that has this file but no
 * database (or an empty one) lost it, and the server refuses to start in it rather than
 * starting over with no journals.
 */
export const DATA_FOLDER_MARKER = 'relevant-sync.json';

/**
 * Opens (creating the folder and tables if needed) the data folder's database. A folder whose
 * database went missing or was emptied throws, saying what is missing and what to do.
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
  db.exec(DATABASE_SCHEMA);
  if (!existsSync(marker)) {
    writeFileSync(
      marker,
      `${JSON.stringify({ database: DATABASE_FILE, createdAt: new Date().toISOString() })}\n`,
    );
  }
  return db;
}

/**
 * Checks a token against the journal a document belongs to (the journal itself or its
 * reflections): null when it opens the document, else why not. A name that is neither is
 * refused like an unknown journal.
 */
export function checkAccess(
  db: Database.Database,
  documentName: string,
  token: string,
): AccessDenial | null {
  if (token === '') return 'no token given';
  const document = journalDocumentOf(documentName);
  if (document === null) return 'no such journal';
  const { journalId } = document;
  const row = db.prepare('SELECT token_hash FROM journals WHERE id = ?').get(journalId) as
    { token_hash: Uint8Array } | undefined;
  if (!row) return 'no such journal';
  return tokenMatches(token, row.token_hash) ? null : 'wrong token for this journal';
}

function withDatabase<T>(dataDir: string, use: (db: Database.Database) => T): T {
  const db = openSyncDatabase(dataDir);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** Adds a journal with a new id and token; the token is shown once and stored hashed. */
export function addJournal(dataDir: string): NewJournal {
  const journalId = newJournalId();
  const token = newToken();
  withDatabase(dataDir, (db) =>
    db
      .prepare('INSERT INTO journals (id, token_hash, created_at) VALUES (?, ?, ?)')
      .run(journalId, hashToken(token), new Date().toISOString()),
  );
  return { journalId, token };
}

export function listJournals(dataDir: string): JournalListing[] {
  return withDatabase(dataDir, (db) =>
    (
      db.prepare('SELECT id, created_at FROM journals ORDER BY created_at, id').all() as {
        id: string;
        created_at: string;
      }[]
    ).map((row) => ({ journalId: row.id, createdAt: row.created_at })),
  );
}

/** Removes a journal and its two stored documents; false when there was no such journal. */
export function removeJournal(dataDir: string, journalId: string): boolean {
  return withDatabase(dataDir, (db) =>
    db.transaction(() => {
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
    })(),
  );
}
