import pg from 'pg';
import { reflectionsDocumentName } from '../../shared/sync/syncLink';
import { describeError, type Logger } from './logger';
import {
  checkBinary,
  journalIdOf,
  type Compaction,
  type JournalListing,
  type ServerStorage,
  type StoredDocument,
} from './serverStorage';
import { migrationsAfter, SCHEMA_TABLE } from './storageMigrations';

/** Taken while migrating, so that instances starting together migrate one after the other. */
const MIGRATION_LOCK = 0x52454c45; // "RELE"

/** A database address without its password, for log lines and errors. */
export function safeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the database';
  }
}

/**
 * A Postgres database as a server's store: instances on several hosts, each with the same
 * `--database-url`, serve the same journals. Every write is a commit that Postgres has made
 * durable (its default `synchronous_commit = on`) before the promise resolves.
 *
 * Removal and writes are ordered by the journal's row: a change or a base is written only
 * while holding a share lock on it, and removal deletes it first, so nothing is written back
 * after a journal is removed.
 */
export class PostgresStorage implements ServerStorage {
  readonly description: string;

  private constructor(
    private readonly pool: pg.Pool,
    url: string,
  ) {
    this.description = `Postgres at ${safeDatabaseUrl(url)}`;
  }

  /** Connects and migrates the server's tables; throws a readable error when it cannot. */
  static async open(url: string, logger: Logger): Promise<PostgresStorage> {
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
    // An idle connection that breaks (the database restarts) is replaced on the next query.
    pool.on('error', (error) => {
      logger.warn(`Lost a connection to the database: ${describeError(error)}`);
    });
    const storage = new PostgresStorage(pool, url);
    try {
      await storage.migrate();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new Error(`Cannot use ${storage.description}: ${describeError(error)}`, {
        cause: error,
      });
    }
    return storage;
  }

  private async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA_TABLE} (version integer NOT NULL)`);
      const { rows } = await client.query<{ version: number | null }>(
        `SELECT max(version) AS version FROM ${SCHEMA_TABLE}`,
      );
      const pending = migrationsAfter(rows[0]?.version ?? 0, this.description);
      for (const migration of pending) await client.query(migration.postgres);
      const latest = pending.at(-1);
      if (latest) {
        await client.query(`DELETE FROM ${SCHEMA_TABLE}`);
        await client.query(`INSERT INTO ${SCHEMA_TABLE} (version) VALUES ($1)`, [latest.version]);
      }
    });
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async tokenHash(journalId: string): Promise<Uint8Array | null> {
    const { rows } = await this.pool.query<{ token_hash: Buffer }>(
      'SELECT token_hash FROM journals WHERE id = $1',
      [journalId],
    );
    return rows[0]?.token_hash ?? null;
  }

  async addJournal(journalId: string, tokenHash: Uint8Array, createdAt: string): Promise<void> {
    await this.pool.query('INSERT INTO journals (id, token_hash, created_at) VALUES ($1, $2, $3)', [
      journalId,
      Buffer.from(tokenHash),
      createdAt,
    ]);
  }

  async listJournals(): Promise<JournalListing[]> {
    const { rows } = await this.pool.query<{ id: string; created_at: string }>(
      'SELECT id, created_at FROM journals ORDER BY created_at, id',
    );
    return rows.map((row) => ({ journalId: row.id, createdAt: row.created_at }));
  }

  removeJournal(journalId: string): Promise<boolean> {
    return this.transaction(async (client) => {
      const { rowCount } = await client.query('DELETE FROM journals WHERE id = $1', [journalId]);
      if (!rowCount) return false;
      const names = [journalId, reflectionsDocumentName(journalId)];
      await client.query('DELETE FROM documents WHERE name = ANY($1)', [names]);
      await client.query('DELETE FROM changes WHERE name = ANY($1)', [names]);
      return true;
    });
  }

  /** One statement, so one snapshot: a compaction by another instance never falls between. */
  async readDocument(name: string): Promise<StoredDocument> {
    const { rows } = await this.pool.query<{ kind: number; data: unknown; version: string }>(
      `SELECT 0 AS kind, data, version FROM documents WHERE name = $1
       UNION ALL
       SELECT 1 AS kind, data, id AS version FROM changes WHERE name = $1
       ORDER BY kind, version`,
      [name],
    );
    const base = rows.find((row) => row.kind === 0);
    return {
      base: base ? checkBinary(base.data) : null,
      version: base ? Number(base.version) : 0,
      changes: rows.filter((row) => row.kind === 1).map((row) => checkBinary(row.data)),
    };
  }

  async appendChange(name: string, data: Uint8Array): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'INSERT INTO changes (name, data) SELECT $1, $2 FROM journals WHERE id = $3 FOR SHARE',
      [name, Buffer.from(data.buffer, data.byteOffset, data.byteLength), journalIdOf(name)],
    );
    return (rowCount ?? 0) > 0;
  }

  compact(
    name: string,
    base: Uint8Array,
    version: number,
    contains: (change: Uint8Array) => boolean,
  ): Promise<Compaction> {
    return this.transaction(async (client): Promise<Compaction> => {
      const journal = await client.query('SELECT 1 FROM journals WHERE id = $1 FOR SHARE', [
        journalIdOf(name),
      ]);
      if (!journal.rowCount) return { outcome: 'journal-removed' };
      const written = await client.query(
        `INSERT INTO documents (name, data, version) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET data = excluded.data, version = excluded.version
         WHERE documents.version = $4`,
        [name, Buffer.from(base.buffer, base.byteOffset, base.byteLength), version + 1, version],
      );
      if (!written.rowCount) {
        const { rows } = await client.query<{ data: unknown; version: string }>(
          'SELECT data, version FROM documents WHERE name = $1',
          [name],
        );
        const current = rows[0];
        if (!current) throw new Error('the stored base vanished while it was being written');
        return {
          outcome: 'moved-on',
          base: checkBinary(current.data),
          version: Number(current.version),
        };
      }
      const { rows } = await client.query<{ id: string; data: Buffer }>(
        'SELECT id, data FROM changes WHERE name = $1 ORDER BY id',
        [name],
      );
      const covered = rows.filter((row) => contains(row.data)).map((row) => row.id);
      if (covered.length) {
        await client.query('DELETE FROM changes WHERE id = ANY($1::bigint[])', [covered]);
      }
      return { outcome: 'stored', version: version + 1, removed: covered.length };
    });
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
