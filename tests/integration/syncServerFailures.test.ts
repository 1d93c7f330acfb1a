import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addJournal,
  startSyncServer,
  type SyncServer,
  type SyncServerOptions,
} from '../../electron/sync-server';
import { databasePath } from '../../electron/sync-server/journalRegistry';
import { connect } from 'node:net';
import { Server, type Extension } from '@hocuspocus/server';
import WebSocket from 'ws';
import {
  AUTH_TIMEOUT_CLOSE_CODE,
  DEFAULT_CONNECTION_LIMITS,
  limitConnections,
} from '../../electron/sync-server/connectionLimits';
import { Refusal } from '../../electron/sync-server/refusal';
import { makeSharedReflectionEntry } from '../../shared/doc';
import { writeAs } from '../../shared/doc/reflectionEntries';
import {
  CHANGE_REFUSED_CLOSE_CODE,
  CHANGE_REFUSED_REASONS,
  MESSAGE_TOO_BIG_CLOSE_CODE,
} from '../../shared/sync/closeCodes';
import { reflectionsDocumentName } from '../../shared/sync/syncLink';
import {
  clientPool,
  connectJournalClient,
  failWrites,
  healWrites,
  makeTempDir,
  readStoredDocument,
  removeDir,
  storedRows,
  waitFor,
  waitForRefusal,
  waitForSync,
  type ClientOptions,
  type ClientPool,
  type SyncClient,
} from './syncHelpers';
import {
  authenticateRaw,
  authMessage,
  sendRawChange,
  sendRawFrame,
  syncStepOne,
  type ChangeOutcome,
} from './rawSyncSocket';
import { seededRandom } from '../fixtures/random';

let dataDir: string;
let server: SyncServer | undefined;
let clients: ClientPool;
let logs: string[];

beforeEach(() => {
  dataDir = makeTempDir();
  clients = clientPool();
  logs = [];
});

afterEach(async () => {
  clients.destroyAll();
  await server?.close();
  server = undefined;
  removeDir(dataDir);
});

async function start(options: SyncServerOptions = {}): Promise<SyncServer> {
  server = await startSyncServer({
    port: 0,
    dataDir,
    logLevel: 'debug',
    logSink: (level, message) => logs.push(`${level} ${message}`),
    storeDebounceMs: 0,
    compactAfterRows: 1,
    storeRetry: { attempts: 4, firstDelayMs: 50, maxDelayMs: 200 },
    ...options,
  });
  return server;
}

const client = (options: ClientOptions): SyncClient => clients.connect(options);

/** A second connection to the server's database, as another process would have. */
function openDatabase(): Database.Database {
  return new Database(databasePath(dataDir), { timeout: 5000 });
}

const WHOLE = ['documents'] as const;
const EVERYTHING = ['documents', 'changes'] as const;

const storedEntries = (documentName: string): unknown =>
  readStoredDocument(dataDir, documentName)?.getMap('entries').toJSON();

/** A server whose database refuses writes to `tables`, and a client that made one edit. */
async function editWithWritesFailing(
  tables: readonly ('documents' | 'changes')[],
  key: string,
  value: string,
  part: 'journal' | 'reflections' = 'journal',
) {
  const { url } = await start();
  const { journalId, token } = addJournal(dataDir);
  const db = openDatabase();
  db.exec(failWrites(tables));
  const writer = client({ url, journalId, token, part });
  await waitForSync(writer);
  writer.doc.getMap('entries').set(key, value);
  return { url, journalId, token, db, writer };
}

/** Waits for the last store attempt to be reported, and checks what it says is kept. */
async function expectGivenUp(saying: string): Promise<void> {
  await waitFor(
    () => logs.some((line) => line.includes('(attempt 4, giving up)')),
    'the last attempt to be reported',
  );
  expect(logs.find((line) => line.includes('giving up'))).toContain(saying);
}

describe('sync server: a failing whole-document store', () => {
  it('is retried with backoff and reported with the journal id, the change stored meanwhile', async () => {
    const { journalId, db, writer } = await editWithWritesFailing(WHOLE, 'meetup', 'with Barbara');
    await waitForSync(writer);
    expect(storedEntries(journalId)).toEqual({ meetup: 'with Barbara' });
    expect(storedRows(dataDir, journalId)).toEqual({ base: false, changes: 1 });
    await waitFor(
      () =>
        logs.some((line) =>
          line.startsWith(`warn Could not store journal ${journalId} (attempt 1)`),
        ),
      'the failed store to be reported',
    );
    expect(logs.find((line) => line.includes('attempt 1'))).toContain('disk says no');
    db.exec(healWrites(WHOLE));
    db.close();
    await waitFor(
      () => isDeepStrictEqual(storedRows(dataDir, journalId), { base: true, changes: 0 }),
      'a retry to store the journal whole',
    );
    expect(storedEntries(journalId)).toEqual({ meetup: 'with Barbara' });
  });

  it('is retried for a journal’s reflections too, reported as such', async () => {
    const { journalId, db } = await editWithWritesFailing(
      WHOLE,
      'meetup',
      'with Barbara',
      'reflections',
    );
    const name = reflectionsDocumentName(journalId);
    await waitFor(
      () =>
        logs.some((line) =>
          line.startsWith(
            `warn Could not store the reflections of journal ${journalId} (attempt 1)`,
          ),
        ),
      'the failed store to be reported',
    );
    db.exec(healWrites(WHOLE));
    db.close();
    await waitFor(
      () => isDeepStrictEqual(storedRows(dataDir, name), { base: true, changes: 0 }),
      'a retry to store the reflections whole',
    );
    expect(storedEntries(name)).toEqual({ meetup: 'with Barbara' });
    expect(storedEntries(journalId)).toBeUndefined();
  });

  it('given up loses nothing: the journal unloads and a restart has the change', async () => {
    const { journalId, token, url, writer } = await editWithWritesFailing(
      WHOLE,
      'panel',
      'with Edsger',
    );
    await waitForSync(writer);
    await expectGivenUp('its changes stay stored one by one');
    writer.destroy();
    await waitFor(() => server?.loadedDocuments().length === 0, 'the journal to unload');
    await server?.close();
    expect(logs.some((line) => line.includes('Shutting down without'))).toBe(false);

    server = undefined;
    const restarted = await start();
    expect(restarted.url).not.toBe(url);
    const reader = client({ url: restarted.url, journalId, token });
    await waitForSync(reader);
    expect(reader.doc.getMap('entries').toJSON()).toEqual({ panel: 'with Edsger' });
  });
});

describe('sync server: a change it cannot store', () => {
  it('is refused, never acknowledged: the device keeps it, is told why, and it is stored once the disk takes it', async () => {
    const { journalId, db, writer } = await editWithWritesFailing(
      EVERYTHING,
      'coffee',
      'with Grace',
    );
    const closes: { code: number; reason: string }[] = [];
    writer.socket.on('close', ({ event }: { event: { code: number; reason: string } }) => {
      closes.push({ code: event.code, reason: event.reason });
    });
    await waitFor(() => closes.length > 0, 'the server to refuse the change');
    expect(closes[0]).toEqual({
      code: CHANGE_REFUSED_CLOSE_CODE,
      reason: CHANGE_REFUSED_REASONS.unstored,
    });
    expect(logs).toContainEqual(
      expect.stringMatching(
        new RegExp(`^error Could not store a change to journal ${journalId}: disk says no`),
      ),
    );
    // The device reconnects and offers it again, refused each time while the disk is full.
    await waitFor(() => closes.length >= 3, 'the device to offer the change again');
    expect(writer.provider.hasUnsyncedChanges).toBe(true);
    expect(writer.isInSync()).toBe(false);
    expect(storedEntries(journalId)).toBeUndefined();

    db.exec(healWrites(EVERYTHING));
    db.close();
    await waitForSync(writer);
    expect(storedEntries(journalId)).toEqual({ coffee: 'with Grace' });
    expect(logs).toContain(`info Stored journal ${journalId} again`);
  });

  it('keeps the journal in memory, and a shutdown says what it could not store', async () => {
    const { journalId, token, url, db, writer } = await editWithWritesFailing(
      EVERYTHING,
      'panel',
      'with Edsger',
    );
    await expectGivenUp('it keeps an unstored change in memory');
    writer.destroy();
    // Nobody is connected, yet the journal stays: it holds the only copy of the change.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server?.loadedDocuments()).toEqual([journalId]);
    const reader = client({ url, journalId, token });
    await waitFor(() => reader.provider.isSynced, 'a reader to load the journal');
    expect(reader.doc.getMap('entries').toJSON()).toEqual({ panel: 'with Edsger' });
    reader.destroy();
    expect(await server?.close()).toBe(false);
    expect(
      logs.some((line) =>
        line.startsWith(`error Shutting down without the latest changes of journal ${journalId}`),
      ),
    ).toBe(true);
    db.exec(healWrites(EVERYTHING));
    db.close();
    expect(storedEntries(journalId)).toBeUndefined();
  });
});

describe('sync server: a failing load', () => {
  const truncated = (valid: Uint8Array) => Buffer.from(valid.subarray(0, valid.length - 3));
  const text = () => 'not a journal';
  it.each([
    ['the journal', 'base', 'a truncated update', 'journal', truncated, 'documents'],
    ['the journal', 'base', 'text instead of an update', 'journal', text, 'documents'],
    ['the reflections', 'base', 'a truncated update', 'reflections', truncated, 'documents'],
    ['the journal', 'change', 'a truncated update', 'journal', truncated, 'changes'],
  ] as const)(
    'refuses %s when its %s row holds %s, and leaves the row as it was',
    async (_, __, ___, part, corrupt, table) => {
      const { url } = await start();
      const { journalId, token } = addJournal(dataDir);
      const name = part === 'journal' ? journalId : reflectionsDocumentName(journalId);
      const stored = new Y.Doc();
      stored.getMap('entries').set('stored', 'before the damage');
      const damaged = corrupt(Y.encodeStateAsUpdate(stored));
      const db = openDatabase();
      db.prepare(`INSERT INTO ${table} (name, data) VALUES (?, ?)`).run(name, damaged);
      const readRow = () =>
        db.prepare(`SELECT data, typeof(data) AS type FROM ${table} WHERE name = ?`).get(name);
      const before = readRow();

      const doc = new Y.Doc();
      doc.getMap('entries').set('offline', 'edit that must not overwrite the stored row');
      const writer = client({ url, journalId, token, doc, part });
      expect(await waitForRefusal(writer)).toMatch(/could not be loaded/);
      const label =
        part === 'journal' ? `journal ${journalId}` : `the reflections of journal ${journalId}`;
      expect(logs.some((line) => line.startsWith(`error Could not load ${label}:`))).toBe(true);
      await server?.close();
      expect(readRow()).toEqual(before);
      db.close();
    },
  );
});

/** Whether `change` throws when applied to a copy of `state` (and so cannot be applied). */
function failsToApply(state: Uint8Array, change: Uint8Array): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, state);
  try {
    Y.applyUpdate(copy, change);
    return false;
  } catch {
    return true;
  } finally {
    copy.destroy();
  }
}

/**
 * Changes the journal cannot apply: random bytes, and real changes with one byte changed so
 * that they still decode but break while being applied (the hardest kind to catch).
 */
function brokenChanges(journal: Y.Doc, count: number): Uint8Array[] {
  const random = seededRandom(20261206);
  const state = Y.encodeStateAsUpdate(journal);
  const next = new Y.Doc();
  Y.applyUpdate(next, state);
  next.transact(() => {
    next.getMap('entries').set('panel', 'Robotics Hub panel, 90 min');
    next.getText('notes').insert(0, 'Ask Ana about the Acme opening.');
  });
  const change = Y.encodeStateAsUpdate(next, Y.encodeStateVector(journal));

  const damaged: Uint8Array[] = [];
  for (let at = 0; at < change.length && damaged.length < count / 2; at++) {
    for (let value = 0; value < 256 && damaged.length < count / 2; value += 7) {
      const candidate = change.slice();
      candidate[at] = value;
      if (candidate[at] === change[at]) continue;
      let decodes = true;
      try {
        Y.decodeUpdate(candidate);
      } catch {
        decodes = false;
      }
      if (decodes && failsToApply(state, candidate)) damaged.push(candidate);
    }
  }
  const noise: Uint8Array[] = [];
  while (damaged.length + noise.length < count) {
    const bytes = Uint8Array.from({ length: 1 + Math.floor(random.next() * 200) }, () =>
      Math.floor(random.next() * 256),
    );
    if (failsToApply(state, bytes)) noise.push(bytes);
  }
  return [...damaged, ...noise];
}

describe('sync server: a change it cannot apply', () => {
  it('is refused and never acknowledged (200 of 200), saying so; the journal and its devices go on', async () => {
    // Two hundred connections in a row, with the right token: the throttle never counts them.
    const { url } = await start();
    const { journalId, token } = addJournal(dataDir);
    const laptop = client({ url, journalId, token });
    await waitForSync(laptop);
    laptop.doc.getMap('entries').set('coffee', 'Coffee with Ana, 45 min');
    await waitForSync(laptop);

    const changes = brokenChanges(laptop.doc, 200);
    expect(changes.filter((change) => change.length > 0)).toHaveLength(200);
    const outcomes: ChangeOutcome[] = [];
    for (const change of changes) outcomes.push(await sendRawChange(url, journalId, token, change));

    expect(outcomes.filter((outcome) => outcome.acknowledged)).toHaveLength(0);
    expect(
      outcomes.filter((outcome) =>
        isDeepStrictEqual(outcome.closed, {
          code: CHANGE_REFUSED_CLOSE_CODE,
          reason: CHANGE_REFUSED_REASONS.unreadable,
        }),
      ),
    ).toHaveLength(200);
    // The device that behaves goes on syncing, and what is stored is what it sees.
    laptop.doc.getMap('entries').set('call', 'Call with Grace, 20 min');
    await waitForSync(laptop);
    const phone = client({ url, journalId, token });
    await waitForSync(phone);
    expect(phone.doc.getMap('entries').toJSON()).toEqual(laptop.doc.getMap('entries').toJSON());
    expect(laptop.doc.getMap('entries').toJSON()).toMatchObject({
      coffee: 'Coffee with Ana, 45 min',
      call: 'Call with Grace, 20 min',
    });
    await waitFor(
      () =>
        isDeepStrictEqual(
          readStoredDocument(dataDir, journalId)?.getMap('entries').toJSON(),
          laptop.doc.getMap('entries').toJSON(),
        ),
      'the stored journal to be what the devices see',
    );
    // Said in the log, each kind once and then counted (a client cannot flood the log).
    await server?.close();
    const refusalLines = logs.filter((line) =>
      line.includes(`Refused a change to journal ${journalId} that does not apply`),
    );
    const counted = refusalLines.map((line) =>
      Number(/\((\d+) more like this/.exec(line)?.[1] ?? 1),
    );
    expect(counted.reduce((sum, n) => sum + n, 0)).toBe(200);
    expect(refusalLines.length).toBeLessThan(40);
  });
});

describe('sync server: a journal at its size limit', () => {
  it('refuses the change that would pass it, saying why; the device keeps it, and smaller ones still go', async () => {
    const { url } = await start({ maxJournalBytes: 1024 * 1024 });
    const { journalId, token } = addJournal(dataDir);
    const writer = client({ url, journalId, token });
    await waitForSync(writer);
    const notes = writer.doc.getMap<string>('entries');
    notes.set('first', 'a'.repeat(600_000));
    await waitForSync(writer);
    const closes: { code: number; reason: string }[] = [];
    writer.socket.on('close', ({ event }: { event: { code: number; reason: string } }) => {
      closes.push({ code: event.code, reason: event.reason });
    });
    notes.set('second', 'b'.repeat(600_000));
    await waitFor(() => closes.length > 0, 'the server to refuse the change');
    expect(closes[0]).toEqual({
      code: CHANGE_REFUSED_CLOSE_CODE,
      reason: CHANGE_REFUSED_REASONS.journalFull,
    });
    expect(logs).toContainEqual(
      expect.stringContaining(
        `Refused a change to journal ${journalId}: it would pass the size limit of 1048576 bytes`,
      ),
    );
    await waitFor(() => closes.length >= 2, 'the device to offer it again, refused again');
    expect(writer.provider.hasUnsyncedChanges).toBe(true);
    expect(Object.keys(storedEntries(journalId) ?? {})).toEqual(['first']);

    // Another device of the journal, whose change fits, still syncs.
    const other = client({ url, journalId, token });
    await waitForSync(other);
    other.doc.getMap<string>('entries').set('small', 'lunch with Ada');
    await waitForSync(other);
    expect(storedEntries(journalId)).toEqual({
      first: 'a'.repeat(600_000),
      small: 'lunch with Ada',
    });
  });
});

/**
 * A journal's two documents as years of use leave them: the journal written in `sessions`
 * sessions (each a Yjs client id of its own), and `reflections` reflections whose entries were
 * made by the clients derived from their interactions' ids (makeSharedReflectionEntry). Their
 * state vectors, which a device sends before it is let in, grow with both.
 */
function longUsedJournal(sessions: number, reflections: number) {
  const random = seededRandom(11);
  const doc = new Y.Doc();
  const entries = doc.getMap('entries');
  doc.transact(() => {
    for (let session = 0; session < sessions; session++) {
      writeAs(doc, random.int(2 ** 32), () => entries.set(`session-${session}`, session));
    }
  });
  const reflectionsDoc = new Y.Doc();
  reflectionsDoc.transact(() => {
    for (let id = 0; id < reflections; id++) makeSharedReflectionEntry(reflectionsDoc, `i-${id}`);
  });
  return { doc, reflections: reflectionsDoc };
}

const UNAUTHENTICATED_LIMIT = 'More than 64 KiB sent before a journal was opened.';

describe('sync server: what a client may send', () => {
  it('closes connections sending large frames without a token at once, saying why, while a device goes on syncing', async () => {
    const { url } = await start({ throttle: false });
    const { journalId, token } = addJournal(dataDir);
    const device = client({ url, journalId, token });
    await waitForSync(device);

    const frame = new Uint8Array(32_000_000).fill(7);
    const senders = Array.from({ length: 4 }, () => sendRawFrame(url, frame, 10_000));
    device.doc.getMap('entries').set('during', 'Call with Grace while four sockets push 32 MB');
    await waitForSync(device);
    const closes = await Promise.all(senders);
    for (const closed of closes) {
      expect(closed).toMatchObject({
        code: MESSAGE_TOO_BIG_CLOSE_CODE,
        reason: UNAUTHENTICATED_LIMIT,
      });
      // Closed after the first 64 KiB, not after reading 32 MB (~0.1 s on loopback).
      expect(closed?.afterMs).toBeLessThan(2000);
    }
    // One after another, as a sender that starts again at once: each is told why.
    const again = [];
    for (let attempt = 0; attempt < 10; attempt++) again.push(await sendRawFrame(url, frame, 5000));
    expect(again.map((closed) => closed?.reason)).toEqual(Array(10).fill(UNAUTHENTICATED_LIMIT));
    expect(logs.filter((line) => line.includes('sent over 64 KiB before opening'))).toHaveLength(1);
    device.doc.getMap('entries').set('after', 'Lunch with Ana');
    await waitForSync(device);
    await waitFor(
      () => readStoredDocument(dataDir, journalId)?.getMap('entries').get('after') !== undefined,
      'the change after them to be stored',
    );
  });

  it('answers 413 to a request that sends too much before its upgrade', async () => {
    const { port } = await start();
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 8000000\r\n\r\n');
    socket.write(Buffer.alloc(8_000_000, 1));
    await closed;
    expect(received).toContain('HTTP/1.1 413 Content Too Large\r\n');
    expect(received).toContain(UNAUTHENTICATED_LIMIT);
  });

  it('lets in a device of a long-used journal, whose first burst is far over the limit, as its token comes first', async () => {
    const { url } = await start();
    const { journalId, token } = addJournal(dataDir);
    const used = longUsedJournal(15_000, 15_000);
    const stateVectors = [used.doc, used.reflections].map((doc) => Y.encodeStateVector(doc));
    const burst = stateVectors.reduce((sum, vector) => sum + vector.length, 0);
    expect(burst).toBeGreaterThan(3 * 64 * 1024);

    const device = connectJournalClient({ url, journalId, token, ...used });
    try {
      await waitFor(() => device.isInSync(), 'the device to sync both documents', 20_000);
      expect(device.refusals()).toEqual([]);
    } finally {
      device.destroy();
    }
    // Another device gets all of it (its own first burst is small).
    const other = connectJournalClient({ url, journalId, token });
    try {
      await waitFor(() => other.isInSync(), 'another device to sync', 20_000);
      expect(other.doc.getMap('entries').size).toBe(15_000);
    } finally {
      other.destroy();
    }
    // The same state vector sent before the token is closed as any other large frame.
    const [journalVector] = stateVectors;
    expect(
      await sendRawFrame(url, syncStepOne(journalId, journalVector ?? new Uint8Array()), 5000),
    ).toMatchObject({ code: MESSAGE_TOO_BIG_CLOSE_CODE, reason: UNAUTHENTICATED_LIMIT });
  });

  it('holds a device whose token takes a while to check, as a database server’s may, and closes one that sent a wrong token and more', async () => {
    // Hocuspocus alone, with the limits and a token check that takes 300 ms.
    const limits = limitConnections({ ...DEFAULT_CONNECTION_LIMITS, authTimeoutMs: 1500 });
    const slowCheck: Extension = {
      async onAuthenticate({ token }) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        if (token !== 'the-token') throw new Refusal('wrong token for this journal');
      },
    };
    const hocuspocus = new Server({
      port: 0,
      address: '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      extensions: [slowCheck, ...limits.extensions],
    });
    limits.watch(hocuspocus.httpServer);
    await hocuspocus.listen();
    const url = `ws://127.0.0.1:${hocuspocus.address.port}`;
    const used = longUsedJournal(15_000, 15_000);
    const device = connectJournalClient({ url, journalId: 'j', token: 'the-token', ...used });
    try {
      await waitFor(() => device.isInSync(), 'the device to sync both documents', 20_000);
      const wrong = new WebSocket(url);
      const closed = new Promise<number>((resolve) => wrong.on('close', (code) => resolve(code)));
      wrong.on('error', () => undefined);
      await new Promise<void>((resolve) => wrong.once('open', () => resolve()));
      wrong.send(authMessage('j', 'not-the-token'));
      wrong.send(new Uint8Array(1_000_000));
      expect(await closed).toBe(AUTH_TIMEOUT_CLOSE_CODE);
    } finally {
      device.destroy();
      await hocuspocus.destroy();
    }
  });

  it('refuses a change over --max-update-bytes with close code 1009, never stores it, and takes the next', async () => {
    const { url } = await start({ limits: { maxUpdateBytes: 65_536 } });
    const { journalId, token } = addJournal(dataDir);
    const author = new Y.Doc();
    author.getMap('entries').set('notes', 'x'.repeat(100_000));
    const outcome = await sendRawChange(url, journalId, token, Y.encodeStateAsUpdate(author));
    expect(outcome).toEqual({
      acknowledged: false,
      closed: { code: MESSAGE_TOO_BIG_CLOSE_CODE, reason: '' },
    });
    const small = new Y.Doc();
    small.getMap('entries').set('notes', 'x'.repeat(60_000));
    const taken = await sendRawChange(url, journalId, token, Y.encodeStateAsUpdate(small));
    expect(taken).toMatchObject({ acknowledged: true });
    expect(readStoredDocument(dataDir, journalId)?.getMap('entries').get('notes')).toHaveLength(
      60_000,
    );
    expect(await authenticateRaw(url, journalId, token)).toEqual({ authenticated: true });
  });
});
