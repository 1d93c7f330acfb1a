import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addJournal, startSyncServer, type SyncServer } from '../../electron/sync-server';
import { databasePath } from '../../electron/sync-server/journalRegistry';
import { reflectionsDocumentName } from '../../shared/sync/syncLink';
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

async function start(): Promise<SyncServer> {
  server = await startSyncServer({
    port: 0,
    dataDir,
    logLevel: 'debug',
    logSink: (level, message) => logs.push(`${level} ${message}`),
    storeDebounceMs: 0,
    storeRetry: { attempts: 4, firstDelayMs: 50, maxDelayMs: 200 },
  });
  return server;
}

const client = (options: ClientOptions): SyncClient => clients.connect(options);

/** A second connection to the server's database, as another process would have. */
function openDatabase(): Database.Database {
  return new Database(databasePath(dataDir), { timeout: 5000 });
}

const FAIL_STORES = ['INSERT', 'UPDATE']
  .map(
    (event) =>
      `CREATE TRIGGER fail_${event} BEFORE ${event} ON documents BEGIN SELECT RAISE(ABORT, 'disk says no'); END`,
  )
  .join(';\n');
const HEAL_STORES = 'DROP TRIGGER fail_INSERT; DROP TRIGGER fail_UPDATE';

function storedEntries(documentName: string): unknown {
  const db = openDatabase();
  try {
    const row = db.prepare('SELECT data FROM documents WHERE name = ?').get(documentName) as
      { data: Uint8Array } | undefined;
    if (!row) return undefined;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, row.data);
    return doc.getMap('entries').toJSON();
  } finally {
    db.close();
  }
}

/** A server whose database refuses every store, and a client that made one edit. */
async function editWithStoresFailing(
  key: string,
  value: string,
  part: 'journal' | 'reflections' = 'journal',
) {
  const { url } = await start();
  const { journalId, token } = addJournal(dataDir);
  const db = openDatabase();
  db.exec(FAIL_STORES);
  const writer = client({ url, journalId, token, part });
  await waitForSync(writer);
  writer.doc.getMap('entries').set(key, value);
  return { url, journalId, token, db };
}

describe('sync server: a failing store', () => {
  it('is retried with backoff and reported with the journal id, then succeeds', async () => {
    const { journalId, db } = await editWithStoresFailing('meetup', 'with Barbara');
    await waitFor(
      () =>
        logs.some((line) =>
          line.startsWith(`warn Could not store journal ${journalId} (attempt 1)`),
        ),
      'the failed store to be reported',
    );
    expect(logs.find((line) => line.includes('attempt 1'))).toContain('disk says no');
    db.exec(HEAL_STORES);
    db.close();
    await waitFor(
      () => isDeepStrictEqual(storedEntries(journalId), { meetup: 'with Barbara' }),
      'a retry to store the journal',
    );
  });

  it('is retried for a journal’s reflections too, reported as such', async () => {
    const { journalId, db } = await editWithStoresFailing('meetup', 'with Barbara', 'reflections');
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
    db.exec(HEAL_STORES);
    db.close();
    await waitFor(
      () => isDeepStrictEqual(storedEntries(name), { meetup: 'with Barbara' }),
      'a retry to store the reflections',
    );
    expect(storedEntries(journalId)).toBeUndefined();
  });

  it('gives up after the last attempt, keeps the journal in memory and still shuts down', async () => {
    const { journalId, token, url, db } = await editWithStoresFailing('panel', 'with Edsger');
    await waitFor(
      () => logs.some((line) => line.includes('(attempt 4, giving up)')),
      'the last attempt to be reported',
    );
    expect(
      logs.filter((line) => line.includes(`Could not store journal ${journalId}`)),
    ).toHaveLength(4);
    // A client that connects now still gets the change from memory.
    const reader = client({ url, journalId, token });
    await waitForSync(reader);
    expect(reader.doc.getMap('entries').toJSON()).toEqual({ panel: 'with Edsger' });
    await server?.close();
    expect(
      logs.some((line) =>
        line.startsWith(`error Shutting down without the latest changes of journal ${journalId}`),
      ),
    ).toBe(true);
    db.exec(HEAL_STORES);
    db.close();
    expect(storedEntries(journalId)).toBeUndefined();
  });
});

describe('sync server: a failing load', () => {
  const truncated = (valid: Uint8Array) => Buffer.from(valid.subarray(0, valid.length - 3));
  const text = () => 'not a journal';
  it.each([
    ['the journal', 'a truncated update', 'journal', truncated],
    ['the journal', 'text instead of an update', 'journal', text],
    ['the reflections', 'a truncated update', 'reflections', truncated],
  ] as const)(
    'refuses %s when its row holds %s, and leaves the row as it was',
    async (_, __, part, corrupt) => {
      const { url } = await start();
      const { journalId, token } = addJournal(dataDir);
      const name = part === 'journal' ? journalId : reflectionsDocumentName(journalId);
      const stored = new Y.Doc();
      stored.getMap('entries').set('stored', 'before the damage');
      const damaged = corrupt(Y.encodeStateAsUpdate(stored));
      const db = openDatabase();
      db.prepare('INSERT INTO documents (name, data) VALUES (?, ?)').run(name, damaged);
      const readRow = () =>
        db.prepare('SELECT data, typeof(data) AS type FROM documents WHERE name = ?').get(name);
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
