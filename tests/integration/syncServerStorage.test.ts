import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addJournal, startSyncServer, type SyncServer } from '../../electron/sync-server';
import { databasePath } from '../../electron/sync-server/journalRegistry';
import { LATEST_VERSION } from '../../electron/sync-server/storageMigrations';
import { hashToken } from '../../electron/sync-server/tokens';
import {
  addPostgresJournal,
  POSTGRES_MISSING,
  postgresInstalled,
  postgresRequired,
  readPostgresDocument,
  startPostgres,
  type PostgresCluster,
} from './postgresCluster';
import {
  clientPool,
  connectJournalClient,
  freePort,
  makeTempDir,
  readStoredDocument,
  redisServerInstalled,
  removeDir,
  runSyncServerCommand,
  spawnSyncServer,
  startRedis,
  waitFor,
  type ClientPool,
  type JournalClient,
  type ServerProcess,
} from './syncHelpers';

const installed = postgresInstalled();
const entries = (doc: Y.Doc) => doc.getMap<string>('entries').toJSON();

describe('sync server store: versions of its tables', () => {
  it('takes over a data folder written before table versions were kept, with its journals and documents', async () => {
    const dataDir = makeTempDir();
    const clients = clientPool();
    let server: SyncServer | undefined;
    try {
      // The layout of the earlier server: no relevant_schema, documents without a version.
      const old = new Database(databasePath(dataDir));
      old.exec(`CREATE TABLE journals (id TEXT PRIMARY KEY NOT NULL, token_hash BLOB NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE documents (name varchar(255) NOT NULL, data blob NOT NULL, UNIQUE(name));
        CREATE TABLE changes (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data BLOB NOT NULL)`);
      const stored = new Y.Doc();
      stored.getMap('entries').set('coffee', 'with Barbara');
      const change = new Y.Doc();
      change.getMap('entries').set('call', 'with Grace');
      old
        .prepare('INSERT INTO journals VALUES (?, ?, ?)')
        .run('oldjournal', hashToken('old token'), '2025-01-01T00:00:00.000Z');
      old
        .prepare('INSERT INTO documents VALUES (?, ?)')
        .run('oldjournal', Y.encodeStateAsUpdate(stored));
      old
        .prepare('INSERT INTO changes (name, data) VALUES (?, ?)')
        .run('oldjournal', Y.encodeStateAsUpdate(change));
      old.close();

      server = await startSyncServer({ port: 0, dataDir, logLevel: 'silent' });
      const device = clients.connect({
        url: server.url,
        journalId: 'oldjournal',
        token: 'old token',
      });
      await waitFor(() => device.isInSync(), 'the device to open the old journal');
      expect(entries(device.doc)).toEqual({ coffee: 'with Barbara', call: 'with Grace' });
      device.doc.getMap('entries').set('talk', 'by Frances');
      await waitFor(() => device.isInSync(), 'the change to be stored');
      clients.destroyAll();
      await server.close();
      server = undefined;

      const db = new Database(databasePath(dataDir), { readonly: true });
      expect(db.prepare('SELECT version FROM relevant_schema').all()).toEqual([
        { version: LATEST_VERSION },
      ]);
      db.close();
      expect(entries(readStoredDocument(dataDir, 'oldjournal') ?? new Y.Doc())).toEqual({
        coffee: 'with Barbara',
        call: 'with Grace',
        talk: 'by Frances',
      });
    } finally {
      clients.destroyAll();
      await server?.close();
      removeDir(dataDir);
    }
  });

  it('refuses a data folder written by a newer server, saying so, and leaves it untouched', async () => {
    const dataDir = makeTempDir();
    try {
      const { journalId } = addJournal(dataDir);
      const db = new Database(databasePath(dataDir));
      db.prepare('UPDATE relevant_schema SET version = ?').run(LATEST_VERSION + 1);
      db.close();
      await expect(startSyncServer({ port: 0, dataDir, logLevel: 'silent' })).rejects.toThrow(
        `tables of version ${LATEST_VERSION + 1}, newer than this server knows (${LATEST_VERSION})`,
      );
      const after = new Database(databasePath(dataDir), { readonly: true });
      expect(after.prepare('SELECT id FROM journals').all()).toEqual([{ id: journalId }]);
      after.close();
    } finally {
      removeDir(dataDir);
    }
  });

  it('two instances on one data folder without Redis never store over each other: both edits stay', async () => {
    const dataDir = makeTempDir();
    try {
      const { journalId, token } = addJournal(dataDir);
      await expectNoBaseWrittenOver(
        () =>
          startSyncServer({
            port: 0,
            dataDir,
            logLevel: 'silent',
            storeDebounceMs: 20,
            compactAfterRows: 1,
          }),
        journalId,
        token,
      );
      expect(entries(readStoredDocument(dataDir, journalId) ?? new Y.Doc())).toEqual({
        a: 'lunch with Ada',
        b: 'call with Alan',
      });
    } finally {
      removeDir(dataDir);
    }
  });
});

/**
 * Two instances that do not hear of each other (no Redis) each take a change and store the
 * whole journal: the second must take the first one's base in, not write over it (the first
 * has removed the change row its base holds).
 */
async function expectNoBaseWrittenOver(
  start: () => Promise<SyncServer>,
  journalId: string,
  token: string,
): Promise<void> {
  const servers = [await start(), await start()];
  const clients: JournalClient[] = [];
  try {
    const [one, two] = servers as [SyncServer, SyncServer];
    const a = connectJournalClient({ url: one.url, journalId, token });
    const b = connectJournalClient({ url: two.url, journalId, token });
    clients.push(a, b);
    await waitFor(() => a.isInSync() && b.isInSync(), 'both devices to open the journal');
    a.doc.getMap('entries').set('a', 'lunch with Ada');
    await waitFor(() => a.isInSync(), 'instance one to store its change');
    await new Promise((resolve) => setTimeout(resolve, 200)); // one stores its base
    b.doc.getMap('entries').set('b', 'call with Alan');
    await waitFor(() => b.isInSync(), 'instance two to store its change');
    await new Promise((resolve) => setTimeout(resolve, 200)); // two stores its base
    // Instance two took instance one's base in, and passed its change on to its device.
    await waitFor(
      () => isDeepStrictEqual(entries(b.doc), { a: 'lunch with Ada', b: 'call with Alan' }),
      'the device on instance two to get the change instance one stored',
    );
  } finally {
    for (const client of clients) client.destroy();
    await Promise.all(servers.map((server) => server.close()));
  }
}

describe.runIf(!installed && postgresRequired())('sync server store: Postgres', () => {
  it('needs Postgres installed', () => {
    expect.fail(POSTGRES_MISSING);
  });
});

describe.skipIf(!installed)(
  `sync server store: Postgres${installed ? '' : ` (skipped: ${POSTGRES_MISSING})`}`,
  () => {
    let cluster: PostgresCluster;
    let clients: ClientPool;
    let databases = 0;
    /** A database of its own for each test. */
    const freshDatabase = () => cluster.createDatabase(`test${(databases += 1)}`);

    beforeAll(async () => {
      cluster = await startPostgres();
      clients = clientPool();
    }, 60_000);

    afterAll(async () => {
      clients.destroyAll();
      await cluster.stop();
    });

    it('refuses to start when the database does not answer, saying where, without its password', async () => {
      const port = await freePort();
      await expect(
        startSyncServer({
          port: 0,
          logLevel: 'silent',
          databaseUrl: `postgres://relevant:secret@127.0.0.1:${port}/relevant`,
        }),
      ).rejects.toThrow(
        `Cannot use Postgres at postgres://relevant:***@127.0.0.1:${port}/relevant`,
      );
    });

    it('adds, lists and removes journals from the command line, and refuses a newer database', async () => {
      const url = await freshDatabase();
      const added = runSyncServerCommand(['add-journal', '--database-url', url]);
      expect(added.status).toBe(0);
      const journalId = /Journal id: (\S+)/.exec(added.stdout)?.[1] ?? '';
      const listed = runSyncServerCommand(['list-journals'], { RELEVANT_SYNC_DATABASE_URL: url });
      expect(listed.stdout).toContain(journalId);
      expect(
        runSyncServerCommand(['remove-journal', journalId, '--database-url', url]).status,
      ).toBe(0);
      const again = runSyncServerCommand(['remove-journal', journalId, '--database-url', url]);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain(`no journal "${journalId}" in postgres://relevant@127.0.0.1`);

      const db = new pg.Client({ connectionString: url });
      await db.connect();
      await db.query('UPDATE relevant_schema SET version = $1', [LATEST_VERSION + 1]);
      await db.end();
      const refused = runSyncServerCommand(['list-journals', '--database-url', url]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`newer than this server knows (${LATEST_VERSION})`);
    });

    it.skipIf(!redisServerInstalled())(
      'two instances on different "hosts" (processes sharing Postgres and Redis) serve one journal, store everything, and a removal lets both go',
      async () => {
        const url = await freshDatabase();
        const redis = await startRedis();
        const processes: ServerProcess[] = [];
        try {
          const { journalId, token } = await addPostgresJournal(url);
          // Separate data folders: nothing is shared but Postgres and Redis.
          for (const dataDir of [makeTempDir(), makeTempDir()]) {
            processes.push(
              await spawnSyncServer(['--port', '0', '--data', dataDir, '--throttle', 'off'], {
                RELEVANT_SYNC_DATABASE_URL: url,
                RELEVANT_SYNC_REDIS_URL: redis.url,
              }),
            );
          }
          const [one, two] = processes as [ServerProcess, ServerProcess];
          const a = connectJournalClient({ url: one.url, journalId, token });
          const b = connectJournalClient({ url: two.url, journalId, token });
          try {
            await waitFor(() => a.isInSync() && b.isInSync(), 'both devices to sync');
            a.doc.getMap('entries').set('a', 'panel with Katherine');
            b.reflections.getText('b').insert(0, 'Dorothy knew everyone there.');
            await waitFor(
              () =>
                entries(b.doc).a === 'panel with Katherine' &&
                a.reflections.getText('b').toString() === 'Dorothy knew everyone there.',
              'each edit to reach the device on the other instance',
            );
            await waitFor(() => a.isInSync() && b.isInSync(), 'both edits to be stored');
            expect(entries((await readPostgresDocument(url, journalId)) ?? new Y.Doc())).toEqual({
              a: 'panel with Katherine',
            });
            const reflections = await readPostgresDocument(url, `${journalId}/reflections`);
            expect(reflections?.getText('b').toString()).toBe('Dorothy knew everyone there.');

            expect(
              runSyncServerCommand(['remove-journal', journalId, '--database-url', url]).status,
            ).toBe(0);
            a.doc.getMap('entries').set('late', 'after the removal');
            b.doc.getMap('entries').set('later', 'after the removal too');
            await waitFor(
              () => a.refusals().includes('no such journal') && b.refusals().length > 0,
              'both devices to be let go',
            );
            await new Promise((resolve) => setTimeout(resolve, 300));
            expect(await readPostgresDocument(url, journalId)).toBeUndefined();
          } finally {
            a.destroy();
            b.destroy();
          }
          for (const server of processes) server.child.kill('SIGTERM');
          expect(await Promise.all(processes.map((server) => server.exited))).toEqual([0, 0]);
          expect(await readPostgresDocument(url, journalId)).toBeUndefined();
        } finally {
          for (const server of processes) server.child.kill('SIGKILL');
          await redis.stop();
        }
      },
    );

    it('two instances on one database without Redis never store over each other: both edits stay', async () => {
      const url = await freshDatabase();
      const { journalId, token } = await addPostgresJournal(url);
      await expectNoBaseWrittenOver(
        () =>
          startSyncServer({
            port: 0,
            databaseUrl: url,
            logLevel: 'silent',
            storeDebounceMs: 20,
            compactAfterRows: 1,
          }),
        journalId,
        token,
      );
      expect(entries((await readPostgresDocument(url, journalId)) ?? new Y.Doc())).toEqual({
        a: 'lunch with Ada',
        b: 'call with Alan',
      });
    });

    it('while the database is down, refuses changes (the device keeps them) and stores them once it is back', async () => {
      const url = await freshDatabase();
      const { journalId, token } = await addPostgresJournal(url);
      const server = await startSyncServer({
        port: 0,
        databaseUrl: url,
        logLevel: 'silent',
        storeRetry: { attempts: 2, firstDelayMs: 50 },
      });
      try {
        const device = clients.connect({ url: server.url, journalId, token });
        await waitFor(() => device.isInSync(), 'the device to sync');
        await cluster.crash();
        device.doc.getMap('entries').set('offline', 'written while the database was down');
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(device.provider.hasUnsyncedChanges).toBe(true);
        await cluster.restart();
        await waitFor(() => device.isInSync(), 'the change to be stored', 30_000);
        expect(entries((await readPostgresDocument(url, journalId)) ?? new Y.Doc())).toEqual({
          offline: 'written while the database was down',
        });
      } finally {
        clients.destroyAll();
        await server.close();
      }
    }, 60_000);
  },
);
