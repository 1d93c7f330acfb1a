import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addJournal, startSyncServer, type SyncServer } from '../../electron/sync-server';
import {
  connectClient,
  freePort,
  makeTempDir,
  redisRequired,
  redisServerInstalled,
  REDIS_MISSING,
  removeDir,
  startRedis,
  waitFor,
  waitForSync,
  type RedisProcess,
  type SyncClient,
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

    it('lets clients on two instances sharing one data folder converge, and the stored journal has both edits', async () => {
      const servers: SyncServer[] = [];
      const clients: SyncClient[] = [];
      try {
        for (let i = 0; i < 2; i += 1) {
          servers.push(
            await startSyncServer({ port: 0, dataDir, logLevel: 'silent', redisUrl: redis.url }),
          );
        }
        const [one, two] = servers as [SyncServer, SyncServer];
        const { journalId, token } = addJournal(dataDir);
        const a = connectClient({ url: one.url, journalId, token });
        const b = connectClient({ url: two.url, journalId, token });
        clients.push(a, b);
        await Promise.all([waitForSync(a), waitForSync(b)]);
        a.doc.getMap('entries').set('a', 'talk by Hedy');
        b.doc.getMap('entries').set('b', 'workshop with Radia');
        const expected = { a: 'talk by Hedy', b: 'workshop with Radia' };
        await waitFor(
          () =>
            isDeepStrictEqual(a.doc.getMap('entries').toJSON(), expected) &&
            isDeepStrictEqual(b.doc.getMap('entries').toJSON(), expected),
          'clients on different instances to converge',
        );
        await Promise.all([waitForSync(a), waitForSync(b)]);
        for (const c of clients.splice(0)) c.destroy();
        await Promise.all(servers.splice(0).map((s) => s.close()));

        const alone = await startSyncServer({ port: 0, dataDir, logLevel: 'silent' });
        servers.push(alone);
        const fresh = connectClient({ url: alone.url, journalId, token });
        clients.push(fresh);
        await waitForSync(fresh);
        expect(fresh.doc.getMap('entries').toJSON()).toEqual(expected);
      } finally {
        for (const c of clients) c.destroy();
        await Promise.all(servers.map((s) => s.close()));
      }
    });
  },
);
