import { connect, type Socket } from 'node:net';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addJournal,
  listJournals,
  removeJournal,
  startSyncServer,
  type SyncServer,
  type SyncServerOptions,
} from '../../electron/sync-server';
import { makeReflectionEntry, reflectionEntry, REFLECTIONS_ROOT } from '../../shared/doc';
import { reflectionsDocumentName } from '../../shared/sync/syncLink';
import {
  clientPool,
  connectJournalClient,
  makeTempDir,
  readStoredDocument,
  storedRows,
  removeDir,
  waitFor,
  waitForRefusal,
  waitForSync,
  type ClientOptions,
  type ClientPool,
  type JournalClient,
  type SyncClient,
} from './syncHelpers';
import { authenticateRaw } from './rawSyncSocket';

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

const journalClients: JournalClient[] = [];
afterEach(() => {
  for (const journalClient of journalClients.splice(0)) journalClient.destroy();
});

/** Both documents of a journal over one socket, as the app opens them. */
function journalClient(options: Parameters<typeof connectJournalClient>[0]): JournalClient {
  const made = connectJournalClient(options);
  journalClients.push(made);
  return made;
}

/** A reflection as the app writes it: a paragraph in the fragment under the interaction's id. */
function writeReflection(reflections: Y.Doc, id: string, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  reflections.transact(() => makeReflectionEntry(reflections, id).insert(0, [paragraph]));
}

const reflectionOf = (reflections: Y.Doc, id: string) =>
  reflectionEntry(reflections, id)?.toString() ?? '';

/** A TCP connection to the server that sends nothing, and what it has received. */
async function rawConnection(port: number): Promise<{ socket: Socket; received(): string }> {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, received: () => received };
}

const WRONG_TOKEN = 'w'.repeat(43);
const WRONG = 'wrong token for this journal';
const THROTTLED = 'too many wrong tokens for this journal from this address: try again in 1 minute';

/**
 * What the server answers `count` attempts, one after another, each on a new connection, to
 * open `name` with `token`: 'authenticated' or the reason it gave.
 */
async function answers(
  url: string,
  name: string,
  token: string,
  count = 1,
  headers: Record<string, string> = {},
): Promise<string[]> {
  const result: string[] = [];
  for (let attempt = 0; attempt < count; attempt++) {
    const answer = await authenticateRaw(url, name, token, headers);
    result.push('refused' in answer ? answer.refused : 'authenticated');
  }
  return result;
}

/** What the server stored of a document, decoded; undefined when it stored nothing. */
const storedDocument = (name: string): Y.Doc | undefined => readStoredDocument(dataDir, name);

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

  it('opens a journal’s reflections with its token, as a second document on the same connection', async () => {
    const server = await start();
    const { journalId, token } = addJournal(dataDir);
    const laptop = journalClient({ url: server.url, journalId, token });
    const phone = journalClient({ url: server.url, journalId, token });
    await waitFor(() => laptop.isInSync() && phone.isInSync(), 'both devices to sync');
    laptop.doc.getMap('entries').set('coffee', 'with Ada');
    writeReflection(laptop.reflections, 'coffee', 'She said the job is mostly listening.');
    await waitFor(
      () =>
        phone.doc.getMap('entries').get('coffee') === 'with Ada' &&
        reflectionOf(phone.reflections, 'coffee').includes('mostly listening'),
      'the phone to get the entry and its reflection',
    );
    // Two documents: the reflection never lands in the journal, nor the entry in the reflections.
    expect(phone.doc.share.has(REFLECTIONS_ROOT)).toBe(false);
    expect(phone.reflections.share.has('entries')).toBe(false);
    expect(laptop.refusals()).toEqual([]);
  });

  it('refuses the reflections document as it refuses the journal, and never with another journal’s token', async () => {
    const server = await start();
    const mine = addJournal(dataDir);
    const other = addJournal(dataDir);
    const owner = journalClient({ url: server.url, ...mine });
    await waitFor(() => owner.isInSync(), 'the owner to sync');
    writeReflection(owner.reflections, 'dinner', 'Dinner with Grace: an offer, maybe.');
    await waitFor(() => owner.isInSync(), 'the owner’s reflection to reach the server');

    const reflections = (options: Omit<ClientOptions, 'url' | 'part'>) =>
      client({ url: server.url, part: 'reflections', ...options });
    const wrong = reflections({ journalId: mine.journalId, token: 'x'.repeat(43) });
    const missing = reflections({ journalId: mine.journalId });
    const borrowed = reflections({ journalId: mine.journalId, token: other.token });
    const unknown = reflections({ journalId: 'no-such-journal', token: mine.token });
    expect(await waitForRefusal(wrong)).toBe('wrong token for this journal');
    expect(await waitForRefusal(missing)).toBe('no token given');
    expect(await waitForRefusal(borrowed)).toBe('wrong token for this journal');
    expect(await waitForRefusal(unknown)).toBe('no such journal');
    for (const refused of [wrong, missing, borrowed, unknown]) {
      expect(refused.provider.isSynced).toBe(false);
      expect(refused.doc.share.size).toBe(0);
    }
    // Names that are neither document of a journal, whatever the token.
    for (const name of [
      `${mine.journalId}/notes`,
      `${mine.journalId}/reflections/reflections`,
      `${mine.journalId}/`,
      '/reflections',
      `${reflectionsDocumentName(mine.journalId)} `,
    ]) {
      const odd = client({ url: server.url, journalId: name, token: mine.token });
      expect(await waitForRefusal(odd), name).toBe('no such journal');
    }
    // The other journal's own devices open theirs, and see nothing of mine.
    const stranger = journalClient({ url: server.url, ...other });
    await waitFor(() => stranger.isInSync(), 'the other journal to sync');
    expect(stranger.reflections.share.size).toBe(0);
  });

  it('names the journal and the document in its log', async () => {
    const logs: string[] = [];
    const server = await start({
      logLevel: 'debug',
      logSink: (level, message) => logs.push(`${level} ${message}`),
    });
    const { journalId, token } = addJournal(dataDir);
    const owner = journalClient({ url: server.url, journalId, token });
    await waitFor(() => owner.isInSync(), 'the owner to sync');
    const wrong = client({
      url: server.url,
      journalId,
      token: 'y'.repeat(43),
      part: 'reflections',
    });
    await waitForRefusal(wrong);
    expect(logs).toContain(`debug Opened journal ${journalId}`);
    expect(logs).toContain(`debug Opened the reflections of journal ${journalId}`);
    expect(logs).toContain(
      `info Refused a connection to the reflections of journal ${journalId}: wrong token for this journal`,
    );
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
    const lateReflections = client({ url: server.url, journalId, token, part: 'reflections' });
    expect(await waitForRefusal(lateReflections)).toBe('no such journal');
  });

  it('lets go of the devices of a journal removed while they are connected, and writes none of it back', async () => {
    const logs: string[] = [];
    // A minute's debounce: the journal is still to be stored whole when it is removed.
    const server = await start({
      storeDebounceMs: 60_000,
      storeMaxDebounceMs: 120_000,
      logLevel: 'info',
      logSink: (level, message) => logs.push(`${level} ${message}`),
    });
    const { journalId, token } = addJournal(dataDir);
    const device = client({ url: server.url, journalId, token });
    device.doc.getMap('entries').set('call', 'with Margaret');
    await waitForSync(device);
    expect(removeJournal(dataDir, journalId)).toBe(true); // as the CLI does, from another process

    device.doc.getMap('entries').set('lunch', 'with Linus');
    expect(await waitForRefusal(device)).toBe('no such journal');
    await waitFor(() => server.loadedDocuments().length === 0, 'the journal to be unloaded');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(storedRows(dataDir, journalId)).toEqual({ base: false, changes: 0 });
    expect(listJournals(dataDir)).toEqual([]);
    expect(logs).toContain(`info Closing the connections to journal ${journalId}: it was removed`);
    expect(logs).toContain(`info Not storing journal ${journalId}: it was removed`);
  });

  it('removes both stored documents of a journal, and no other journal’s', async () => {
    const server = await start({ storeDebounceMs: 0 });
    const gone = addJournal(dataDir);
    const kept = addJournal(dataDir);
    for (const journal of [gone, kept]) {
      const device = journalClient({ url: server.url, ...journal });
      device.doc.getMap('entries').set('call', 'with Margaret');
      writeReflection(device.reflections, 'call', 'Margaret knows the plant managers.');
      await waitFor(() => device.isInSync(), 'the device to sync');
    }
    const names = (journalId: string) => [journalId, reflectionsDocumentName(journalId)];
    await waitFor(
      () => [...names(gone.journalId), ...names(kept.journalId)].every(storedDocument),
      'all four documents to be stored',
    );
    expect(removeJournal(dataDir, gone.journalId)).toBe(true);
    for (const name of names(gone.journalId)) expect(storedDocument(name), name).toBeUndefined();
    expect(
      reflectionOf(storedDocument(reflectionsDocumentName(kept.journalId)) as Y.Doc, 'call'),
    ).toContain('plant managers');
  });

  it('throttles wrong tokens past the limit, saying when to try again, and still lets the right token in from the same address', async () => {
    // The default throttle: 60 wrong tokens a minute per address and journal.
    const server = await start();
    const { journalId, token } = addJournal(dataDir);
    const guesses = await answers(server.url, journalId, WRONG_TOKEN, 70);
    expect(guesses.slice(0, 60)).toEqual(Array(60).fill(WRONG));
    expect(guesses.slice(60)).toEqual(Array(10).fill(THROTTLED));
    expect(await answers(server.url, journalId, token)).toEqual(['authenticated']);
    // A device opening both documents, as the app does.
    const device = journalClient({ url: server.url, journalId, token });
    await waitFor(() => device.isInSync(), 'the device to sync both documents');
    expect(device.refusals()).toEqual([]);
  });

  it('keeps journals apart: wrong tokens for one do not throttle another, from the same address', async () => {
    const server = await start({ throttle: { failuresPerMinute: 3, banMinutes: 1 } });
    const a = addJournal(dataDir);
    const b = addJournal(dataDir);
    expect(await answers(server.url, a.journalId, WRONG_TOKEN, 5)).toEqual([
      ...Array<string>(3).fill(WRONG),
      ...Array<string>(2).fill(THROTTLED),
    ]);
    expect(await answers(server.url, b.journalId, WRONG_TOKEN, 3)).toEqual(Array(3).fill(WRONG));
    expect(await answers(server.url, b.journalId, b.token)).toEqual(['authenticated']);
    expect(await answers(server.url, a.journalId, a.token)).toEqual(['authenticated']);
  });

  it('throttles attempts on journals that do not exist per address, never a right token', async () => {
    const server = await start({ throttle: { failuresPerMinute: 2, banMinutes: 1 } });
    const { journalId, token } = addJournal(dataDir);
    const unknown = ['AAAAAAAAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBBBBBBBB', 'no/such/name', 'CCC'];
    const refusals = [];
    for (const name of unknown) refusals.push(...(await answers(server.url, name, token)));
    const tooMany = 'too many refused attempts from this address: try again in 1 minute';
    expect(refusals).toEqual(['no such journal', 'no such journal', tooMany, tooMany]);
    expect(await answers(server.url, journalId, token)).toEqual(['authenticated']);
    // A wrong token for a journal that exists is counted on its own.
    expect(await answers(server.url, journalId, WRONG_TOKEN)).toEqual([WRONG]);
  });

  it('never counts devices that open their journal: many connections a minute under a low limit', async () => {
    const server = await start({ throttle: { failuresPerMinute: 1, banMinutes: 1 } });
    const { journalId, token } = addJournal(dataDir);
    for (let i = 0; i < 5; i += 1) {
      const device = journalClient({ url: server.url, journalId, token });
      await waitFor(() => device.isInSync(), `device ${i + 1} to sync both documents`);
      expect(device.refusals()).toEqual([]);
      device.destroy();
    }
  });

  it('behind a trusted proxy, counts each client’s forwarded address: one client’s wrong tokens never throttle another’s', async () => {
    const { journalId, token } = addJournal(dataDir);
    const tries = async (server: SyncServer) => {
      const attacker = { 'x-forwarded-for': '203.0.113.7' };
      const user = { 'x-forwarded-for': '198.51.100.2' };
      return {
        attacker: await answers(server.url, journalId, WRONG_TOKEN, 5, attacker),
        // The user mistypes the token once, then gets it right.
        typo: await answers(server.url, journalId, `${token.slice(1)}x`, 1, user),
        user: await answers(server.url, journalId, token, 1, user),
      };
    };
    const throttle = { failuresPerMinute: 3, banMinutes: 1 };
    const behindProxy = await tries(await start({ throttle, trustProxy: ['127.0.0.1'] }));
    expect(behindProxy).toEqual({
      attacker: [...Array<string>(3).fill(WRONG), ...Array<string>(2).fill(THROTTLED)],
      typo: [WRONG],
      user: ['authenticated'],
    });

    // Without trusting the proxy, its address is everyone's: the user's typo is answered with
    // the attacker's throttle, but the right token still opens the journal.
    const untrusting = await tries(await start({ throttle }));
    expect(untrusting).toMatchObject({ typo: [THROTTLED], user: ['authenticated'] });
  });

  it('holds no more connections from one address than allowed, saying so to the next one', async () => {
    const server = await start({ throttle: false, limits: { maxPerAddress: 3 } });
    const { journalId, token } = addJournal(dataDir);
    const idle = await Promise.all([1, 2, 3].map(() => rawConnection(server.port)));
    const refused = await rawConnection(server.port);
    await waitFor(() => refused.received().length > 0, 'the fourth connection to be answered');
    expect(refused.received()).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n/);
    expect(refused.received()).toContain('Too many connections from this address.');
    await expect(authenticateRaw(server.url, journalId, token)).rejects.toThrow(/503/);

    idle[0]?.socket.destroy();
    await waitFor(() => idle[0]?.socket.closed === true, 'an idle connection to close');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await authenticateRaw(server.url, journalId, token)).toEqual({ authenticated: true });
    for (const connection of idle) connection.socket.destroy();
  });

  it('closes connections that open no journal in time, before and after their upgrade, and keeps those that did', async () => {
    const server = await start({ limits: { authTimeoutMs: 300 } });
    const { journalId, token } = addJournal(dataDir);
    const device = client({ url: server.url, journalId, token });
    await waitForSync(device);
    const silent = await rawConnection(server.port);
    const upgraded = new WebSocket(server.url);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      upgraded.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    upgraded.on('error', () => undefined);
    expect(await closed).toEqual({ code: 4408, reason: 'No journal opened within 0.3 s.' });
    await waitFor(() => silent.socket.closed, 'the silent connection to be closed');
    expect(silent.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(silent.received()).toContain('No journal opened within 0.3 s.');
    // The device that opened its journal in time is still connected and syncing.
    device.doc.getMap('entries').set('call', 'with Margaret');
    await waitForSync(device);
    expect(device.socket.status).toBe('connected');
  });
});

describe('sync server: storage', () => {
  it('stores a journal’s documents and lets go of them once the last device has left', async () => {
    // A minute's debounce: only leaving can have stored the changes this soon.
    const server = await start({ storeDebounceMs: 60_000, storeMaxDebounceMs: 120_000 });
    const { journalId, token } = addJournal(dataDir);
    const names = [journalId, reflectionsDocumentName(journalId)];
    const laptop = journalClient({ url: server.url, journalId, token });
    const phone = journalClient({ url: server.url, journalId, token });
    await waitFor(() => laptop.isInSync() && phone.isInSync(), 'both devices to sync');
    expect(server.loadedDocuments().sort()).toEqual([...names].sort());

    laptop.doc.getMap('entries').set('panel', 'with Edsger');
    writeReflection(laptop.reflections, 'panel', 'Edsger asked the only hard question.');
    await waitFor(() => laptop.isInSync(), 'the laptop’s changes to reach the server');
    laptop.destroy();
    // The phone is still there: both documents stay. What the server acknowledged is
    // stored already, change by change; no whole document is written yet.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.loadedDocuments().sort()).toEqual([...names].sort());
    expect(storedRows(dataDir, journalId)).toEqual({ base: false, changes: 1 });
    expect(storedDocument(journalId)?.getMap('entries').toJSON()).toEqual({
      panel: 'with Edsger',
    });

    phone.destroy();
    await waitFor(() => server.loadedDocuments().length === 0, 'both documents to be unloaded');
    // Leaving wrote each document whole, with the changes folded in.
    for (const name of names) expect(storedRows(dataDir, name)).toEqual({ base: true, changes: 0 });
    expect(storedDocument(journalId)?.getMap('entries').toJSON()).toEqual({
      panel: 'with Edsger',
    });
    expect(reflectionOf(storedDocument(names[1] as string) as Y.Doc, 'panel')).toContain(
      'the only hard question',
    );

    // And it loads again from what was stored.
    const later = journalClient({ url: server.url, journalId, token });
    await waitFor(() => later.isInSync(), 'a later device to sync');
    expect(reflectionOf(later.reflections, 'panel')).toContain('the only hard question');
  });

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
