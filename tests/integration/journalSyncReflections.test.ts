// The app's sync controller with the journal's reflections attached, against a real sync
// server: the second document over the same connection, what "synced" means then, offline
// edits of a reflection and of fields on two devices, pause, a new target, and refusals.
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addJournal, startSyncServer, type SyncServer } from '../../electron/sync-server';
import { databasePath } from '../../electron/sync-server/journalRegistry';
import { JournalSync } from '../../renderer/src/platform/sync/journalSync';
import type { SyncState } from '../../renderer/src/platform/sync/syncStatus';
import { JournalDoc, ORIGIN, reflectionEntry } from '../../shared/doc';
import type { InteractionId } from '../../shared/domain';
import { reflectionsDocumentName, type SyncTarget } from '../../shared/sync';
import { anInteraction } from '../fixtures/interactions';
import { CountingWebSocket, FakeNetwork, memoryStorage, sockets } from './syncDevice';
import { makeTempDir, removeDir, waitFor } from './syncHelpers';

interface Device {
  readonly journal: JournalDoc;
  readonly reflections: Y.Doc;
  readonly sync: JournalSync;
  readonly network: FakeNetwork;
  /** Every state the device went through, in order. */
  readonly states: SyncState['state'][];
}

const devices: Device[] = [];

/**
 * A device with its journal and reflections open, as the app has them; the reflections are
 * attached to sync at once, or later with `attach()` when `attach: 'later'`.
 */
function device(
  options: { attach?: 'now' | 'later'; reflectionsIdleMs?: number } = {},
): Device & { attach(): void } {
  const journal = new JournalDoc(new Y.Doc());
  const reflections = new Y.Doc();
  // No scheduler: the test writes the plain texts when the app would (writeTexts).
  journal.attachReflections(reflections);
  const network = new FakeNetwork();
  const sync = new JournalSync(journal.ydoc, {
    journalName: 'relevant-journal',
    storage: memoryStorage(),
    network,
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    retry: { delayMs: 50, maxDelayMs: 200 },
    ...(options.reflectionsIdleMs === undefined
      ? {}
      : { reflectionsIdleMs: options.reflectionsIdleMs }),
  });
  const states: SyncState['state'][] = [];
  sync.subscribe(() => states.push(sync.getState().state));
  const attach = () => sync.attachReflections(reflections);
  if (options.attach !== 'later') attach();
  const made = { journal, reflections, sync, network, states, attach };
  devices.push(made);
  return made;
}

const stateOf = (d: Device) => d.sync.getState().state;
const pendingOf = (d: Device) => {
  const state = d.sync.getState();
  return 'pending' in state ? state.pending : 0;
};

/** The rich text of a reflection as the editor would show it (paragraph texts, one a line). */
function richText(d: Device, id: InteractionId): string {
  return (reflectionEntry(d.reflections, id)?.toArray() ?? [])
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map(String).join('') : ''))
    .join('\n');
}

/** Types `words` at the end of a reflection's first paragraph, as the editor would. */
function type(d: Device, id: InteractionId, words: string): void {
  const fragment = d.journal.reflectionFragment(id);
  if (!fragment) throw new Error(`no reflection for ${id}`);
  d.reflections.transact(() => {
    const paragraph = fragment.get(0);
    const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
    if (text instanceof Y.XmlText) text.insert(text.length, words);
    else {
      const created = new Y.XmlElement('paragraph');
      created.insert(0, [new Y.XmlText(words)]);
      fragment.insert(0, [created]);
    }
  }, ORIGIN.local);
}

let server: SyncServer;
let dataDir: string;

/** A new journal on the server, as a sync target. */
function newTarget(): SyncTarget {
  const { journalId, token } = addJournal(dataDir);
  return { serverUrl: `${server.url}/`, journalId, token };
}

beforeAll(async () => {
  dataDir = makeTempDir();
  server = await startSyncServer({ port: 0, dataDir, logLevel: 'silent', throttle: false });
});

afterEach(() => {
  for (const d of devices.splice(0)) d.sync.destroy();
});

afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

describe('sync of a journal’s reflections', () => {
  it('sends the reflections over the journal’s connection, and is synced only once they are', async () => {
    const target = newTarget();
    const laptop = device();
    const id = laptop.journal.addInteraction(anInteraction({ title: 'Coffee with Ada' }), {
      reflection: ['She hires through referrals.'],
    });
    type(laptop, id, ' Ask her about the plant in Porto.');
    sockets.opened = 0;
    laptop.sync.connect(target);
    await waitFor(() => stateOf(laptop) === 'synced', 'the laptop to be synced');
    expect(sockets.opened).toBe(1);
    expect(server.loadedDocuments().sort()).toEqual(
      [target.journalId, reflectionsDocumentName(target.journalId)].sort(),
    );

    // The desktop attaches its reflections after the journal has synced, as the app opens them.
    const desktop = device({ attach: 'later' });
    desktop.sync.connect(target);
    await waitFor(() => stateOf(desktop) === 'synced', 'the desktop’s journal to sync');
    expect(desktop.journal.get(id)?.title).toBe('Coffee with Ada');
    expect(richText(desktop, id)).toBe('');
    // Whenever it says synced from now on, the desktop holds the reflection.
    const seenWhenSynced: string[] = [];
    desktop.sync.subscribe(() => {
      if (stateOf(desktop) === 'synced') seenWhenSynced.push(richText(desktop, id));
    });
    const before = desktop.states.length;
    desktop.attach();
    await waitFor(() => stateOf(desktop) === 'synced', 'the desktop’s reflections to sync');
    expect(desktop.states.slice(before)).toContain('syncing');
    expect(seenWhenSynced).toEqual([
      'She hires through referrals. Ask her about the plant in Porto.',
    ]);
  });

  it('keeps reflections through pause and resume, and takes both documents to a new target', async () => {
    const first = newTarget();
    const laptop = device({ attach: 'later' });
    const desktop = device();
    laptop.sync.connect(first);
    desktop.sync.connect(first);
    await waitFor(() => stateOf(laptop) === 'synced' && stateOf(desktop) === 'synced', 'synced');
    const id = desktop.journal.addInteraction(anInteraction({ title: 'Panel on logistics' }), {
      reflection: ['Three speakers.'],
    });
    await waitFor(() => laptop.journal.get(id) !== undefined, 'the laptop to get the interaction');
    laptop.attach();
    await waitFor(
      () => stateOf(laptop) === 'synced' && richText(laptop, id) === 'Three speakers.',
      'the laptop’s reflections to sync',
    );

    laptop.sync.pause();
    type(laptop, id, ' The second one was worth it.');
    expect(laptop.sync.getState()).toMatchObject({ state: 'paused', pending: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(richText(desktop, id)).not.toContain('worth it');

    laptop.sync.resume();
    await waitFor(() => richText(desktop, id).includes('worth it'), 'the paused edit to arrive');
    await waitFor(() => stateOf(laptop) === 'synced', 'the laptop to be synced again');

    // A new target gets both documents of what the laptop holds.
    const second = newTarget();
    laptop.sync.connect(second);
    await waitFor(() => stateOf(laptop) === 'synced', 'the laptop to sync with the new target');
    const newcomer = device();
    newcomer.sync.connect(second);
    await waitFor(
      () => stateOf(newcomer) === 'synced' && richText(newcomer, id).includes('worth it'),
      'a device of the new target to get the journal and its reflections',
    );
    expect(newcomer.journal.get(id)?.title).toBe('Panel on logistics');

    laptop.sync.forget();
    type(laptop, id, ' Forgotten.');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(richText(newcomer, id)).not.toContain('Forgotten');
  });

  it('merges a reflection and fields edited offline on two devices, and the plain text follows', async () => {
    const target = newTarget();
    const laptop = device();
    const desktop = device();
    laptop.sync.connect(target);
    desktop.sync.connect(target);
    const id = laptop.journal.addInteraction(anInteraction({ title: 'Trade fair' }), {
      reflection: ['Met four suppliers.'],
    });
    // Logged with the reflections open: its rich text is written at once, and travels.
    await waitFor(
      () =>
        stateOf(laptop) === 'synced' &&
        stateOf(desktop) === 'synced' &&
        richText(desktop, id) === 'Met four suppliers.',
      'the desktop to get it',
    );

    laptop.network.set(false);
    desktop.network.set(false);
    laptop.journal.updateInteraction(id, { place: 'Hall 4' });
    type(laptop, id, ' LAPTOP-NOTE');
    desktop.journal.updateInteraction(id, { outcome: 'Two samples ordered' });
    type(desktop, id, ' DESKTOP-NOTE');
    // The plain text a device writes a moment after typing (its own version, for now).
    laptop.journal.openReflections?.writeTexts();
    desktop.journal.openReflections?.writeTexts();
    expect(pendingOf(laptop)).toBeGreaterThanOrEqual(3);
    expect(pendingOf(desktop)).toBeGreaterThanOrEqual(3);

    laptop.network.set(true);
    desktop.network.set(true);
    const both = (text: string) =>
      text.split('LAPTOP-NOTE').length === 2 && text.split('DESKTOP-NOTE').length === 2;
    await waitFor(
      () =>
        stateOf(laptop) === 'synced' &&
        stateOf(desktop) === 'synced' &&
        both(richText(laptop, id)) &&
        richText(laptop, id) === richText(desktop, id),
      'both reflections to converge',
    );
    expect(richText(laptop, id)).toMatch(/^Met four suppliers\. /);
    for (const d of [laptop, desktop]) {
      expect(d.journal.get(id)).toMatchObject({ place: 'Hall 4', outcome: 'Two samples ordered' });
    }

    // A moment later each device writes the plain text of the reflection changed elsewhere.
    laptop.journal.openReflections?.writeTexts();
    desktop.journal.openReflections?.writeTexts();
    const reader = device({ attach: 'later' });
    reader.sync.connect(target);
    await waitFor(
      () =>
        [laptop, desktop, reader].every(
          (d) =>
            stateOf(d) === 'synced' && d.journal.get(id)?.reflectionText === richText(laptop, id),
        ),
      'every device, and one without the reflections open, to hold the merged plain text',
    );
  });

  it('stops both documents when either is refused', async () => {
    const target = newTarget();
    const owner = device();
    owner.sync.connect(target);
    await waitFor(() => stateOf(owner) === 'synced', 'the owner to be synced');

    const stranger = device();
    sockets.opened = 0;
    stranger.sync.connect({ ...target, token: 'not-the-token-of-this-journal' });
    await waitFor(() => stateOf(stranger) === 'refused', 'the token to be refused');
    const attempts = sockets.opened;
    const id = stranger.journal.addInteraction(anInteraction({ title: 'Stays here' }), {
      reflection: ['Private.'],
    });
    type(stranger, id, ' Very private.');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sockets.opened).toBe(attempts);
    expect(owner.journal.get(id)).toBeUndefined();

    // The server cannot load this journal's reflections (a damaged row): the journal stops too.
    const damaged = newTarget();
    const db = new Database(databasePath(dataDir), { timeout: 5000 });
    try {
      db.prepare('INSERT INTO documents (name, data) VALUES (?, ?)').run(
        reflectionsDocumentName(damaged.journalId),
        Buffer.from([0xff, 0xff, 0xff]),
      );
    } finally {
      db.close();
    }
    const unlucky = device();
    unlucky.sync.connect(damaged);
    await waitFor(() => stateOf(unlucky) === 'refused', 'the reflections to be refused');
    const state = unlucky.sync.getState();
    expect(state.state === 'refused' && state.reason).toMatch(/could not be loaded/);
    unlucky.journal.addInteraction(anInteraction({ title: 'After the refusal' }));
    const onServer = device({ attach: 'later' });
    onServer.sync.connect(damaged);
    await waitFor(() => stateOf(onServer) === 'synced', 'a journal-only device to sync');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onServer.journal.getSnapshot().interactions).toEqual([]);
  });
});

describe('reflections on the server only while they are needed', () => {
  it('leave the connection once synced and idle, come back to send a change, and stay while one is open', async () => {
    const target = newTarget();
    const laptop = device({ reflectionsIdleMs: 200 });
    const id = laptop.journal.addInteraction(anInteraction({ title: 'Coffee with Ada' }), {
      reflection: ['First thoughts.'],
    });
    laptop.sync.connect(target);
    const reflectionsName = reflectionsDocumentName(target.journalId);
    await waitFor(() => stateOf(laptop) === 'synced', 'the laptop to be synced');
    await waitFor(() => !laptop.sync.reflectionsConnected, 'the reflections to leave', 5000);
    await waitFor(
      () => !server.loadedDocuments().includes(reflectionsName),
      'the server to unload the reflections',
      10_000,
    );
    expect(server.loadedDocuments()).toContain(target.journalId);

    // Another device opens the reflection: it stays connected, and sees typing as it comes.
    const desktop = device({ reflectionsIdleMs: 200 });
    desktop.sync.connect(target);
    await waitFor(() => stateOf(desktop) === 'synced', 'the desktop to be synced');
    const release = desktop.sync.holdReflections();
    type(laptop, id, ' More after lunch.');
    expect(laptop.sync.reflectionsConnected).toBe(true);
    await waitFor(
      () => richText(desktop, id) === 'First thoughts. More after lunch.',
      'the desktop to see the typing',
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(desktop.sync.reflectionsConnected).toBe(true);
    expect(server.loadedDocuments()).toContain(reflectionsName);
    release();
    await waitFor(
      () => !desktop.sync.reflectionsConnected && !laptop.sync.reflectionsConnected,
      'both to leave once nobody has a reflection open',
      5000,
    );
    expect(stateOf(laptop)).toBe('synced');
    expect(pendingOf(laptop)).toBe(0);
  });
});
