/** The Relevant sync server: a Hocuspocus server storing journals in SQLite. Node only. */
export { startSyncServer, type SyncServer, type SyncServerOptions } from './syncServer';
export {
  addJournal,
  listJournals,
  removeJournal,
  type JournalListing,
  type NewJournal,
} from './journalRegistry';
export type { LogLevel, LogSink } from './logger';
export type { ThrottleSettings } from './serverConfig';
export type { RetryPolicy } from './storeRetry';
