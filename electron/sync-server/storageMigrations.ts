/**
 * The versions of the sync server's own tables, in SQLite and in Postgres. The version a
 * database is at is kept in `relevant_schema`; a server applies, in order and in one
 * transaction, the migrations it has that the database has not had. A database written by a
 * newer server (a version this one does not know) is refused rather than guessed at.
 *
 * Version 1 is the layout servers wrote before versions were kept (every statement is
 * "if not exists"), so their databases start here without losing anything.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sqlite: string;
  readonly postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'journals, and their documents as a base and change rows',
    sqlite: `
      CREATE TABLE IF NOT EXISTS "journals" (
        "id" TEXT PRIMARY KEY NOT NULL,
        "token_hash" BLOB NOT NULL,
        "created_at" TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS "documents" (
        "name" varchar(255) NOT NULL,
        "data" blob NOT NULL,
        UNIQUE(name)
      );
      CREATE TABLE IF NOT EXISTS "changes" (
        "id" INTEGER PRIMARY KEY AUTOINCREMENT,
        "name" TEXT NOT NULL,
        "data" BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS "changes_by_name" ON "changes" ("name", "id");`,
    postgres: `
      CREATE TABLE IF NOT EXISTS journals (
        id text PRIMARY KEY,
        token_hash bytea NOT NULL,
        created_at text NOT NULL
      );
      CREATE TABLE IF NOT EXISTS documents (
        name text PRIMARY KEY,
        data bytea NOT NULL
      );
      CREATE TABLE IF NOT EXISTS changes (
        id bigserial PRIMARY KEY,
        name text NOT NULL,
        data bytea NOT NULL
      );
      CREATE INDEX IF NOT EXISTS changes_by_name ON changes (name, id);`,
  },
  {
    version: 2,
    description: 'base versions, so that instances never write over each other’s base',
    sqlite: 'ALTER TABLE "documents" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;',
    postgres: 'ALTER TABLE documents ADD COLUMN version bigint NOT NULL DEFAULT 0;',
  },
];

export const SCHEMA_TABLE = 'relevant_schema';

export const LATEST_VERSION = MIGRATIONS.reduce((latest, m) => Math.max(latest, m.version), 0);

/** The migrations a database at `current` still needs, oldest first; throws when too new. */
export function migrationsAfter(current: number, where: string): Migration[] {
  if (current > LATEST_VERSION) {
    throw new Error(
      `${where} holds sync server tables of version ${current}, newer than this server knows ` +
        `(${LATEST_VERSION}): run the newer sync server, or upgrade this one.`,
    );
  }
  return MIGRATIONS.filter((migration) => migration.version > current).sort(
    (a, b) => a.version - b.version,
  );
}
