import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../fixtures/random';
import { addJournal } from '../../electron/sync-server';
import { percentile } from '../bench/stats';
import { recordSoakFigure } from '../soak/figures';
import {
  connectClient,
  makeTempDir,
  readStoredDocument,
  removeDir,
  spawnServerForLoad,
  waitForSync,
  type ServerProcess,
  type SyncClient,
} from './syncHelpers';

/**
 * "Synced" means stored: the sync server is killed (SIGKILL) at random moments while a device
 * writes at typing pace, the device is then lost (it never reconnects to heal the server), and
 * every change the device saw acknowledged must be in what the server stored. `npm run soak`
 * runs 1,000 kills; `npm test` a few.
 */
const KILLS = Number(process.env.RELEVANT_SOAK_KILLS ?? 6);

let dataDir: string;
let server: ServerProcess | undefined;
let device: SyncClient | undefined;

beforeEach(() => {
  dataDir = makeTempDir();
});

afterEach(async () => {
  device?.destroy();
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  removeDir(dataDir);
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sync server: killed at random moments', () => {
  it(
    `stores every change a device saw as synced (${KILLS} kills)`,
    async () => {
      const random = seededRandom(Number(process.env.RELEVANT_SOAK_SEED ?? 11));
      const latencies: number[] = [];
      let confirmedInAll = 0;
      let missingInAll = 0;
      for (let kill = 0; kill < KILLS; kill++) {
        // Whole-document stores at once, soon or late: a kill lands inside one at times.
        const debounce = [0, 20, 2000][kill % 3] ?? 0;
        server = await spawnServerForLoad(dataDir, ['--store-debounce-ms', String(debounce)]);
        const { journalId, token } = addJournal(dataDir);
        const client = connectClient({ url: server.url, journalId, token });
        device = client;
        await waitForSync(client);

        const madeAt: number[] = [];
        let confirmed = 0;
        client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
          if (number !== 0 || !client.provider.isSynced) return;
          const now = performance.now();
          for (let i = confirmed; i < madeAt.length; i++) latencies.push(now - (madeAt[i] ?? now));
          confirmed = madeAt.length;
        });
        const victim = server;
        const state = { killed: false };
        const killing = pause(random.next() * 400).then(() => {
          victim.child.kill('SIGKILL');
          state.killed = true;
        });
        const entries = client.doc.getMap<string>('entries');
        while (!state.killed) {
          madeAt.push(performance.now());
          entries.set(`change-${madeAt.length}`, `Coffee with Ana, note ${madeAt.length}`);
          await pause(5 + random.next() * 25);
        }
        await killing;
        await victim.exited;
        client.destroy(); // the device is lost: nothing heals the server
        device = undefined;

        const stored = readStoredDocument(dataDir, journalId)?.getMap<string>('entries');
        for (let i = 1; i <= confirmed; i++) {
          if (stored?.get(`change-${i}`) !== `Coffee with Ana, note ${i}`) missingInAll++;
        }
        confirmedInAll += confirmed;
      }
      recordSoakFigure({
        figure: `changes shown Synced and missing on the server after ${KILLS.toLocaleString('en')} server kills at random moments`,
        value: `${missingInAll} of ${confirmedInAll.toLocaleString('en')}`,
        target: '0',
        pass: missingInAll === 0,
      });
      const p50 = percentile(latencies, 0.5);
      const p99 = percentile(latencies, 0.99);
      recordSoakFigure({
        figure: `time from a change to "Synced" on loopback, p50 / p99 (${latencies.length.toLocaleString('en')} changes)`,
        value: `${p50.toFixed(1)} ms / ${p99.toFixed(1)} ms`,
        target: '< 300 ms / < 2 s',
        pass: p50 < 300 && p99 < 2000,
      });
      expect(missingInAll).toBe(0);
      expect(confirmedInAll).toBeGreaterThan(KILLS);
    },
    Math.max(60_000, KILLS * 5_000),
  );
});
