// The app's sync controller (renderer/src/platform/sync) against a real sync server on
// loopback: what the header shows, offline edits, a refused token, pause and forget.
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addJournal, startSyncServer, type SyncServer } from '../../electron/sync-server';
import { JournalSync } from '../../renderer/src/platform/sync/journalSync';
import type { SyncState } from '../../renderer/src/platform/sync/syncStatus';
import { readStoredSync, type SyncSecrets } from '../../renderer/src/platform/sync/syncStore';
import { JournalDoc } from '../../shared/doc';
import { CHANGE_REFUSED_REASONS, MESSAGE_TOO_BIG_REASON, type SyncTarget } from '../../shared/sync';
import { databasePath } from '../../electron/sync-server/journalRegistry';
import { anInteraction } from '../fixtures/interactions';
import {
  CountingWebSocket,
  FakeNetwork,
  memorySecrets,
  memoryStorage,
  sockets,
} from './syncDevice';
import {
  failWrites,
  healWrites,
  makeTempDir,
  readStoredDocument,
  removeDir,
  waitFor,
} from './syncHelpers';

interface Device {
  readonly journal: JournalDoc;
  readonly sync: JournalSync;
  readonly network: FakeNetwork;
  readonly storage: ReturnType<typeof memoryStorage>;
}

const devices: Device[] = [];

function device(
  storage = memoryStorage(),
  network = new FakeNetwork(),
  journal = new JournalDoc(new Y.Doc()),
  secrets?: SyncSecrets,
): Device {
  const sync = new JournalSync(journal.ydoc, {
    journalName: 'relevant-journal',
    storage,
    network,
    ...(secrets ? { secrets } : {}),
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    retry: { delayMs: 50, maxDelayMs: 200 },
  });
  const made = { journal, sync, network, storage };
  devices.push(made);
  return made;
}

const stateOf = (d: Device): SyncState['state'] => d.sync.getState().state;
const titles = (d: Device) =>
  d.journal
    .getSnapshot()
    .interactions.map((entry) => entry.title)
    .sort();

let server: SyncServer;
let dataDir: string;
let target: SyncTarget;

beforeAll(async () => {
  dataDir = makeTempDir();
  server = await startSyncServer({ port: 0, dataDir, logLevel: 'silent', throttle: false });
  const { journalId, token } = addJournal(dataDir);
  target = { serverUrl: `${server.url}/`, journalId, token };
});

afterEach(() => {
  for (const d of devices.splice(0)) d.sync.destroy();
});

afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

describe('sync on a device', () => {
  it('is local only until connected, then synced, and a second device gets the journal', async () => {
    const laptop = device();
    expect(laptop.sync.getState()).toEqual({ state: 'local' });
    laptop.journal.addInteraction(anInteraction({ title: 'Coffee before sync' }));

    laptop.sync.connect(target);
    await waitFor(() => stateOf(laptop) === 'synced', 'the laptop to be synced');
    expect(readStoredSync(laptop.storage, 'relevant-journal')).toEqual({
      target,
      enabled: true,
      pending: 0,
    });

    const desktop = device();
    desktop.sync.connect(target);
    await waitFor(() => titles(desktop).includes('Coffee before sync'), 'the desktop to get it');
    await waitFor(() => stateOf(desktop) === 'synced', 'the desktop to be synced');
  });

  it('keeps edits made offline, counts them, and sends them when the network is back', async () => {
    const laptop = device();
    const desktop = device();
    laptop.sync.connect(target);
    desktop.sync.connect(target);
    await waitFor(
      () => stateOf(laptop) === 'synced' && stateOf(desktop) === 'synced',
      'both devices to be synced',
    );

    laptop.network.set(false);
    expect(laptop.sync.getState()).toMatchObject({ state: 'offline', reason: 'no-network' });
    laptop.journal.addInteraction(anInteraction({ title: 'Offline lunch' }));
    const id = laptop.journal.addInteraction(anInteraction({ title: 'Offline call' }));
    laptop.journal.updateInteraction(id, { relevance: 2 });
    expect(laptop.sync.getState()).toMatchObject({ state: 'offline', pending: 3 });
    // Nothing travels while offline.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(titles(desktop)).not.toContain('Offline lunch');

    laptop.network.set(true);
    await waitFor(() => stateOf(laptop) === 'synced', 'the laptop to be synced again');
    await waitFor(
      () => titles(desktop).includes('Offline lunch') && titles(desktop).includes('Offline call'),
      'the desktop to get the offline edits',
    );
    expect(desktop.journal.get(id)?.relevance).toBe(2);
  });

  it('still shows unsent changes after a restart while offline, until the server has them', async () => {
    const storage = memoryStorage();
    const ydoc = new Y.Doc();
    const before = device(storage, new FakeNetwork(), new JournalDoc(ydoc));
    before.sync.connect(target);
    await waitFor(() => stateOf(before) === 'synced', 'synced');
    before.network.set(false);
    before.journal.addInteraction(anInteraction({ title: 'Kept across a restart' }));
    before.journal.addInteraction(anInteraction({ title: 'Also kept' }));
    before.sync.destroy();

    // The same device starts again, still offline, with its stored journal.
    const offline = new FakeNetwork();
    offline.navigator.onLine = false;
    const after = device(storage, offline, new JournalDoc(ydoc));
    expect(after.sync.getState()).toMatchObject({ state: 'offline', pending: 2 });
    offline.set(true);
    await waitFor(() => stateOf(after) === 'synced', 'synced after the restart');
    expect(readStoredSync(storage, 'relevant-journal')?.pending).toBe(0);
  });

  it('counts the unsent changes of every tab of the journal on the device together', async () => {
    const storage = memoryStorage();
    const ydoc = new Y.Doc();
    const tabOne = device(storage, new FakeNetwork(), new JournalDoc(ydoc));
    tabOne.sync.connect(target);
    await waitFor(() => stateOf(tabOne) === 'synced', 'synced');
    const tabTwo = device(storage, new FakeNetwork(), new JournalDoc(new Y.Doc()));
    // The browser tells every other tab when one writes to local storage.
    const tell = (from: Device) => {
      for (const tab of [tabOne, tabTwo]) {
        if (tab !== from) tab.network.dispatchEvent(new Event('storage'));
      }
    };
    for (const tab of [tabOne, tabTwo]) tab.network.set(false);
    tabOne.journal.addInteraction(anInteraction({ title: 'From tab one' }));
    tell(tabOne);
    tabTwo.journal.addInteraction(anInteraction({ title: 'From tab two' }));
    tell(tabTwo);
    tabOne.journal.addInteraction(anInteraction({ title: 'From tab one, again' }));
    tell(tabOne);
    for (const tab of [tabOne, tabTwo]) {
      expect(tab.sync.getState()).toMatchObject({ state: 'offline', pending: 3 });
    }
  });

  it('stops at a wrong token, says why, and does not keep trying', async () => {
    const stranger = device();
    sockets.opened = 0;
    stranger.sync.connect({ ...target, token: 'not-the-token-of-this-journal' });
    await waitFor(() => stateOf(stranger) === 'refused', 'the token to be refused');
    const state = stranger.sync.getState();
    expect(state.state === 'refused' && state.reason).toMatch(/token/i);
    const attempts = sockets.opened;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(sockets.opened).toBe(attempts);
    stranger.journal.addInteraction(anInteraction({ title: 'Never leaves this device' }));

    const owner = device();
    owner.sync.connect(target);
    await waitFor(() => stateOf(owner) === 'synced', 'the owner to be synced');
    expect(titles(owner)).not.toContain('Never leaves this device');
  });

  it('pauses and resumes; forgetting keeps the journal and removes the settings', async () => {
    const laptop = device();
    const desktop = device();
    laptop.sync.connect(target);
    desktop.sync.connect(target);
    await waitFor(() => stateOf(laptop) === 'synced' && stateOf(desktop) === 'synced', 'synced');

    laptop.sync.pause();
    expect(laptop.sync.getState()).toMatchObject({ state: 'paused', pending: 0 });
    laptop.journal.addInteraction(anInteraction({ title: 'Made while paused' }));
    expect(laptop.sync.getState()).toMatchObject({ state: 'paused', pending: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(titles(desktop)).not.toContain('Made while paused');

    laptop.sync.resume();
    await waitFor(() => titles(desktop).includes('Made while paused'), 'the paused edit to arrive');

    laptop.sync.forget();
    expect(laptop.sync.getState()).toEqual({ state: 'local' });
    expect(laptop.storage.map.size).toBe(0);
    expect(titles(laptop)).toContain('Made while paused');
    desktop.journal.addInteraction(anInteraction({ title: 'After forgetting' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(titles(laptop)).not.toContain('After forgetting');
  });

  it('says the server refused a change it could not store, keeps it, offers it again with growing pauses, and is synced once stored', async () => {
    const laptop = device();
    laptop.sync.connect(target);
    await waitFor(() => stateOf(laptop) === 'synced', 'the laptop to be synced');

    const db = new Database(databasePath(dataDir), { timeout: 5000 });
    const everything = ['documents', 'changes'] as const;
    db.exec(failWrites(everything));
    try {
      sockets.opened = 0;
      laptop.journal.addInteraction(
        anInteraction({ title: 'Coffee while the server disk is full' }),
      );
      await waitFor(() => stateOf(laptop) === 'not-stored', 'the refusal to be shown');
      expect(laptop.sync.getState()).toEqual({
        state: 'not-stored',
        target,
        pending: 1,
        reason: CHANGE_REFUSED_REASONS.unstored,
      });
      // Pauses of 50, 100, 200, 200 ms…: a few offers in a second, not one every 50 ms.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(sockets.opened).toBeGreaterThanOrEqual(3);
      expect(sockets.opened).toBeLessThanOrEqual(8);
      expect(laptop.sync.getState()).toMatchObject({ state: 'not-stored', pending: 1 });
    } finally {
      db.exec(healWrites(everything));
      db.close();
    }
    await waitFor(() => stateOf(laptop) === 'synced', 'the laptop to be synced once stored');
    const stored = readStoredDocument(dataDir, target.journalId);
    expect(
      new JournalDoc(stored ?? new Y.Doc()).getSnapshot().interactions.map((entry) => entry.title),
    ).toContain('Coffee while the server disk is full');
  });

  it('keeps the token with the system where it can encrypt, never in local storage, and reconnects from it after a restart', async () => {
    const storage = memoryStorage();
    const secrets = memorySecrets();
    const laptop = device(storage, undefined, undefined, secrets);
    laptop.sync.connect(target);
    await waitFor(() => stateOf(laptop) === 'synced', 'the laptop to be synced');
    expect([...storage.map.values()].join()).not.toContain(target.token);
    expect(secrets.map.get('relevant-journal')).toBe(target.token);
    laptop.sync.destroy();

    const restarted = device(storage, undefined, undefined, secrets);
    expect(restarted.sync.getState()).toMatchObject({ state: 'connecting' });
    await waitFor(() => stateOf(restarted) === 'synced', 'the restarted laptop to be synced');
    expect(restarted.sync.getState()).toEqual({ state: 'synced', target });

    restarted.sync.forget();
    await waitFor(() => !secrets.map.has('relevant-journal'), 'the token to be forgotten');
    expect(storage.map.size).toBe(0);
  });

  it('moves a token an earlier version kept in local storage to the system', async () => {
    const storage = memoryStorage();
    const old = device(storage);
    old.sync.connect(target);
    await waitFor(() => stateOf(old) === 'synced', 'the old version to be synced');
    expect([...storage.map.values()].join()).toContain(target.token);
    old.sync.destroy();

    const secrets = memorySecrets();
    const updated = device(storage, undefined, undefined, secrets);
    await waitFor(() => stateOf(updated) === 'synced', 'the updated app to be synced');
    await waitFor(() => secrets.map.has('relevant-journal'), 'the token to move');
    expect([...storage.map.values()].join()).not.toContain(target.token);
  });

  it('keeps the token in local storage where the system cannot encrypt it', async () => {
    const storage = memoryStorage();
    const secrets = memorySecrets(false);
    const laptop = device(storage, undefined, undefined, secrets);
    laptop.sync.connect(target);
    await waitFor(() => stateOf(laptop) === 'synced', 'the laptop to be synced');
    await waitFor(
      () => [...storage.map.values()].join().includes(target.token),
      'the token to stay in local storage',
    );
    laptop.sync.destroy();
    const restarted = device(storage, undefined, undefined, secrets);
    await waitFor(() => stateOf(restarted) === 'synced', 'the restarted laptop to be synced');
  });

  it('says so when the system no longer gives the token back', async () => {
    const storage = memoryStorage();
    const secrets = memorySecrets();
    const laptop = device(storage, undefined, undefined, secrets);
    laptop.sync.connect(target);
    await waitFor(() => stateOf(laptop) === 'synced', 'the laptop to be synced');
    laptop.sync.destroy();
    secrets.map.clear(); // a new system account, a wiped keyring
    const restarted = device(storage, undefined, undefined, secrets);
    await waitFor(() => stateOf(restarted) === 'refused', 'the lost token to be said');
    const state = restarted.sync.getState();
    expect(state.state === 'refused' && state.reason).toMatch(/no longer has the journal’s token/);
  });
});

describe('sync on a device, its change too large for the server', () => {
  it('says the server refused a change as too large, keeps it (a first upload too), and syncs once the server takes it', async () => {
    const folder = makeTempDir();
    let small: SyncServer | undefined = await startSyncServer({
      port: 0,
      dataDir: folder,
      logLevel: 'silent',
      limits: { maxUpdateBytes: 65_536 },
    });
    const { port } = small;
    let large: SyncServer | undefined;
    try {
      const { journalId, token } = addJournal(folder);
      const bigTarget = { serverUrl: small.url, journalId, token };
      // Written before sync was set up: nothing counted as pending, sent whole on connecting.
      const laptop = device();
      // About 120 kB: thirty interactions with long outcomes.
      for (let day = 1; day <= 30; day++) {
        laptop.journal.addInteraction(
          anInteraction({
            title: `Workshop day ${day}`,
            outcome: `Day ${day}: ${'x'.repeat(4000)}`,
          }),
        );
      }
      laptop.sync.connect(bigTarget);
      await waitFor(() => stateOf(laptop) === 'not-stored', 'the refusal to be shown');
      expect(laptop.sync.getState()).toEqual({
        state: 'not-stored',
        target: bigTarget,
        pending: 1,
        reason: MESSAGE_TOO_BIG_REASON,
      });
      laptop.journal.addInteraction(anInteraction({ title: 'Coffee after the workshop' }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(laptop.sync.getState()).toMatchObject({ state: 'not-stored', pending: 2 });
      expect(readStoredDocument(folder, journalId)).toBeUndefined();

      // The same server, on the same port, taking larger changes.
      await small.close();
      small = undefined;
      large = await startSyncServer({ port, dataDir: folder, logLevel: 'silent' });
      await waitFor(() => stateOf(laptop) === 'synced', 'the laptop to be synced', 15_000);
      const stored = new JournalDoc(readStoredDocument(folder, journalId) ?? new Y.Doc());
      const storedTitles = stored.getSnapshot().interactions.map((entry) => entry.title);
      expect(storedTitles).toHaveLength(31);
      expect(storedTitles).toContain('Coffee after the workshop');
    } finally {
      await small?.close();
      await large?.close();
      removeDir(folder);
    }
  });
});
