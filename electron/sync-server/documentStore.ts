import type Database from 'better-sqlite3';
import {
  isTransactionOrigin,
  type beforeSyncPayload,
  type ConnectionTransactionOrigin,
  type beforeUnloadDocumentPayload,
  type Document,
  type Extension,
  type Hocuspocus,
  type onLoadDocumentPayload,
  type onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { CHANGE_REFUSED_REASONS } from '../../shared/sync/closeCodes';
import { journalDocumentOf } from '../../shared/sync/syncLink';
import { DocumentRows } from './documentRows';
import { describeError, type Logger } from './logger';
import { ChangeRefusal, Refusal, refuseChange } from './refusal';
import { withRetry, type RetryPolicy } from './storeRetry';

const LOAD_REFUSED = 'this journal could not be loaded on the server; its stored copy is untouched';

/** Closes the connections to a journal removed while they were open (Hocuspocus' Forbidden). */
const JOURNAL_REMOVED_CLOSE_CODE = 4403;

/** y-protocols' sync message types that carry a change from the device. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

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
  /** The data folder's database (see journalRegistry.ts), with the tables of documentRows.ts. */
  readonly db: Database.Database;
  readonly logger: Logger;
  /** The log for what clients cause (a refused change), repeats counted. */
  readonly clientLog: Logger;
  readonly retryPolicy: RetryPolicy;
  /**
   * Documents holding a change in memory that could not be stored: they take no change from
   * devices until a whole-document store succeeds, and are never unloaded before.
   */
  readonly unstored: Set<string>;
}

/**
 * Keeps every server document (a journal, or a journal's reflections) in the data folder's
 * SQLite file, so that an acknowledged change is a stored one:
 *
 * - Each change a device sends is written as a row of its own while Yjs applies it, before
 *   Hocuspocus acknowledges it (the acknowledgement follows the apply in the same turn). A
 *   change that cannot be written is refused: the device keeps it and sends it again.
 * - Hocuspocus' debounced store compacts: it writes the whole document as the base and
 *   removes the change rows the base contains.
 * - A change that does not apply is refused, never acknowledged.
 *
 * A change another server instance relayed over Redis is stored by the instance that
 * received it from a device, not again here.
 */
export class DocumentStore implements Extension {
  readonly extensionName = 'RelevantDocumentStore';
  private readonly rows: DocumentRows;

  constructor(private readonly options: DocumentStoreOptions) {
    this.rows = new DocumentRows(options.db);
  }

  /**
   * Loads the base and the changes since into the document, then starts storing its
   * changes. A row that does not decode refuses the connection; the half-loaded document is
   * dropped by Hocuspocus without being stored or shown to anyone, so the rows stay as they
   * were. Decoding straight into the document (not into a scratch copy first) keeps a large
   * journal from being held twice while it loads.
   *
   * Rows that decode but hold changes still waiting for earlier ones (Yjs' pending structs)
   * load: that is a normal state, stored when a device's change arrived and the one before
   * it was lost with a dropped connection. The device that made them sends the missing change
   * on its next sync; refusing the journal would lock that device out too, for good.
   */
  onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    try {
      const stored = this.rows.read(documentName);
      document.transact(() => {
        if (stored.base) Y.applyUpdate(document, stored.base);
        for (const change of stored.changes) Y.applyUpdate(document, change);
      });
    } catch (error) {
      this.options.logger.error(
        `Could not load ${documentLabel(documentName)}: ${describeError(error)}`,
      );
      return Promise.reject(new Refusal(LOAD_REFUSED));
    }
    document.on('update', (update: Uint8Array, origin: unknown) => {
      this.storeChange(document, update, origin);
    });
    return Promise.resolve();
  }

  /**
   * Applies a change from a device here, before Hocuspocus does: y-protocols swallows an
   * error thrown while applying and Hocuspocus then acknowledges the change, so a change that
   * does not apply (it does not decode, or its content is broken) must be refused before.
   * Applying it again after this is a no-op for Yjs. A document that holds an unstored change
   * refuses changes (and is stored again) until it is stored.
   */
  beforeSync({ type, payload, documentName, document, connection }: beforeSyncPayload) {
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return Promise.resolve();
    if (!this.rows.journalExists(documentName)) {
      // Removed (remove-journal) while devices were connected: they are let go, and are
      // refused from now on when they come back (onAuthenticate).
      this.options.logger.info(
        `Closing the connections to ${documentLabel(documentName)}: it was removed`,
      );
      for (const open of document.getConnections()) {
        open.webSocket.close(JOURNAL_REMOVED_CLOSE_CODE, 'no such journal');
      }
      throw new Refusal('no such journal');
    }
    if (this.options.unstored.has(documentName)) {
      this.storeAgain(document);
      refuseChange(connection.webSocket, CHANGE_REFUSED_REASONS.unstored);
    }
    const origin: ConnectionTransactionOrigin = { source: 'connection', connection };
    try {
      Y.applyUpdate(document, payload, origin);
    } catch (error) {
      if (error instanceof ChangeRefusal) throw error; // not stored: refused already
      this.options.clientLog.warn(
        `Refused a change to ${documentLabel(documentName)} that does not apply: ${describeError(error)}`,
      );
      refuseChange(connection.webSocket, CHANGE_REFUSED_REASONS.unreadable);
    }
    return Promise.resolve();
  }

  /**
   * Writes the whole document as its base and removes the change rows it contains. The
   * state and the newest change row are read in one turn, so every row up to it is in the
   * state, except rows another instance wrote that have not reached this one (kept).
   */
  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    const { logger, retryPolicy, unstored } = this.options;
    const label = documentLabel(documentName);
    if (!this.rows.journalExists(documentName)) {
      unstored.delete(documentName);
      logger.info(`Not storing ${label}: it was removed`);
      return;
    }
    const upTo = this.rows.lastChangeId(documentName);
    const state = Y.encodeStateAsUpdate(document);
    // Taken with the state (a retry runs later, when the document may hold more), and only
    // when there are change rows to fold in: it walks the whole document.
    const snapshot = upTo > 0 ? Y.snapshot(document) : null;
    await withRetry(
      () => {
        const removed = this.rows.compact(
          documentName,
          state,
          upTo,
          (change) => snapshot !== null && Y.snapshotContainsUpdate(snapshot, change),
        );
        logger.debug(`Stored ${label} (${state.byteLength} bytes, ${removed} changes folded in)`);
        return Promise.resolve();
      },
      retryPolicy,
      ({ attempt, error, retryInMs }) => {
        const kept = unstored.has(documentName)
          ? 'it keeps an unstored change in memory'
          : 'its changes stay stored one by one';
        if (retryInMs === null) {
          logger.error(
            `Could not store ${label} (attempt ${attempt}, giving up): ${describeError(error)}; ${kept}`,
          );
        } else {
          logger.warn(
            `Could not store ${label} (attempt ${attempt}): ${describeError(error)}; retrying in ${retryInMs} ms`,
          );
        }
      },
    );
    if (unstored.delete(documentName)) logger.info(`Stored ${label} again`);
  }

  /**
   * Stores one change as it is applied. When it cannot be stored, the document is marked
   * unstored and stored whole again, and the device that sent it is refused, which keeps
   * Hocuspocus from acknowledging it (throwing here ends the apply before the acknowledgement).
   */
  private storeChange(document: Document, update: Uint8Array, origin: unknown): void {
    if (isTransactionOrigin(origin) && origin.source === 'redis') return;
    const name = document.name;
    try {
      this.rows.append(name, update);
    } catch (error) {
      this.options.unstored.add(name);
      this.options.logger.error(
        `Could not store a change to ${documentLabel(name)}: ${describeError(error)}; it stays in memory, and devices keep theirs until it is stored`,
      );
      this.storeAgain(document);
      if (isTransactionOrigin(origin) && origin.source === 'connection') {
        refuseChange(origin.connection.webSocket, CHANGE_REFUSED_REASONS.unstored);
      }
    }
  }

  /** Stores a document whole soon (once at a time), outside the transaction that asked. */
  private storeAgain(document: Document): void {
    setTimeout(() => {
      const instance = this.instance;
      if (!instance) return;
      const key = `onStoreDocument-${document.name}`;
      if (instance.debouncer.isCurrentlyExecuting(key)) return;
      void instance
        .storeDocumentHooks(
          document,
          {
            instance,
            clientsCount: document.getConnectionsCount(),
            document,
            documentName: document.name,
            lastContext: {},
            lastTransactionOrigin: undefined,
          },
          true,
        )
        .catch(() => undefined);
    }, 0);
  }

  /**
   * A document holding an unstored change stays in memory: it is stored whole again right
   * away, and unloads only once that succeeds.
   */
  beforeUnloadDocument({ documentName, document }: beforeUnloadDocumentPayload): Promise<void> {
    if (!this.options.unstored.has(documentName)) return Promise.resolve();
    this.options.logger.warn(
      `Unstored changes in ${documentLabel(documentName)}: storing it again`,
    );
    this.storeAgain(document);
    return Promise.reject(new Refusal('unstored changes'));
  }

  private instance: Hocuspocus | undefined;

  onConfigure({ instance }: { instance: Hocuspocus }): Promise<void> {
    this.instance = instance;
    return Promise.resolve();
  }
}
