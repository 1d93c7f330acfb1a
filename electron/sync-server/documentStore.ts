import {
  type beforeSyncPayload,
  type ConnectionTransactionOrigin,
  type beforeUnloadDocumentPayload,
  type Document,
  type Extension,
  type Hocuspocus,
  type LocalTransactionOrigin,
  type onLoadDocumentPayload,
  type onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { CHANGE_REFUSED_REASONS } from '../../shared/sync/closeCodes';
import { journalDocumentOf } from '../../shared/sync/syncLink';
import { describeError, type Logger } from './logger';
import { Refusal, refuseChange } from './refusal';
import type { ServerStorage } from './serverStorage';
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
  /** Where documents are kept (the data folder's SQLite file, or Postgres). */
  readonly storage: ServerStorage;
  readonly logger: Logger;
  /** The log for what clients cause (a refused change), repeats counted. */
  readonly clientLog: Logger;
  readonly retryPolicy: RetryPolicy;
  /**
   * Documents holding a change in memory that could not be stored: they take no change from
   * devices until a whole-document store succeeds, and are never unloaded before.
   */
  readonly unstored: Set<string>;
  /** The largest a document may grow to (its stored base and change rows), in bytes. */
  readonly maxDocumentBytes: number;
  /** Change rows that make an open document worth writing whole (see worthCompacting). */
  readonly compactAfterRows: number;
}

/** Applies a base read back from the store: already stored, so not stored again. */
const FROM_STORAGE: LocalTransactionOrigin = { source: 'local', skipStoreHooks: true };

/** A document's base and the change rows stored since, in bytes. */
interface StoredSize {
  base: number;
  rows: number;
  rowBytes: number;
}

const storedBytes = (size: StoredSize | undefined) => (size ? size.base + size.rowBytes : 0);

/**
 * Whether a document's change rows are worth folding into its base by their bytes: a quarter
 * of the base, at least 256 KiB (besides a number of rows, 2,000 by default). A 2k-interaction
 * journal changing twice a second is then written whole about every 15 minutes instead of
 * every 10 seconds, and it loads with at most that many small rows to apply.
 */
function worthCompacting(size: StoredSize): boolean {
  return size.rowBytes >= Math.max(256 * 1024, size.base / 4);
}

/** A change not stored because its journal was removed meanwhile. */
class JournalRemoved extends Error {}

/**
 * Keeps every server document (a journal, or a journal's reflections) in the server's store,
 * so that an acknowledged change is a stored one:
 *
 * - Each change a device sends is applied here first and written as a row of its own; only
 *   once the row is stored does Hocuspocus go on to acknowledge it. A change that cannot be
 *   written is refused: the device keeps it and sends it again.
 * - A change that reaches this instance from another one (over Redis) is written as a row too,
 *   so that whatever an instance holds is stored, whichever instance it came through.
 * - Hocuspocus' debounced store compacts: it writes the whole document as the base and
 *   removes the change rows the base contains. A base another instance wrote meanwhile is
 *   applied first, never written over.
 * - A change that does not apply is refused, never acknowledged.
 */
export class DocumentStore implements Extension {
  readonly extensionName = 'RelevantDocumentStore';
  private readonly storage: ServerStorage;
  /** The version of the stored base each loaded document was read or written at. */
  private readonly versions = new Map<string, number>();
  /**
   * What each loaded document takes in the store: its base, and the change rows written since
   * (by any instance, so at times more than the document would take whole; a store then
   * makes it exact).
   */
  private readonly stored = new Map<string, StoredSize>();
  /** While a device's change is applied: the writes of the rows it makes. */
  private collecting: Promise<void>[] | null = null;

  constructor(private readonly options: DocumentStoreOptions) {
    this.storage = options.storage;
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
  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    try {
      const stored = await this.storage.readDocument(documentName);
      document.transact(() => {
        if (stored.base) Y.applyUpdate(document, stored.base);
        for (const change of stored.changes) Y.applyUpdate(document, change);
      });
      this.versions.set(documentName, stored.version);
      this.stored.set(documentName, {
        base: stored.base?.byteLength ?? 0,
        rows: stored.changes.length,
        rowBytes: stored.changes.reduce((sum, change) => sum + change.byteLength, 0),
      });
    } catch (error) {
      this.options.logger.error(
        `Could not load ${documentLabel(documentName)}: ${describeError(error)}`,
      );
      throw new Refusal(LOAD_REFUSED);
    }
    document.on('update', (update: Uint8Array, origin: unknown) => {
      this.storeChange(document, update, origin);
    });
  }

  /**
   * Applies a change from a device here, before Hocuspocus does, and waits until the rows it
   * made are stored: Hocuspocus acknowledges the change once this resolves. Applying it here
   * also catches a change that does not apply (it does not decode, or its content is broken):
   * y-protocols swallows an error thrown while applying and Hocuspocus would acknowledge it.
   * Applying it again after this is a no-op for Yjs. A document that holds an unstored change
   * refuses changes (and is stored again) until it is stored.
   */
  async beforeSync({ type, payload, documentName, document, connection }: beforeSyncPayload) {
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
    if (this.options.unstored.has(documentName)) {
      this.storeAgain(document);
      refuseChange(connection.webSocket, CHANGE_REFUSED_REASONS.unstored);
    }
    if (
      storedBytes(this.stored.get(documentName)) + payload.byteLength >
      this.options.maxDocumentBytes
    ) {
      this.options.clientLog.warn(
        `Refused a change to ${documentLabel(documentName)}: it would pass the size limit of ${this.options.maxDocumentBytes} bytes`,
      );
      this.storeAgain(document); // the rows may count changes twice: a store makes it exact
      refuseChange(connection.webSocket, CHANGE_REFUSED_REASONS.journalFull);
    }
    const origin: ConnectionTransactionOrigin = { source: 'connection', connection };
    const writes: Promise<void>[] = [];
    this.collecting = writes;
    try {
      Y.applyUpdate(document, payload, origin);
    } catch (error) {
      this.options.clientLog.warn(
        `Refused a change to ${documentLabel(documentName)} that does not apply: ${describeError(error)}`,
      );
      refuseChange(connection.webSocket, CHANGE_REFUSED_REASONS.unreadable);
    } finally {
      this.collecting = null;
    }
    // Part of the change may wait for an earlier one (Yjs' pending structs): no update is
    // emitted for that part until the earlier one arrives, so the change is stored as sent.
    if (document.store.pendingStructs !== null || document.store.pendingDs !== null) {
      writes.push(this.append(document, payload));
    }
    const failed = (await Promise.allSettled(writes)).find(
      (write): write is PromiseRejectedResult => write.status === 'rejected',
    );
    if (!failed) return;
    if (failed.reason instanceof JournalRemoved) {
      this.letGo(document);
      throw new Refusal('no such journal');
    }
    this.notStored(document, failed.reason);
    refuseChange(connection.webSocket, CHANGE_REFUSED_REASONS.unstored);
  }

  /**
   * Writes the whole document as its base and removes the change rows it contains. When
   * another instance wrote a base since this one read or wrote it, that base is applied to the
   * document first (it may hold changes this instance never received) and the store tried
   * again.
   */
  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    const { logger, retryPolicy, unstored } = this.options;
    const label = documentLabel(documentName);
    // Every change is stored as a row already: while devices are connected, the whole
    // document is written only once its rows have grown enough to be worth folding in. It is
    // written whenever it is about to leave memory (no device left, or shutting down) and when
    // it holds an unstored change.
    const size = this.stored.get(documentName);
    const leaving = document.getConnectionsCount() === 0;
    const worthIt = (found: StoredSize) =>
      found.rows >= this.options.compactAfterRows || worthCompacting(found);
    if (!leaving && !unstored.has(documentName) && size && !worthIt(size)) return;
    await withRetry(
      async () => {
        for (;;) {
          // The snapshot says which change rows the base holds: taken with the state, in the
          // same turn. Taken later (when the store answers), the document may hold changes
          // that arrived meanwhile, and their rows would go without being in the base.
          const state = Y.encodeStateAsUpdate(document);
          const snapshot = Y.snapshot(document);
          const contains = (change: Uint8Array) => Y.snapshotContainsUpdate(snapshot, change);
          const version = this.versions.get(documentName) ?? 0;
          const result = await this.storage.compact(documentName, state, version, contains);
          switch (result.outcome) {
            case 'journal-removed':
              logger.info(`Not storing ${label}: it was removed`);
              unstored.delete(documentName);
              this.letGo(document);
              return;
            case 'moved-on':
              logger.debug(`${label} was stored by another instance: taking its copy in`);
              Y.applyUpdate(document, result.base, FROM_STORAGE);
              this.versions.set(documentName, result.version);
              continue;
            case 'stored':
              this.versions.set(documentName, result.version);
              this.stored.set(documentName, { base: state.byteLength, rows: 0, rowBytes: 0 });
              logger.debug(
                `Stored ${label} (${state.byteLength} bytes, ${result.removed} changes folded in)`,
              );
              if (unstored.delete(documentName)) logger.info(`Stored ${label} again`);
              return;
          }
        }
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
  }

  /**
   * Stores one change as it is applied. A device's change is waited for in beforeSync; any
   * other (from another instance) is stored on its own, and a failure marks the document
   * unstored and stores it whole again.
   */
  private storeChange(document: Document, update: Uint8Array, origin: unknown): void {
    if (origin === FROM_STORAGE) return;
    const write = this.append(document, update);
    if (this.collecting) {
      this.collecting.push(write);
      return;
    }
    write.catch((error: unknown) => {
      if (error instanceof JournalRemoved) this.letGo(document);
      else this.notStored(document, error);
    });
  }

  private append(document: Document, change: Uint8Array): Promise<void> {
    return this.storage.appendChange(document.name, change).then((stored) => {
      if (!stored) throw new JournalRemoved();
      const size = this.stored.get(document.name);
      if (size) {
        size.rows += 1;
        size.rowBytes += change.byteLength;
      }
    });
  }

  /** A change held in memory could not be stored: the document is stored whole again. */
  private notStored(document: Document, error: unknown): void {
    this.options.unstored.add(document.name);
    this.options.logger.error(
      `Could not store a change to ${documentLabel(document.name)}: ${describeError(error)}; it stays in memory, and devices keep theirs until it is stored`,
    );
    this.storeAgain(document);
  }

  /**
   * A journal removed (remove-journal) while devices were connected: they are let go, and are
   * refused from now on when they come back (onAuthenticate).
   */
  private letGo(document: Document): void {
    if (document.getConnectionsCount() === 0) return;
    this.options.logger.info(
      `Closing the connections to ${documentLabel(document.name)}: it was removed`,
    );
    for (const open of document.getConnections()) {
      open.webSocket.close(JOURNAL_REMOVED_CLOSE_CODE, 'no such journal');
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
    if (!this.options.unstored.has(documentName)) {
      this.versions.delete(documentName);
      this.stored.delete(documentName);
      return Promise.resolve();
    }
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
