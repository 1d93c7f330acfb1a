// The scale-out rows of `npm run bench` (`--only=scale-out`): two sync server instances, each
// a child process as on its own host, sharing only a Postgres database and Redis (both
// throw-away, started here). Devices are clients in this process (Hocuspocus providers over
// `ws`). Measures how fast an edit made through one instance reaches a device on the other,
// and how fast changes spread with 1,000 devices on 200 journals of 2k interactions, the
// devices of each journal spread over both instances.
import { PerformanceObserver } from 'node:perf_hooks';
import * as Y from 'yjs';
import { JournalDoc } from '../../shared/doc';
import type { InteractionId } from '../../shared/domain';
import { anInteraction } from '../fixtures/interactions';
import {
  addPostgresJournal,
  startPostgres,
  type PostgresCluster,
} from '../integration/postgresCluster';
import {
  connectClient,
  makeTempDir,
  removeDir,
  spawnServerForLoad,
  startRedis,
  type RedisProcess,
  type ServerProcess,
} from '../integration/syncHelpers';
import { waitUntil } from '../integration/syncReplica';
import { connectProtocolReader, type ProtocolReader } from './protocolReader';
import { clockOf, missingDeliveries } from './syncDeliveries';
import { sizeLabel, type SeededJournal } from './seeded';
import { percentile, progress } from './stats';
import { formatMs, type Row } from './table';

const TARGET = { crossP50Ms: 20, crossP99Ms: 100, crowdP99Ms: 100 };
const CROSS = { edits: 500, gapMs: 20 };
const CROWD = {
  // RELEVANT_BENCH_SCALE_OUT_JOURNALS: fewer journals, to look into a slow run.
  journals: Number(process.env.RELEVANT_BENCH_SCALE_OUT_JOURNALS ?? 200),
  devicesPerJournal: 5,
  rounds: 20,
  roundMs: 500,
  batch: 25,
};

/** Whether `reader` holds everything `writer` holds (their state vectors). */
function holdsAllOf(reader: Y.Doc, writer: Y.Doc): boolean {
  const has = Y.decodeStateVector(Y.encodeStateVector(reader));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(writer))) {
    if ((has.get(client) ?? 0) < clock) return false;
  }
  return true;
}

interface Instances {
  readonly urls: readonly string[];
  readonly database: string;
}

/**
 * A device that writes: the journal document with the app's JournalDoc over it, uploaded and
 * stored before this resolves.
 */
async function connectWriter(url: string, database: string, seeded: SeededJournal) {
  const journal = await addPostgresJournal(database);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seeded.journal);
  const client = connectClient({ url, ...journal, doc });
  return { journal, client, doc: new JournalDoc(doc) };
}

const quantile = (values: readonly number[], p: number) =>
  values.length ? percentile(values, p) : NaN;

/** One writer and one reader, on different instances, swapping roles at each edit. */
async function crossHostRows({ urls, database }: Instances, seeded: SeededJournal) {
  const [one, two] = urls;
  if (!one || !two) throw new Error('two instances needed');
  progress('scale-out: an edit through one instance, timed to a device on the other');
  const first = await connectWriter(one, database, seeded);
  const secondDoc = new Y.Doc();
  const second = connectClient({ url: two, ...first.journal, doc: secondDoc });
  const devices = [
    { doc: first.doc, client: first.client },
    { doc: new JournalDoc(secondDoc), client: second },
  ] as const;
  const latencies: number[] = [];
  try {
    await waitUntil(
      () => first.client.isInSync() && second.isInSync() && holdsAllOf(secondDoc, first.client.doc),
      120_000,
      () => 'the second device to get the journal',
    );
    const id = first.doc.addInteraction(anInteraction({ title: 'Edit 0' }));
    await waitUntil(
      () => devices[1].doc.get(id) !== undefined,
      10_000,
      () => 'the first edit',
    );
    for (let edit = 1; edit <= CROSS.edits; edit += 1) {
      const [writer, reader] = edit % 2 ? [devices[0], devices[1]] : [devices[1], devices[0]];
      const writerId = writer.client.doc.clientID;
      const start = performance.now();
      writer.doc.updateInteraction(id, { title: `Edit ${edit}` });
      const target = clockOf(writer.client.doc, writerId);
      await waitUntil(
        () => clockOf(reader.client.doc, writerId) >= target,
        10_000,
        () => `edit ${edit} to reach the other instance's device`,
      );
      latencies.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, CROSS.gapMs));
    }
  } finally {
    first.client.destroy();
    second.destroy();
  }
  const p50 = quantile(latencies, 0.5);
  const p99 = quantile(latencies, 0.99);
  const size = `${sizeLabel(seeded.count)}, 2 instances`;
  return [
    {
      measure: `scale-out: an edit → a device on the other instance, p50 (${latencies.length} edits)`,
      size,
      value: formatMs(p50),
      target: `< ${TARGET.crossP50Ms} ms`,
      pass: p50 < TARGET.crossP50Ms,
    },
    {
      measure: 'scale-out: same, p99',
      size,
      value: formatMs(p99),
      target: `< ${TARGET.crossP99Ms} ms`,
      pass: p99 < TARGET.crossP99Ms,
    },
  ] satisfies Row[];
}

interface CrowdJournal {
  readonly writer: Awaited<ReturnType<typeof connectWriter>>;
  readonly readers: ProtocolReader[];
  id: InteractionId;
  /** Each change of the round: the writer's clock after it, and when it was made. */
  readonly sent: { clock: number; at: number }[];
}

/**
 * 200 journals of 2k interactions, five devices each, alternating between the instances (the
 * writer on the first or the second, by journal). The writer uploads the journal; the other
 * four already hold it, as devices that synced before and come back (protocolReader.ts). Each
 * journal changes once per round, the rounds 500 ms apart; every change is timed until each
 * other device of its journal has it.
 */
async function crowdRows({ urls, database }: Instances, seeded: SeededJournal) {
  const { journals, devicesPerJournal, rounds, roundMs, batch } = CROWD;
  const devices = journals * devicesPerJournal;
  const size = `${devices} devices, ${journals} journals of ${sizeLabel(seeded.count)}, 2 instances`;
  const urlOf = (device: number) => urls[device % urls.length] ?? '';
  const crowd: CrowdJournal[] = [];
  const latencies: number[] = [];
  const sameInstance: number[] = [];
  /** Garbage collection pauses of this process during the rounds. */
  const gcPauses: number[] = [];
  const otherInstance: number[] = [];
  let missing: number;
  try {
    for (let start = 0; start < journals; start += batch) {
      progress(`scale-out: journals ${start + 1}–${start + batch} of ${journals} upload`);
      const added = await Promise.all(
        Array.from({ length: Math.min(batch, journals - start) }, (_, i) =>
          connectWriter(urlOf(start + i), database, seeded),
        ),
      );
      for (const writer of added)
        crowd.push({ writer, readers: [], id: '' as InteractionId, sent: [] });
      await waitUntil(
        () => added.every((writer) => writer.client.isInSync()),
        300_000,
        () => 'the journals to upload',
      );
    }
    progress(`scale-out: ${devices - journals} more devices, holding their journal, connect`);
    for (let start = 0; start < journals; start += batch) {
      const group = crowd.slice(start, start + batch);
      group.forEach((journal, offset) => {
        const { journal: target, client } = journal.writer;
        const stateVector = Y.encodeStateVector(client.doc);
        for (let device = 1; device < devicesPerJournal; device += 1) {
          const url = urlOf(start + offset + device);
          journal.readers.push(connectProtocolReader({ url, ...target, stateVector }));
        }
      });
      const readers = group.flatMap((journal) => journal.readers);
      await waitUntil(
        () => readers.every((reader) => reader.ready()),
        60_000,
        () =>
          `the devices of journals ${start + 1}–${start + group.length} to connect (` +
          `${readers.filter((reader) => reader.ready()).length} of ${readers.length} ready; closed: ` +
          `${[...new Set(readers.map((reader) => reader.closed()).filter(Boolean))].join(', ') || 'none'})`,
      );
    }
    for (const journal of crowd) {
      journal.id = journal.writer.doc.addInteraction(anInteraction({ title: 'Load 0' }));
    }
    const holdsFirst = (journal: CrowdJournal) => {
      const { doc } = journal.writer.client;
      const clock = clockOf(doc, doc.clientID);
      return journal.readers.every((reader) => reader.clockOf(doc.clientID) >= clock);
    };
    await waitUntil(
      () => crowd.every(holdsFirst),
      30_000,
      () => 'every device to get its journal’s first interaction',
    );
    for (const journal of crowd) {
      const writerId = journal.writer.client.doc.clientID;
      for (const [number, reader] of journal.readers.entries()) {
        // Device `number + 1` of a journal is on its writer's instance when that is even.
        const through = (number + 1) % 2 === 0 ? sameInstance : otherInstance;
        let seen = 0;
        reader.onChange(() => {
          const clock = reader.clockOf(writerId);
          const now = performance.now();
          while (seen < journal.sent.length && (journal.sent[seen]?.clock ?? Infinity) <= clock) {
            const latency = now - (journal.sent[seen]?.at ?? now);
            latencies.push(latency);
            through.push(latency);
            seen += 1;
          }
        });
      }
    }
    progress(
      `scale-out: ${rounds} rounds of ${journals} changes, ${roundMs} ms apart ` +
        `(bench heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB)`,
    );
    const pauses = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcPauses.push(entry.duration);
    });
    pauses.observe({ entryTypes: ['gc'] });
    for (let round = 1; round <= rounds; round += 1) {
      const roundStart = performance.now();
      for (const [index, journal] of crowd.entries()) {
        const wait = roundStart + (index * roundMs) / journals - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const { doc, client } = journal.writer;
        // Timed from the moment the writer's device sends the change (in Yjs' update event).
        let at = performance.now();
        client.doc.once('update', () => (at = performance.now()));
        doc.updateInteraction(journal.id, { title: `Load ${round}` });
        journal.sent.push({ clock: clockOf(client.doc, client.doc.clientID), at });
      }
      const rest = roundStart + roundMs - performance.now();
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
    const expected = rounds * journals * (devicesPerJournal - 1);
    missing = await missingDeliveries(latencies, expected);
    pauses.disconnect();
  } finally {
    for (const journal of crowd) {
      journal.writer.client.destroy();
      for (const reader of journal.readers) reader.destroy();
    }
  }
  const p99 = quantile(latencies, 0.99);
  return [
    {
      measure: `scale-out load: change → other devices of its journal, p50 (${latencies.length} deliveries)`,
      size,
      value: formatMs(quantile(latencies, 0.5)),
    },
    {
      measure: 'scale-out load: same, p99',
      size,
      value: formatMs(p99),
      target: `< ${TARGET.crowdP99Ms} ms`,
      pass: p99 < TARGET.crowdP99Ms && missing === 0,
    },
    {
      measure: 'scale-out load: p99 to a device on the writer’s instance / on the other one',
      size,
      value: `${formatMs(quantile(sameInstance, 0.99))} / ${formatMs(quantile(otherInstance, 0.99))}`,
    },
    {
      measure: 'scale-out load: the bench process’s longest garbage collection pause meanwhile',
      size,
      value: formatMs(Math.max(0, ...gcPauses)),
    },
    {
      measure: 'scale-out load: changes not delivered within 10 s after the last round',
      size,
      value: String(missing),
    },
  ] satisfies Row[];
}

export async function measureScaleOut(seeded: SeededJournal): Promise<Row[]> {
  progress('scale-out: starting Postgres, Redis and two sync server instances');
  let cluster: PostgresCluster | undefined;
  let redis: RedisProcess | undefined;
  const servers: ServerProcess[] = [];
  const dataDirs: string[] = [];
  try {
    [cluster, redis] = await Promise.all([startPostgres(), startRedis()]);
    const env = { RELEVANT_SYNC_DATABASE_URL: cluster.url, RELEVANT_SYNC_REDIS_URL: redis.url };
    for (let i = 0; i < 2; i += 1) {
      const dataDir = makeTempDir('relevant-scale-out-');
      dataDirs.push(dataDir);
      servers.push(await spawnServerForLoad(dataDir, [], env, ['--max-old-space-size=8192']));
    }
    const instances = { urls: servers.map((server) => server.url), database: cluster.url };
    return [...(await crossHostRows(instances, seeded)), ...(await crowdRows(instances, seeded))];
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
    await Promise.all(servers.map((server) => server.exited));
    await Promise.all([cluster?.stop(), redis?.stop()]);
    for (const dir of dataDirs) removeDir(dir);
  }
}
