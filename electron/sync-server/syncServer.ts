import { Server, type Extension, type Hocuspocus } from '@hocuspocus/server';
import { limitConnections, type ConnectionLimits } from './connectionLimits';
import { documentLabel, DocumentStore } from './documentStore';
import { checkAccess, openServerStorage } from './journalRegistry';
import { countRepeats } from './consoleLog';
import { createLogger, describeError, type LogSink, type LogLevel } from './logger';
import { memoryLine } from './memoryLog';
import { quietCollection } from './quietCollection';
import { Refusal } from './refusal';
import { checkServerSettings, type ThrottleSettings } from './serverConfig';
import { DEFAULT_STORE_RETRY, type RetryPolicy } from './storeRetry';
import { tokenThrottle } from './tokenThrottle';

export interface SyncServerOptions {
  /** Where to listen; default '127.0.0.1' (loopback only). */
  host?: string;
  /** Default 1234; 0 picks a free port. */
  port?: number;
  /** Default './sync-data' (created if missing); the SQLite file lives inside. */
  dataDir?: string;
  /** Default 'info'. */
  logLevel?: LogLevel;
  /**
   * A Postgres database (postgres://…) to keep journals in instead of the data folder's
   * SQLite file: instances on several hosts that share it serve the same journals.
   */
  databaseUrl?: string;
  /** Scale-out over Redis when set; every instance must use the same store. */
  redisUrl?: string;
  /** Wait after a change before storing (Hocuspocus' debounce, default 2000). */
  storeDebounceMs?: number;
  /** Longest wait before storing under continuous changes (default 10000). */
  storeMaxDebounceMs?: number;
  /** Wrong tokens per address and journal; default 60 a minute, then "try again" for 1 minute. */
  throttle?: false | ThrottleSettings;
  /** Where log lines go (default: stderr). */
  logSink?: LogSink;
  /** Reverse proxies whose X-Forwarded-For names the client (see tokenThrottle). */
  trustProxy?: readonly string[];
  /** The largest a journal (or its reflections) may grow to, in bytes (default 256 MiB). */
  maxJournalBytes?: number;
  /** Connection caps, the time to open a journal and byte limits (see connectionLimits.ts). */
  limits?: Partial<ConnectionLimits>;
  /**
   * Change rows after which a journal still open is written whole at its next store (default
   * 2000; also after a quarter of its size). A journal leaving memory is always written whole.
   */
  compactAfterRows?: number;
  /** How often and how fast a failing store is retried (default 5 attempts from 200 ms). */
  storeRetry?: Partial<RetryPolicy>;
}

export interface SyncServer {
  /** 'ws://127.0.0.1:<port>', with the actual port. */
  readonly url: string;
  readonly port: number;
  /** Where the journals are kept, for people ("the database /srv/sync/relevant-sync.sqlite"). */
  readonly storage: string;
  /** The names of the documents held in memory now (for tests and diagnostics). */
  loadedDocuments(): string[];
  /**
   * Stores every pending change, then stops; resolves false when some journal's changes could
   * not be stored (they are named in the log).
   */
  close(): Promise<boolean>;
}

export async function startSyncServer(options: SyncServerOptions = {}): Promise<SyncServer> {
  const { logSink, storeRetry, ...checked } = options;
  const settings = checkServerSettings(checked);
  const logger = createLogger(settings.logLevel, logSink);
  // Lines that clients cause (refused tokens and changes): repeats are counted, not written.
  const clientLog = countRepeats(logger);
  const retryPolicy: RetryPolicy = { ...DEFAULT_STORE_RETRY, ...storeRetry };

  const storage = await openServerStorage(settings, logger);
  /** Journals whose latest store failed for good: kept in memory, never unloaded unstored. */
  const unstored = new Set<string>();

  const store = new DocumentStore({
    storage,
    logger,
    clientLog,
    retryPolicy,
    unstored,
    maxDocumentBytes: settings.maxJournalBytes,
    compactAfterRows: settings.compactAfterRows,
  });
  const collection = quietCollection(() => {
    const documents = hocuspocus.documents.size + hocuspocus.loadingDocuments.size;
    logger.debug(`Collected garbage. ${memoryLine(documents)}`);
  });

  const throttle = settings.throttle
    ? tokenThrottle(settings.throttle, settings.trustProxy, (line) => clientLog.info(line))
    : null;
  const journals: Extension = {
    extensionName: 'RelevantJournals',
    async onAuthenticate({ documentName, token, requestHeaders }) {
      const checked = await checkAccess(storage, documentName, token);
      const denial = throttle ? throttle.judge(documentName, checked, requestHeaders) : checked;
      if (denial !== null) {
        clientLog.info(`Refused a connection to ${documentLabel(documentName)}: ${denial}`);
        throw new Refusal(denial);
      }
      logger.debug(`Opened ${documentLabel(documentName)}`);
    },
    afterStoreDocument() {
      collection.soon('store');
      return Promise.resolve();
    },
    afterLoadDocument({ documentName, instance }) {
      logger.debug(`Loaded ${documentLabel(documentName)}`);
      logger.debug(memoryLine(instance.documents.size + instance.loadingDocuments.size));
      collection.soon('load');
      return Promise.resolve();
    },
    afterUnloadDocument({ documentName, instance }) {
      logger.debug(`Unloaded ${documentLabel(documentName)} from memory`);
      logger.debug(memoryLine(instance.documents.size + instance.loadingDocuments.size));
      collection.soon('unload');
      return Promise.resolve();
    },
  };

  const extensions: Extension[] = [...(throttle ? [throttle.extension] : []), store, journals];
  let redisReady = false;
  try {
    if (settings.redisUrl !== undefined) {
      // Loaded only when asked for: the Redis client costs ~20 MB of memory when idle.
      const { connectRedis } = await import('./scaleOut');
      extensions.push(await connectRedis(settings.redisUrl, logger));
      redisReady = true;
    }
  } catch (error) {
    await storage.close();
    throw error;
  }
  // Last: its onAuthenticate runs only once the journal's own check has let the connection in.
  const limits = limitConnections(settings.limits, settings.trustProxy, (line) =>
    clientLog.info(line),
  );

  const server = new Server({
    name: 'relevant-sync',
    address: settings.host,
    port: settings.port,
    quiet: true,
    stopOnSignals: false,
    // Hocuspocus' default, set here because memory depends on it: a document leaves memory
    // once its last client has gone and its pending changes are stored (stored at once then,
    // not after the debounce).
    unloadImmediately: true,
    // One change at most this large (a device's first upload is one message).
    websocketOptions: { maxPayload: settings.limits.maxUpdateBytes },
    ...(settings.storeDebounceMs === undefined ? {} : { debounce: settings.storeDebounceMs }),
    ...(settings.storeMaxDebounceMs === undefined
      ? {}
      : { maxDebounce: settings.storeMaxDebounceMs }),
    extensions: [...extensions, ...limits.extensions],
  });
  limits.watch(server.httpServer);
  const hocuspocus = server.hocuspocus;

  const releaseResources = async () => {
    collection.stop();
    await storage.close();
  };

  try {
    await new Promise<void>((resolve, reject) => {
      server.httpServer.once('error', reject);
      server.listen(settings.port).then(() => {
        server.httpServer.off('error', reject);
        resolve();
      }, reject);
    });
  } catch (error) {
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    await releaseResources();
    throw new Error(`Cannot listen on ${settings.host}:${settings.port}: ${describeError(error)}`, {
      cause: error,
    });
  }

  const port = server.address.port;
  const url = `ws://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${port}`;
  logger.info(
    `Serving journals from ${storage.description}${redisReady ? ' with Redis scale-out' : ''}${settings.throttle ? '' : ' (throttling off)'}`,
  );

  let closing: Promise<boolean> | undefined;
  const shutdown = async () => {
    logger.info('Shutting down: storing pending changes');
    const stopped = await stopStoringEverything(server, hocuspocus, unstored);
    if (!stopped) {
      for (const name of hocuspocus.documents.keys()) {
        logger.error(
          `Shutting down without the latest changes of ${documentLabel(name)}: they could not be stored`,
        );
      }
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    }
    await releaseResources();
    clientLog.flush();
    logger.info('Stopped');
    return stopped;
  };

  return {
    url,
    port,
    storage: storage.description,
    loadedDocuments: () => [...hocuspocus.documents.keys()],
    close: () => (closing ??= shutdown()),
  };
}

/**
 * Hocuspocus' destroy: closes connections, stores what is pending and resolves once every
 * journal is unloaded. A journal whose store keeps failing never unloads; once only such
 * journals are left and nothing is being stored, waiting longer changes nothing: false.
 */
async function stopStoringEverything(
  server: Server,
  hocuspocus: Hocuspocus,
  unstored: ReadonlySet<string>,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const givenUp = new Promise<false>((resolve) => {
    timer = setInterval(() => {
      const documents = [...hocuspocus.documents.values()];
      const stuck =
        documents.length > 0 &&
        hocuspocus.loadingDocuments.size === 0 &&
        documents.every(
          (document) =>
            unstored.has(document.name) &&
            !hocuspocus.debouncer.isDebounced(`onStoreDocument-${document.name}`) &&
            !hocuspocus.debouncer.isCurrentlyExecuting(`onStoreDocument-${document.name}`) &&
            !document.saveMutex.isLocked(),
        );
      if (stuck) resolve(false);
    }, 50);
  });
  try {
    return await Promise.race([server.destroy().then(() => true), givenUp]);
  } finally {
    clearInterval(timer);
  }
}
