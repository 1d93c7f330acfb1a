import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../fixtures/random';
import { recordSoakFigure } from '../soak/figures';
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
  connectClient,
  freePort,
  makeTempDir,
  redisRequired,
  redisServerInstalled,
  REDIS_MISSING,
  removeDir,
  spawnServerForLoad,
  startRedis,
  waitFor,
  type RedisProcess,
  type ServerProcess,
  type SyncClient,
} from './syncHelpers';

/**
 * Scale-out stores everything: two server instances, separate processes sharing only
 * Postgres and Redis (as on two hosts), serve the same journals to devices on both while the
 * devices write at typing pace. One instance or the other is killed (SIGKILL) at random
 * moments and started again. After each kill, every change a device of the killed instance
 * saw acknowledged must be in the database; at the end, once every device is synced, the
 * database must hold every change any device holds. `npm run soak` runs 200 kills;
 * `npm test` a few.
 */
const KILLS = Number(process.env.RELEVANT_SOAK_SCALE_OUT_KILLS ?? 4);
const JOURNALS = 3;
const ready = postgresInstalled() && redisServerInstalled();

interface Device {
  readonly client: SyncClient;
  readonly journalId: string;
  readonly instance: number;
  /** Keys written, and how many of them the server has acknowledged (in order). */
  readonly written: string[];
  acknowledged: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(!ready && (postgresRequired() || redisRequired()))(
  'sync server scale-out: instances killed at random',
  () => {
    it('needs Postgres and redis-server installed', () => {
      expect.fail(postgresInstalled() ? REDIS_MISSING : POSTGRES_MISSING);
    });
  },
);

describe.skipIf(!ready)(
  `sync server scale-out: instances killed at random${ready ? '' : ` (skipped: ${postgresInstalled() ? REDIS_MISSING : POSTGRES_MISSING})`}`,
  () => {
    let cluster: PostgresCluster;
    let redis: RedisProcess;
    const dataDirs: string[] = [];

    beforeAll(async () => {
      [cluster, redis] = await Promise.all([startPostgres(), startRedis()]);
    }, 60_000);

    afterAll(async () => {
      await Promise.all([cluster.stop(), redis.stop()]);
      for (const dir of dataDirs) removeDir(dir);
    });

    it(
      `loses no change a device or an instance holds (${KILLS} kills of either instance)`,
      async () => {
        const random = seededRandom(Number(process.env.RELEVANT_SOAK_SEED ?? 12));
        const ports = [await freePort(), await freePort()];
        const env = { RELEVANT_SYNC_DATABASE_URL: cluster.url, RELEVANT_SYNC_REDIS_URL: redis.url };
        const start = (instance: number) => {
          const dataDir = makeTempDir();
          dataDirs.push(dataDir);
          // Whole-document stores soon or late, after every change row or rarely: a kill
          // lands inside one at times.
          const debounce = String(random.pick([0, 20, 500]));
          const compact = String(random.pick([1, 20, 2000]));
          return spawnServerForLoad(
            dataDir,
            [
              ...['--port', String(ports[instance]), '--store-debounce-ms', debounce],
              ...['--compact-after-rows', compact],
            ],
            env,
          );
        };
        const instances: ServerProcess[] = [await start(0), await start(1)];
        const devices: Device[] = [];
        const state = { writing: true };
        try {
          for (let j = 0; j < JOURNALS; j++) {
            const { journalId, token } = await addPostgresJournal(cluster.url);
            for (const instance of [0, 1]) {
              const url = `ws://127.0.0.1:${ports[instance]}`;
              const client = connectClient({ url, journalId, token });
              const device: Device = { client, journalId, instance, written: [], acknowledged: 0 };
              client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
                if (number === 0 && client.provider.isSynced) {
                  device.acknowledged = device.written.length;
                }
              });
              devices.push(device);
            }
          }
          await waitFor(() => devices.every((d) => d.client.isInSync()), 'every device to sync');

          const typing = devices.map(async (device, index) => {
            const entries = device.client.doc.getMap<string>('entries');
            while (state.writing) {
              // A burst of keystrokes, then a pause (as people type): the device sees all it
              // sent acknowledged at times, which is when its count of acknowledged changes
              // moves on, however slow the machine.
              const burst = 1 + Math.floor(random.next() * 8);
              for (let key = 0; key < burst; key++) {
                const name = `d${index}-${device.written.length + 1}`;
                device.written.push(name);
                entries.set(name, `Notes from the meetup, line ${device.written.length}`);
                await pause(5 + random.next() * 25);
              }
              await pause(50 + random.next() * 150);
            }
          });

          let missingAfterKills = 0;
          let checked = 0;
          for (let kill = 0; kill < KILLS; kill++) {
            const victim = random.pick([0, 1]);
            await pause(random.next() * 400);
            const server = instances[victim];
            if (!server) throw new Error('no such instance');
            // What the victim's devices saw acknowledged when it died must be stored.
            const owed = devices
              .filter((device) => device.instance === victim)
              .map((device) => ({ device, keys: device.written.slice(0, device.acknowledged) }));
            server.child.kill('SIGKILL');
            await server.exited;
            for (const { device, keys } of owed) {
              const stored = (await readPostgresDocument(cluster.url, device.journalId))?.getMap(
                'entries',
              );
              missingAfterKills += keys.filter((key) => !stored?.has(key)).length;
              checked += keys.length;
            }
            instances[victim] = await start(victim);
          }
          state.writing = false;
          await Promise.all(typing);

          // Every device syncs what it holds; then both instances stop and store.
          await waitFor(
            () => devices.every((d) => d.client.isInSync()),
            'every device to be synced after the kills',
            60_000,
          );
          for (const device of devices) device.client.destroy();
          for (const server of instances) server.child.kill('SIGTERM');
          const codes = await Promise.all(instances.map((server) => server.exited));

          let heldInAll = 0;
          let missingAtEnd = 0;
          for (const device of devices) {
            const stored = (await readPostgresDocument(cluster.url, device.journalId))?.getMap(
              'entries',
            );
            for (const [key, value] of device.client.doc.getMap<string>('entries')) {
              heldInAll += 1;
              if (stored?.get(key) !== value) missingAtEnd += 1;
            }
          }
          recordSoakFigure({
            figure: `changes acknowledged by an instance and missing from Postgres right after it was killed (${KILLS} kills of two instances, Redis)`,
            value: `${missingAfterKills} in ${checked.toLocaleString('en')} look-ups`,
            target: '0',
            pass: missingAfterKills === 0,
          });
          recordSoakFigure({
            figure: `changes held by any device and missing from Postgres once all are synced (${KILLS} kills)`,
            value: `${missingAtEnd} of ${heldInAll.toLocaleString('en')}`,
            target: '0',
            pass: missingAtEnd === 0,
          });
          expect(codes).toEqual([0, 0]);
          expect(missingAfterKills).toBe(0);
          expect(checked).toBeGreaterThan(0);
          expect(missingAtEnd).toBe(0);
        } finally {
          state.writing = false;
          for (const device of devices) device.client.destroy();
          for (const server of instances) {
            if (server.child.exitCode === null && server.child.signalCode === null) {
              server.child.kill('SIGKILL');
            }
          }
        }
      },
      Math.max(120_000, KILLS * 6_000),
    );
  },
);
