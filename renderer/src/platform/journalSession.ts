import { clearDocument } from 'y-indexeddb';
import * as Y from 'yjs';
import { JournalDoc, NewerSchemaError, ORIGIN, storedSchemaVersion } from '../../../shared/doc';
import { LOCAL_JOURNAL_DATABASE } from '../../../shared/platform';
import { clearJournalPreview, keepJournalPreview } from './journalPreview';
import { openLocalStore, requestPersistentStorage, type LocalStore } from './persistence';
import { relayBetweenTabs } from './tabRelay';
import { JournalSync } from './sync/journalSync';
import { syncEnvironment } from './sync/syncEnvironment';

/**
 * The User Timing mark set on every change of the open journal (local, remote or undo),
 * before the screens redraw: the Performance panel, and the bench, time redraws from it.
 */
export const JOURNAL_CHANGED_MARK = 'relevant:journal-changed';

/** An open journal on this device: the document and the storage that keeps it. */
export interface JournalSession {
  readonly journal: JournalDoc;
  readonly store: LocalStore;
  /** Sync with a server, when set up on this device. */
  readonly sync: JournalSync;
  close(): Promise<void>;
}

/** Opens the journal stored on this device, migrating it to the current schema. */
export async function openJournalSession(name = LOCAL_JOURNAL_DATABASE): Promise<JournalSession> {
  const ydoc = new Y.Doc();
  const store = await openLocalStore(name, ydoc);
  const stopRelay = relayBetweenTabs(name, ydoc);
  void requestPersistentStorage();
  const journal = new JournalDoc(ydoc);
  // Subscribed first, so the mark precedes the screens' own listeners. Only the last is kept.
  const stopMarking = journal.subscribe(() => {
    performance.clearMarks(JOURNAL_CHANGED_MARK);
    performance.mark(JOURNAL_CHANGED_MARK);
  });
  try {
    journal.migrate();
  } catch (error) {
    // A journal from a newer app version opens read-only (journal.readOnlyReason says why).
    if (!(error instanceof NewerSchemaError)) throw error;
  }
  // The first page as plain data beside the document, for showing at once next time.
  const preview = keepJournalPreview(journal, { name });
  // Another window is replacing the journal: what this one holds must not be written back.
  store.onReplacedElsewhere(() => void preview.stop());
  // After the migration: a journal that syncs gets the same schema on every device.
  const sync = new JournalSync(ydoc, { journalName: name, ...syncEnvironment() });
  return {
    journal,
    store,
    sync,
    async close() {
      sync.destroy();
      stopMarking();
      await preview.stop();
      stopRelay();
      journal.destroy();
      await store.destroy();
      ydoc.destroy();
    },
  };
}

/** Checks that bytes are a readable journal before anything is replaced with them. */
export function checkBackup(bytes: Uint8Array): void {
  const probe = new Y.Doc();
  try {
    try {
      Y.applyUpdate(probe, bytes, ORIGIN.restore);
    } catch (cause) {
      throw new Error('This backup is damaged and cannot be read; nothing was changed.', {
        cause,
      });
    }
    // Some bytes that are no journal still decode as a Yjs update, one that holds nothing:
    // restoring it would empty the journal. Every journal the app writes has a schema version.
    if (storedSchemaVersion(probe) === null) {
      throw new Error(
        'This file holds no Relevant journal, so it was not restored; nothing was changed.',
      );
    }
  } finally {
    probe.destroy();
  }
}

/**
 * Replaces the journal stored on this device with a backup. The caller closes the open
 * session first and takes a safety backup of the current state.
 */
export async function replaceStoredJournal(
  bytes: Uint8Array,
  name = LOCAL_JOURNAL_DATABASE,
): Promise<void> {
  checkBackup(bytes);
  // Deletes the database itself, and waits for that. Clearing it through y-indexeddb would
  // first open it and read it, which fails (unseen) in the damaged store being replaced.
  await clearDocument(name);
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, bytes, ORIGIN.restore);
  const store = await openLocalStore(name, ydoc);
  await store.destroy();
  ydoc.destroy();
  // The preview showed the journal that is gone. Other windows stopped writing theirs when the
  // database was deleted; the replacement writes its own once it is open.
  await clearJournalPreview({ name }).catch(() => undefined);
  announceReplaced(name);
}

const controlChannel = (name: string) =>
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${name}:control`);

/** Tells other windows that the stored journal was replaced and is ready to open again. */
function announceReplaced(name: string): void {
  const channel = controlChannel(name);
  channel?.postMessage('replaced');
  channel?.close();
}

/**
 * Resolves when another window has finished replacing the stored journal (or after
 * `timeoutMs`, should that window have been closed midway).
 */
export function waitForReplacement(name = LOCAL_JOURNAL_DATABASE, timeoutMs = 5000) {
  return new Promise<void>((resolve) => {
    const channel = controlChannel(name);
    const done = () => {
      clearTimeout(timer);
      channel?.close();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    if (channel) channel.onmessage = done;
  });
}
