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
import { CHANGE_REFUSED_CLOSE_CODE, CHANGE_REFUSED_REASONS } from '../../shared/sync/closeCodes';
import { reflectionsDocumentName } from '../../shared/sync/syncLink';
import {
  clientPool,
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
import { sendRawChange, type ChangeOutcome } from './rawSyncSocket';
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
