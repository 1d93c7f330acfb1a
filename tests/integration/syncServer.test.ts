import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addJournal,
  listJournals,
  removeJournal,
  startSyncServer,
  type SyncServer,
  type SyncServerOptions,
} from '../../electron/sync-server';
import {
  clientPool,
  makeTempDir,
  removeDir,
  waitFor,
  waitForRefusal,
  waitForSync,
  type ClientOptions,
  type ClientPool,
  type SyncClient,
} from './syncHelpers';

let dataDir: string;
let servers: SyncServer[];
let clients: ClientPool;

beforeEach(() => {
  dataDir = makeTempDir();
  servers = [];
  clients = clientPool();
});

afterEach(async () => {
  clients.destroyAll();
  await Promise.all(servers.map((server) => server.close()));
  removeDir(dataDir);
});

async function start(options: SyncServerOptions = {}): Promise<SyncServer> {
  const server = await startSyncServer({ port: 0, dataDir, logLevel: 'silent', ...options });
  servers.push(server);
  return server;
}

const client = (options: ClientOptions): SyncClient => clients.connect(options);

const entries = (c: SyncClient) => c.doc.getMap<string>('entries').toJSON();

describe('sync server: access', () => {
  it('listens on loopback and syncs two clients with the right token', async () => {
    const server = await start();
    expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
    const { journalId, token } = addJournal(dataDir);
    const a = client({ url: server.url, journalId, token });
    const b = client({ url: server.url, journalId, token });
    await Promise.all([waitForSync(a), waitForSync(b)]);
    a.doc.getMap('entries').set('coffee', 'with Ada');
    await waitFor(() => entries(b).coffee === 'with Ada', 'b to get a’s edit');
    expect(a.refusals).toEqual([]);
  });

  it('refuses a wrong token, no token, another journal’s token and an unknown journal, saying why', async () => {
    const server = await start();
    const mine = addJournal(dataDir);
    const other = addJournal(dataDir);
    const wrong = client({ url: server.url, journalId: mine.journalId, token: 'x'.repeat(43) });
    const missing = client({ url: server.url, journalId: mine.journalId });
    const borrowed = client({ url: server.url, journalId: mine.journalId, token: other.token });
    const unknown = client({ url: server.url, journalId: 'no-such-journal', token: mine.token });
    const invalid = client({ url: server.url, journalId: '../../etc', token: mine.token });
    expect(await waitForRefusal(wrong)).toBe('wrong token for this journal');
    expect(await waitForRefusal(missing)).toBe('no token given');
    expect(await waitForRefusal(borrowed)).toBe('wrong token for this journal');
    expect(await waitForRefusal(unknown)).toBe('no such journal');
    expect(await waitForRefusal(invalid)).toBe('no such journal');
    for (const refused of [wrong, missing, borrowed, unknown, invalid]) {
      expect(refused.provider.isSynced).toBe(false);
    }
  });

  it('never shows a journal to a client refused for it', async () => {
    const server = await start();
    const { journalId, token } = addJournal(dataDir);
    const other = addJournal(dataDir);
    const owner = client({ url: server.url, journalId, token });
    await waitForSync(owner);
    owner.doc.getMap('entries').set('secret', 'dinner with Grace');
    await waitForSync(owner);
    const intruder = client({ url: server.url, journalId, token: other.token });
    await waitForRefusal(intruder);
    expect(entries(intruder)).toEqual({});
  });

  it('lists and removes journals; a removed journal is refused', async () => {
    const server = await start();
    const { journalId, token } = addJournal(dataDir);
    expect(listJournals(dataDir).map((j) => j.journalId)).toEqual([journalId]);
    expect(removeJournal(dataDir, journalId)).toBe(true);
    expect(removeJournal(dataDir, journalId)).toBe(false);
    expect(listJournals(dataDir)).toEqual([]);
    const late = client({ url: server.url, journalId, token });
    expect(await waitForRefusal(late)).toBe('no such journal');
  });

  it('throttles an address that connects too often, with a reason', async () => {
    const server = await start({ throttle: { connectionsPerMinute: 2, banMinutes: 1 } });
    const { journalId, token } = addJournal(dataDir);
    for (let i = 0; i < 2; i += 1) {
      const ok = client({ url: server.url, journalId, token });
      await waitForSync(ok);
      ok.destroy();
    }
    const third = client({ url: server.url, journalId, token });
    expect(await waitForRefusal(third)).toMatch(/too many connections/);
  });
});

describe('sync server: storage', () => {
  it('keeps journals across a restart', async () => {
    let server = await start();
    const { journalId, token } = addJournal(dataDir);
    const writer = client({ url: server.url, journalId, token });
    await waitForSync(writer);
    writer.doc.getMap('entries').set('lunch', 'with Linus');
    await waitForSync(writer);
    writer.destroy();
    await server.close();

    server = await start();
    const reader = client({ url: server.url, journalId, token });
    await waitForSync(reader);
    expect(entries(reader)).toEqual({ lunch: 'with Linus' });
  });

  it('stores changes made inside the store debounce when closed', async () => {
    let server = await start({ storeDebounceMs: 60_000, storeMaxDebounceMs: 120_000 });
    const { journalId, token } = addJournal(dataDir);
    const writer = client({ url: server.url, journalId, token });
    await waitForSync(writer);
    writer.doc.getMap('entries').set('call', 'with Margaret');
    await waitForSync(writer); // the server has the change; its store waits a minute
    await server.close();

    server = await start();
    const reader = client({ url: server.url, journalId, token });
    await waitForSync(reader);
    expect(entries(reader)).toEqual({ call: 'with Margaret' });
  });
});
