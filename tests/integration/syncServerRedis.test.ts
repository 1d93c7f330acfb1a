import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addJournal, startSyncServer, type SyncServer } from '../../electron/sync-server';
import * as Y from 'yjs';
import {
  connectClient,
  connectJournalClient,
  freePort,
  makeTempDir,
  readStoredDocument,
  redisRequired,
  redisServerInstalled,
  REDIS_MISSING,
  removeDir,
  spawnSyncServer,
  startRedis,
  waitFor,
  type JournalClient,
  type RedisProcess,
} from './syncHelpers';

const installed = redisServerInstalled();

describe('sync server: Redis', () => {
  it('refuses to start when Redis does not answer, saying so', async () => {
    const dataDir = makeTempDir();
    try {
      const port = await freePort();
      await expect(
        startSyncServer({
          port: 0,
          dataDir,
          logLevel: 'silent',
          redisUrl: `redis://127.0.0.1:${port}`,
        }),
      ).rejects.toThrow(`Cannot reach Redis at redis://127.0.0.1:${port}`);
    } finally {
      removeDir(dataDir);
    }
  });

  it.runIf(!installed && redisRequired())('needs redis-server installed', () => {
    expect.fail(REDIS_MISSING);
  });
});

describe.skipIf(!installed)(
  `sync server: Redis scale-out${installed ? '' : ` (skipped: ${REDIS_MISSING})`}`,
  () => {
    let redis: RedisProcess;
    let dataDir: string;

    beforeAll(async () => {
      redis = await startRedis();
      dataDir = makeTempDir();
    });

    afterAll(async () => {
      await redis.stop();
      removeDir(dataDir);
    });

    it('lets clients on two instances sharing one data folder converge, and the stored journal and reflections have both edits', async () => {
      const servers: SyncServer[] = [];
      const clients: JournalClient[] = [];
      try {
        for (let i = 0; i < 2; i += 1) {
          servers.push(
            await startSyncServer({ port: 0, dataDir, logLevel: 'silent', redisUrl: redis.url }),
          );
        }
        const [one, two] = servers as [SyncServer, SyncServer];
        const { journalId, token } = addJournal(dataDir);
        // Both documents of the journal, over one connection each, as the app opens them.
        const a = connectJournalClient({ url: one.url, journalId, token });
        const b = connectJournalClient({ url: two.url, journalId, token });
        clients.push(a, b);
        await waitFor(() => a.isInSync() && b.isInSync(), 'both clients to sync');
        a.doc.getMap('entries').set('a', 'talk by Hedy');
        b.doc.getMap('entries').set('b', 'workshop with Radia');
        a.reflections.getText('a').insert(0, 'Hedy spoke about frequency hopping.');
        b.reflections.getText('b').insert(0, 'Radia drew the spanning tree.');
        const expected = { a: 'talk by Hedy', b: 'workshop with Radia' };
        const expectedReflections = {
          a: 'Hedy spoke about frequency hopping.',
          b: 'Radia drew the spanning tree.',
        };
        const reflectionsOf = (doc: Y.Doc) => ({
          a: doc.getText('a').toString(),
          b: doc.getText('b').toString(),
        });
        await waitFor(
          () =>
            [a, b].every(
              (c) =>
                isDeepStrictEqual(c.doc.getMap('entries').toJSON(), expected) &&
                isDeepStrictEqual(reflectionsOf(c.reflections), expectedReflections),
            ),
          'clients on different instances to converge',
        );
        await waitFor(() => a.isInSync() && b.isInSync(), 'both clients to be in sync');
        for (const c of clients.splice(0)) c.destroy();
        await Promise.all(servers.splice(0).map((s) => s.close()));

        const alone = await startSyncServer({ port: 0, dataDir, logLevel: 'silent' });
        servers.push(alone);
        const fresh = connectJournalClient({ url: alone.url, journalId, token });
        clients.push(fresh);
        await waitFor(() => fresh.isInSync(), 'a fresh client to sync');
        expect(fresh.doc.getMap('entries').toJSON()).toEqual(expected);
        expect(reflectionsOf(fresh.reflections)).toEqual(expectedReflections);
      } finally {
        for (const c of clients) c.destroy();
        await Promise.all(servers.map((s) => s.close()));
      }
    });

    it('stores a change that went through two instances, when the one that took it is killed and its device is gone', async () => {
      const { journalId, token } = addJournal(dataDir);
      const args = ['--port', '0', '--data', dataDir, '--throttle', 'off'];
      const env = { RELEVANT_SYNC_REDIS_URL: redis.url };
      const one = await spawnSyncServer(args, env);
      const two = await spawnSyncServer(args, env);
      const onOne = connectClient({ url: one.url, journalId, token });
      const onTwo = connectClient({ url: two.url, journalId, token });
      try {
        await waitFor(() => onOne.isInSync() && onTwo.isInSync(), 'both clients to sync');
        onTwo.doc.getMap('entries').set('call', 'with Margaret');
        await waitFor(() => onTwo.isInSync(), 'instance two to acknowledge the change');
        // Instance two relays a change in a round trip over Redis: once it has, it is killed.
        await waitFor(
          () => onOne.doc.getMap('entries').get('call') === 'with Margaret',
          'instance one to get the change',
        );
        two.child.kill('SIGKILL');
        await two.exited;
        onTwo.destroy(); // the writing device is lost too
        onOne.destroy();
        one.child.kill('SIGTERM');
        expect(await one.exited).toBe(0);
        expect(readStoredDocument(dataDir, journalId)?.getMap('entries').toJSON()).toEqual({
          call: 'with Margaret',
        });
      } finally {
        onOne.destroy();
        onTwo.destroy();
        for (const server of [one, two]) {
          if (server.child.exitCode === null && server.child.signalCode === null) {
            server.child.kill('SIGKILL');
          }
        }
      }
    });
  },
);
