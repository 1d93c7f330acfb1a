import { journalDocumentOf } from '../../shared/sync/syncLink';
import type { Logger } from './logger';
import type { JournalListing, ServerStorage } from './serverStorage';
import { SqliteStorage } from './sqliteStorage';
import { hashToken, newJournalId, newToken, tokenMatches } from './tokens';

/**
 * The journals a sync server serves: each journal's id, the SHA-256 of its token and when it
 * was added, in the server's store (the data folder's SQLite file, or Postgres). A journal has
 * two documents: the journal, named by its id, and its reflections (`<id>/reflections`, see
 * shared/sync/syncLink.ts), both opened with the journal's token.
 */
export type { JournalListing } from './serverStorage';
export { DATA_FOLDER_MARKER, DATABASE_FILE, databasePath } from './sqliteStorage';

export interface NewJournal {
  readonly journalId: string;
  readonly token: string;
}

/** Why a connection to a journal is refused; the reason reaches the client as is. */
export type AccessDenial = 'no token given' | 'no such journal' | 'wrong token for this journal';

/** Where a server keeps its journals: a data folder, or a Postgres database shared by hosts. */
export interface StorageSettings {
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
}

/** Opens the store the settings name: Postgres when a database address is given. */
export async function openServerStorage(
  settings: StorageSettings,
  logger: Logger,
): Promise<ServerStorage> {
  if (settings.databaseUrl === undefined) return SqliteStorage.open(settings.dataDir);
  // Loaded only when asked for, like the Redis client.
  const { PostgresStorage } = await import('./postgresStorage');
  return PostgresStorage.open(settings.databaseUrl, logger);
}

/**
 * Checks a token against the journal a document belongs to (the journal itself or its
 * reflections): null when it opens the document, else why not. A name that is neither is
 * refused like an unknown journal.
 */
export async function checkAccess(
  storage: ServerStorage,
  documentName: string,
  token: string,
): Promise<AccessDenial | null> {
  if (token === '') return 'no token given';
  const document = journalDocumentOf(documentName);
  if (document === null) return 'no such journal';
  const hash = await storage.tokenHash(document.journalId);
  if (hash === null) return 'no such journal';
  return tokenMatches(token, hash) ? null : 'wrong token for this journal';
}

/** Adds a journal with a new id and token; the token is shown once and stored hashed. */
export async function addJournalTo(storage: ServerStorage): Promise<NewJournal> {
  const journal = { journalId: newJournalId(), token: newToken() };
  await storage.addJournal(journal.journalId, hashToken(journal.token), new Date().toISOString());
  return journal;
}

function inDataFolder<T>(dataDir: string, use: (storage: SqliteStorage) => T): T {
  const storage = SqliteStorage.open(dataDir);
  try {
    return use(storage);
  } finally {
    void storage.close();
  }
}

/** addJournalTo for a data folder, at once (the command line and tests). */
export function addJournal(dataDir: string): NewJournal {
  const journal = { journalId: newJournalId(), token: newToken() };
  inDataFolder(dataDir, (storage) =>
    storage.addJournalNow(journal.journalId, hashToken(journal.token), new Date().toISOString()),
  );
  return journal;
}

export function listJournals(dataDir: string): JournalListing[] {
  return inDataFolder(dataDir, (storage) => storage.listJournalsNow());
}

/** Removes a journal and its two stored documents; false when there was no such journal. */
export function removeJournal(dataDir: string, journalId: string): boolean {
  return inDataFolder(dataDir, (storage) => storage.removeJournalNow(journalId));
}
