import type { onLoadDocumentPayload } from '@hocuspocus/server';
import { SQLite, selectQuery, upsertQuery } from '@hocuspocus/extension-sqlite';
import * as Y from 'yjs';
import { journalDocumentOf } from '../../shared/sync/syncLink';
import { DATABASE_SCHEMA, databasePath } from './journalRegistry';
import { describeError, type Logger } from './logger';
import { Refusal } from './refusal';
import { withRetry, type RetryPolicy } from './storeRetry';

const LOAD_REFUSED = 'this journal could not be loaded on the server; its stored copy is untouched';

/**
 * Names a document in a log line: "journal <id>" or "the reflections of journal <id>". A
 * name from a client may be anything, so one that is neither is quoted and cut short.
 */
export function documentLabel(name: string): string {
  const document = journalDocumentOf(name);
  if (document === null) return `journal ${JSON.stringify(name.slice(0, 80))}`;
  return document.part === 'journal'
    ? `journal ${document.journalId}`
    : `the reflections of journal ${document.journalId}`;
}

export interface DocumentStoreOptions {
  readonly dataDir: string;
  readonly logger: Logger;
  readonly retryPolicy: RetryPolicy;
  /** Documents whose latest store failed for good (kept in memory, never unloaded unstored). */
  readonly unstored: Set<string>;
}

/**
 * Stores each document (a journal, or a journal's reflections) as one row of the data folder's
 * SQLite file, named by the document. A failing store is retried with backoff; a stored row
 * that does not decode is refused, never loaded as an empty document (see onLoadDocument).
 */
export class DocumentStore extends SQLite {
  constructor(private readonly options: DocumentStoreOptions) {
    const { dataDir, logger, retryPolicy, unstored } = options;
    super({
      database: databasePath(dataDir),
      schema: DATABASE_SCHEMA,
      fetch: async ({ documentName }) => {
        await Promise.resolve();
        const row = this.db?.prepare(selectQuery).get({ name: documentName }) as
          { data: unknown } | undefined;
        if (!row) return null;
        if (!(row.data instanceof Uint8Array)) {
          throw new Error('the stored row is not binary Yjs data');
        }
        return row.data;
      },
      store: async ({ documentName, state }) => {
        await withRetry(
          async () => {
            await Promise.resolve();
            if (!this.db?.open) throw new Error('the database is closed');
            this.db.prepare(upsertQuery).run({ name: documentName, data: state });
          },
          retryPolicy,
          ({ attempt, error, retryInMs }) => {
            const label = documentLabel(documentName);
            if (retryInMs === null) {
              unstored.add(documentName);
              logger.error(
                `Could not store ${label} (attempt ${attempt}, giving up): ${describeError(error)}; its changes stay in memory`,
              );
            } else {
              logger.warn(
                `Could not store ${label} (attempt ${attempt}): ${describeError(error)}; retrying in ${retryInMs} ms`,
              );
            }
          },
        );
        const label = documentLabel(documentName);
        if (unstored.delete(documentName)) logger.info(`Stored ${label} again`);
        logger.debug(`Stored ${label} (${state.byteLength} bytes)`);
      },
    });
  }

  /**
   * Loads the stored row into the document. A row that does not decode refuses the
   * connection; the half-loaded document is dropped by Hocuspocus without being stored or
   * shown to anyone, so the row stays as it was. Decoding straight into the document (not
   * into a scratch copy first) keeps a large journal from being held twice while it loads.
   * A row that decodes but holds changes still waiting for earlier ones (Yjs' pending
   * structs) loads: that is a normal state, stored when a device's change arrived and the one
   * before it was lost with a dropped connection. The device that made them sends the missing
   * change on its next sync; refusing the journal would lock that device out too, for good.
   */
  override async onLoadDocument(data: onLoadDocumentPayload): Promise<void> {
    try {
      const update = await this.configuration.fetch(data);
      if (update) Y.applyUpdate(data.document, update);
    } catch (error) {
      this.options.logger.error(
        `Could not load ${documentLabel(data.documentName)}: ${describeError(error)}`,
      );
      throw new Refusal(LOAD_REFUSED);
    }
  }
}
