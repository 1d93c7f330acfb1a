import * as Y from 'yjs';
import {
  decodeJournalFile,
  encodeJournalFile,
  JournalDoc,
  NewerSchemaError,
  ORIGIN,
  storedSchemaVersion,
  type JournalReflections,
} from '../../../shared/doc';
import { LOCAL_JOURNAL_DATABASE, reflectionsDatabaseName } from '../../../shared/platform';
import { clearJournalPreview, keepJournalPreview } from './journalPreview';
import { OPENING_MARKS } from './marks';
import { nextTurn, openLocalStore, requestPersistentStorage, type LocalStore } from './persistence';
import { deviceSaving, type DeviceSaving } from './deviceSaving';
import { addPendingCaptures } from './pendingCaptures';
import { keepReflections } from './reflectionsUpkeep';
import { splitInWorker } from './splitUpdate';
import { readAllUpdates, replaceStores } from './storeReplacement';
import { relayBetweenTabs } from './tabRelay';
import { JournalSync } from './sync/journalSync';
import { syncEnvironment } from './sync/syncEnvironment';

/**
 * The User Timing mark set on every change of the open journal (local, remote or undo),
 * before the screens redraw: the Performance panel, and the bench, time redraws from it.
 */
export const JOURNAL_CHANGED_MARK = OPENING_MARKS.changed;

/** An open journal on this device: the document and the storage that keeps it. */
export interface JournalSession {
  readonly journal: JournalDoc;
  readonly store: LocalStore;
  /** Whether every change is stored on this device (the journal and its reflections). */
  readonly saving: DeviceSaving;
  /** Sync with a server, when set up on this device. */
  readonly sync: JournalSync;
  /**
   * Opens the reflections (the journal's second document) once the journal is showing; they
   * load meanwhile, a part at a time. Resolves when they are open; only the first call opens.
   */
  openReflections(): Promise<JournalReflections>;
  /** Adds what was logged before the journal opened (see pendingCaptures.ts). */
  addPendingCaptures(): Promise<number>;
  close(): Promise<void>;
}

const storeOptions = { split: splitInWorker } as const;

/** Opens the journal stored on this device, migrating it to the current schema. */
export async function openJournalSession(name = LOCAL_JOURNAL_DATABASE): Promise<JournalSession> {
  const ydoc = new Y.Doc();
  // Built first, so that it reads the records as each stored part arrives, and sorts once.
  const journal = new JournalDoc(ydoc, { loading: true });
  let store: LocalStore;
  try {
    store = await openLocalStore(name, ydoc, storeOptions);
  } catch (error) {
    journal.destroy();
    ydoc.destroy();
    throw error;
  }
  await journal.finishLoading(nextTurn);
  const stopRelay = relayBetweenTabs(name, ydoc);
  const saving = deviceSaving();
  saving.add(store);
  void requestPersistentStorage();
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
  let reflections: Promise<OpenReflections> | null = null;
  let closed = false;
  let stopCompacting: () => void = () => undefined;
  let stopArrivals: () => void = () => undefined;
  const openReflections = () =>
    (reflections ??= openReflectionsOf(name, journal, () => closed).then(async (open) => {
      // Synced over the journal's connection from now on (a second document on the server),
      // and kept connected while a reflection is open for editing.
      sync.attachReflections(open.reflections.ydoc);
      saving.add(open.store);
      let release: (() => void) | null = null;
      open.reflections.onEditing((editing) => {
        release?.();
        release = editing ? sync.holdReflections() : null;
      });
      // Interactions logged on another device: their reflections come too, while online.
      stopArrivals = journal.onInteractionsArrived(() => sync.holdReflections()());
      stopCompacting = await compactBoth(store, open.store);
      return open;
    }));
  const addCaptures = () =>
    addPendingCaptures(journal, () => store.flush(), { name }).catch(() => 0);
  // Logged from the preview while this opened: in the journal before it shows.
  await addCaptures();
  return {
    journal,
    store,
    saving,
    sync,
    openReflections: async () => (await openReflections()).reflections,
    addPendingCaptures: addCaptures,
    async close() {
      closed = true;
      stopCompacting();
      stopArrivals();
      sync.destroy();
      stopMarking();
      await preview.stop();
      const open = await reflections?.catch(() => null);
      await open?.close();
      stopRelay();
      journal.destroy();
      await store.destroy();
      ydoc.destroy();
    },
  };
}

interface OpenReflections {
  readonly reflections: JournalReflections;
  readonly store: LocalStore;
  close(): Promise<void>;
}

/** Loads the reflections document beside the open journal and attaches it, then keeps it. */
async function openReflectionsOf(
  name: string,
  journal: JournalDoc,
  isClosed: () => boolean,
): Promise<OpenReflections> {
  const databaseName = reflectionsDatabaseName(name);
  const ydoc = new Y.Doc();
  const store = await openLocalStore(databaseName, ydoc, storeOptions);
  if (isClosed()) {
    await store.destroy();
    throw new Error('The journal was closed.');
  }
  const stopRelay = relayBetweenTabs(databaseName, ydoc);
  const reflections = journal.attachReflections(ydoc, (run, delayMs) => {
    const timer = setTimeout(run, delayMs);
    return () => clearTimeout(timer);
  });
  const stopUpkeep = keepReflections(journal, reflections, store, nextTurn);
  return {
    reflections,
    store,
    async close() {
      stopUpkeep();
      reflections.writeTexts();
      stopRelay();
      await store.destroy();
      ydoc.destroy();
    },
  };
}

/** How often the stores are checked for small changes worth rewriting as parts. */
const COMPACT_CHECK_MS = 60_000;

/** Rewrites a stored document in parts when it needs it (see compact); tries again if it changed meanwhile. */
async function compactStore(store: LocalStore): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await store.compact().catch(() => 'failed' as const);
    if (result !== 'changed') return;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/**
 * Once both are open, rewrites each stored document in parts when it needs it, then checks
 * again every minute (small changes pile up); returns a stop function.
 */
async function compactBoth(...stores: LocalStore[]): Promise<() => void> {
  for (const store of stores) await compactStore(store);
  performance.mark(OPENING_MARKS.compacted);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      for (const store of stores) await compactStore(store);
    })().finally(() => {
      running = false;
    });
  }, COMPACT_CHECK_MS);
  return () => clearInterval(timer);
}

/** Checks that bytes are a readable journal before anything is replaced with them. */
export function checkBackup(bytes: Uint8Array): void {
  const probe = new Y.Doc();
  const probeReflections = new Y.Doc();
  try {
    try {
      const file = decodeJournalFile(bytes);
      Y.applyUpdate(probe, file.journal, ORIGIN.restore);
      if (file.reflections) Y.applyUpdate(probeReflections, file.reflections, ORIGIN.restore);
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
    probeReflections.destroy();
  }
}

/**
 * A backup of what is stored on this device, read straight from storage (when the journal
 * cannot be opened, say): its journal and reflections updates merged into a journal file.
 * Null when nothing readable is stored.
 */
export async function copyStoredJournal(name = LOCAL_JOURNAL_DATABASE): Promise<Uint8Array | null> {
  try {
    const journal = await readAllUpdates(indexedDB, name);
    if (journal.length === 0) return null;
    const reflections = await readAllUpdates(indexedDB, reflectionsDatabaseName(name));
    const bytes = encodeJournalFile({
      journal: Y.mergeUpdates(journal),
      reflections: reflections.length > 0 ? Y.mergeUpdates(reflections) : null,
    });
    checkBackup(bytes);
    return bytes;
  } catch {
    return null;
  }
}

/**
 * Replaces the journal stored on this device (and its reflections) with a backup. The caller
 * closes the open session first and takes a safety backup of the current state. A backup from
 * before the reflections had their own document holds them inside the journal: they move
 * when it next opens.
 */
export async function replaceStoredJournal(
  bytes: Uint8Array,
  name = LOCAL_JOURNAL_DATABASE,
): Promise<void> {
  checkBackup(bytes);
  const file = decodeJournalFile(bytes);
  // Written and read back beside the journal first, then swapped in, all or nothing: a
  // failure (a full disk) leaves the journal as it was (storeReplacement.ts).
  await replaceStores(indexedDB, [
    { name, update: file.journal },
    { name: reflectionsDatabaseName(name), update: file.reflections },
  ]);
  // The preview showed the journal that is gone. Other windows stopped writing theirs when the
  // database's version changed; the replacement writes its own once it is open.
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
