// The sync rows of `npm run bench` (`--only=sync` runs just them): a sync server in a child
// process on loopback, clients in this process (Hocuspocus providers over `ws`, each with its
// JournalDoc, as the app has). Measures how long and how many bytes a new device takes to get
// the 20k journal and then its reflections, how long 1,000 offline edits take to reach
// another device, the bytes one field change costs, how fast a device's changes reach another
// while clients without a token push large frames and hold half-open connections
// (syncAttack.ts), and how fast changes spread with 200 devices on 50 journals of 2k
// interactions with their reflections.
import * as Y from 'yjs';
import { addJournal, type NewJournal } from '../../electron/sync-server';
import { JournalDoc } from '../../shared/doc';
import type { InteractionId } from '../../shared/domain';
import { reflectionsDocumentName } from '../../shared/sync';
import { anInteraction } from '../fixtures/interactions';
import { seededRandom } from '../fixtures/random';
import {
  connectClient,
  makeTempDir,
  removeDir,
  type ServerProcess,
  spawnServerForLoad,
} from '../integration/syncHelpers';
import { connectReplica, waitUntil, type Replica } from '../integration/syncReplica';
import { startCountingProxy, type CountingProxy } from './countingProxy';
import { attackRows } from './syncAttack';
import { clockOf, missingDeliveries } from './syncDeliveries';
import { sizeLabel, type SeededJournal } from './seeded';
import { collectGarbage, median, percentile, progress } from './stats';
import { uploadReflections } from './syncUpload';
import { formatBytes, formatMs, type Row } from './table';

// The time a new device takes has its target on the Chromium row (newDevice.ts), where the
// app also writes and paints the journal.
const TARGET = {
  downloadBytesRatio: 1.2,
  fieldChangeBytes: 200,
  loadP99Ms: 100,
};
const DOWNLOADS = 3;
const OFFLINE_EDITS = 1000;
const LOAD = { journals: 50, devicesPerJournal: 4, rounds: 20, roundMs: 500 };

type Journal = NewJournal;

/**
 * Times `DOWNLOADS` new clients, each through its own counting proxy, from creating the client
 * until `done`; returns the medians of the times, the transfer times (until the last byte) and
 * the bytes received, and the last client, still connected through its proxy.
 */
async function timeDownloads<T extends { destroy(): void }>(
  server: ServerProcess,
  what: string,
  connect: (url: string) => T,
  done: (client: T) => boolean,
) {
  const totals: number[] = [];
  const wires: number[] = [];
  const received: number[] = [];
  const proxies: CountingProxy[] = [];
  let client: T | undefined;
  for (let run = 0; run < DOWNLOADS; run += 1) {
    progress(`sync: a new device downloads ${what} (${run + 1} of ${DOWNLOADS})`);
    client?.destroy();
    collectGarbage();
    const proxy = await startCountingProxy(server.port);
    proxies.push(proxy);
    const start = performance.now();
    const current = connect(proxy.url);
    client = current;
    await waitUntil(
      () => done(current),
      180_000,
      () => `the new device to hold ${what}`,
    );
    totals.push(performance.now() - start);
    wires.push(proxy.lastToClientAt - start);
    received.push(proxy.bytes.toClient);
  }
  return {
    client: client as T,
    totalMs: median(totals),
    wireMs: median(wires),
    bytes: median(received),
    /** Closes the proxies (and so the last client's connection). */
    closeProxies: () => Promise.all(proxies.map((proxy) => proxy.close())),
  };
}

/**
 * A first device uploads the journal and its reflections and stays connected; new devices
 * download the journal, then (as the app opens them, once the journal is editable) the
 * reflections. Returns the rows, the first device and the last new one.
 */
async function downloadRows(server: ServerProcess, journal: Journal, seeded: SeededJournal) {
  const size = sizeLabel(seeded.count);
  // Baseline: the same journal applied locally into an open JournalDoc, as the device does.
  collectGarbage();
  const local = new JournalDoc(new Y.Doc());
  const localStart = performance.now();
  local.applyUpdate(seeded.journal);
  const localMs = performance.now() - localStart;
  const count = local.getSnapshot().interactions.length;
  local.destroy();
  local.ydoc.destroy();
  progress(`sync: a first device uploads the ${size} journal and its reflections`);
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, seeded.journal);
  const first = connectReplica({ url: server.url, ...journal, doc: ydoc, withReflections: false });
  await first.whenSynced(180_000);
  const { journalId, token } = journal;
  const firstReflections = await uploadReflections(
    server.url,
    journalId,
    token,
    seeded.reflections,
  );
  const encoded = Y.encodeStateAsUpdate(first.ydoc).length;

  const journalRuns = await timeDownloads(
    server,
    `the ${size} journal`,
    // The journal alone: the app connects the reflections once the journal is editable.
    (url) => connectReplica({ url, ...journal, withReflections: false }),
    (replica) => replica.isSynced() && replica.journal.getSnapshot().interactions.length === count,
  );
  let reflectionRows: Row[] = [
    {
      measure: 'then its reflections: not measured, the sync server refused the document',
      size,
      value: '—',
    },
  ];
  if (firstReflections) {
    const reflectionsRuns = await timeDownloads(
      server,
      'its reflections',
      (url) => connectClient({ url, journalId: reflectionsDocumentName(journalId), token }),
      (client) => client.isInSync() && client.doc.store.clients.size > 0,
    );
    reflectionsRuns.client.destroy();
    await reflectionsRuns.closeProxies();
    firstReflections.destroy();
    reflectionRows = [
      {
        measure: `then its reflections (Node client, a document alone): connect → synced (median of ${DOWNLOADS})`,
        size,
        value: formatMs(reflectionsRuns.totalMs),
      },
      {
        measure: '… of which the transfer: connect → last byte received',
        size,
        value: formatMs(reflectionsRuns.wireMs),
      },
      {
        measure: 'the reflections: bytes received on the wire',
        size,
        value: formatBytes(reflectionsRuns.bytes),
        baseline: `encoded ${formatBytes(seeded.reflections.byteLength)}`,
        ratio: reflectionsRuns.bytes / seeded.reflections.byteLength,
      },
    ];
  }
  const rows: Row[] = [
    {
      measure: `new device gets the journal (Node client): connect → synced, with applyUpdate and snapshot (median of ${DOWNLOADS})`,
      size,
      value: formatMs(journalRuns.totalMs),
      baseline: `local apply ${formatMs(localMs)}`,
      ratio: journalRuns.totalMs / localMs,
    },
    {
      measure: '… of which the transfer: connect → last byte received',
      size,
      value: formatMs(journalRuns.wireMs),
    },
    {
      measure: 'new device gets the journal: bytes received on the wire',
      size,
      value: formatBytes(journalRuns.bytes),
      baseline: `encoded ${formatBytes(encoded)}`,
      ratio: journalRuns.bytes / encoded,
      target: `≤ ${TARGET.downloadBytesRatio}× encoded`,
      pass: journalRuns.bytes <= TARGET.downloadBytesRatio * encoded,
    },
    ...reflectionRows,
  ];
  return { rows, first, device: journalRuns.client, closeProxies: journalRuns.closeProxies };
}

/** Device B, offline, makes 1,000 edits; time from its reconnect until device A has them all. */
async function offlineRows(a: Replica, b: Replica, size: string): Promise<Row[]> {
  progress(`sync: ${OFFLINE_EDITS} edits on an offline device`);
  await b.disconnect();
  const random = seededRandom(5);
  const ids = b.journal.getSnapshot().interactions.map((item) => item.id);
  const fields = ['outcome', 'place', 'nextStep', 'intent'] as const;
  const editStart = performance.now();
  for (let edit = 0; edit < OFFLINE_EDITS; edit += 1) {
    if (edit % 10 === 0) {
      b.journal.addInteraction(anInteraction({ title: `Offline ${edit}` }));
    } else {
      b.journal.updateInteraction(random.pick(ids), {
        [random.pick(fields)]: `Offline edit ${edit}`,
      });
    }
  }
  const editMs = performance.now() - editStart;
  const target = clockOf(b.ydoc, b.ydoc.clientID);
  progress(`sync: the device reconnects (${formatMs(editMs)} of edits)`);
  const start = performance.now();
  b.connect();
  await waitUntil(
    () => clockOf(a.ydoc, b.ydoc.clientID) >= target,
    120_000,
    () => 'the online device to have the offline edits',
  );
  const mergeMs = performance.now() - start;
  return [
    {
      measure: `${OFFLINE_EDITS} offline edits: reconnect → all on the other device`,
      size,
      value: formatMs(mergeMs),
    },
  ];
}

/** Bytes on the wire for one field change between two devices of a small journal. */
async function fieldChangeRows(server: ServerProcess, journal: Journal): Promise<Row[]> {
  progress('sync: bytes of one field change');
  const proxies = [await startCountingProxy(server.port), await startCountingProxy(server.port)];
  const [writer, reader] = proxies.map((proxy) => connectReplica({ url: proxy.url, ...journal }));
  const [writerProxy, readerProxy] = proxies;
  if (!writer || !reader || !writerProxy || !readerProxy) throw new Error('unreachable');
  try {
    await Promise.all([writer.whenSynced(), reader.whenSynced()]);
    const id: InteractionId = writer.journal.addInteraction(anInteraction());
    await waitUntil(
      () => writer.isSynced() && reader.journal.get(id) !== undefined,
      10_000,
      () => 'the other device to receive the interaction',
    );
    const sent = writerProxy.bytes.toServer;
    const received = readerProxy.bytes.toClient;
    const acked = writerProxy.bytes.toClient;
    writer.journal.updateInteraction(id, { relevance: 5 });
    await waitUntil(
      () => writer.isSynced() && reader.journal.get(id)?.relevance === 5,
      10_000,
      () => 'the other device to receive the change',
    );
    const up = writerProxy.bytes.toServer - sent;
    const down = readerProxy.bytes.toClient - received;
    const ack = writerProxy.bytes.toClient - acked;
    const row = (measure: string, bytes: number): Row => ({
      measure,
      size: '1',
      value: `${bytes} B`,
      target: `< ${TARGET.fieldChangeBytes} B`,
      pass: bytes < TARGET.fieldChangeBytes,
    });
    return [
      row('one field change (relevance, with updatedAt): device → server', up),
      row('one field change: server → the other device', down),
      {
        measure: 'one field change: server → the device (acknowledgement)',
        size: '1',
        value: `${ack} B`,
      },
    ];
  } finally {
    writer.destroy();
    reader.destroy();
    await Promise.all(proxies.map((proxy) => proxy.close()));
  }
}

/**
 * 200 devices on 50 journals of `seeded` (2k interactions and their reflections): one device
 * of each uploads both documents; then, as the app's devices are while nobody has a
 * reflection open (their reflections leave the connection 30 s after the last one closed),
 * every device keeps the journal connected and the other three get it from the server. Each change is timed until each other device of its journal
 * has it.
 */
async function loadRows(
  server: ServerProcess,
  dataDir: string,
  seeded: SeededJournal,
): Promise<Row[]> {
  const { journals, devicesPerJournal, rounds, roundMs } = LOAD;
  const clients = journals * devicesPerJournal;
  const size = `${clients} devices, ${journals} journals of ${sizeLabel(seeded.count)}`;
  const groups: {
    devices: Replica[];
    id: InteractionId;
    sent: Map<number, { at: number; by: Replica }>;
  }[] = [];
  const latencies: number[] = [];
  let missing: number;
  try {
    progress(`sync: load, ${journals} devices upload a ${sizeLabel(seeded.count)} journal each`);
    const targets = Array.from({ length: journals }, () => addJournal(dataDir));
    for (const journal of targets) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, seeded.journal);
      groups.push({
        devices: [connectReplica({ url: server.url, ...journal, doc, withReflections: false })],
        id: '' as InteractionId,
        sent: new Map(),
      });
    }
    const uploaded = () => groups.every((group) => group.devices[0]?.isSynced());
    await waitUntil(uploaded, 300_000, () => 'the journals to upload');
    for (const { journalId, token } of targets) {
      // Uploaded, then left, as the app's reflections leave 30 s after the last one closed.
      const client = await uploadReflections(server.url, journalId, token, seeded.reflections);
      client?.destroy();
    }
    progress(`sync: load, ${clients - journals} more devices download their journal`);
    for (const [index, group] of groups.entries()) {
      const journal = targets[index];
      if (!journal) continue;
      for (let device = 1; device < devicesPerJournal; device += 1) {
        group.devices.push(connectReplica({ url: server.url, ...journal, withReflections: false }));
      }
    }
    const all = groups.flatMap((group) => group.devices);
    const ready = (device: Replica) =>
      device.isSynced() && device.journal.getSnapshot().interactions.length === seeded.count;
    await waitUntil(
      () => all.every(ready),
      300_000,
      () => `all ${clients} devices to sync (${all.filter(ready).length} synced)`,
    );
    for (const group of groups) {
      const [first] = group.devices;
      if (!first) continue;
      group.id = first.journal.addInteraction(anInteraction({ title: 'Load 0' }));
    }
    await waitUntil(
      () => groups.every((group) => group.devices.every((device) => device.journal.get(group.id))),
      30_000,
      () => 'every device to receive its journal’s first interaction',
    );
    // Each device records when it first shows change `seq` (or a later one) of its journal.
    for (const group of groups) {
      for (const device of group.devices) {
        let seen = 0;
        device.journal.subscribe(() => {
          const title = device.journal.get(group.id)?.title ?? '';
          const seq = Number(/^Load (\d+)$/.exec(title)?.[1] ?? 0);
          const now = performance.now();
          for (let next = seen + 1; next <= seq; next += 1) {
            const sent = group.sent.get(next);
            if (sent && sent.by !== device) latencies.push(now - sent.at);
          }
          seen = Math.max(seen, seq);
        });
      }
    }
    progress(`sync: load, ${rounds} rounds of ${journals} changes, ${roundMs} ms apart`);
    const random = seededRandom(9);
    const expected = rounds * journals * (devicesPerJournal - 1);
    for (let round = 1; round <= rounds; round += 1) {
      const roundStart = performance.now();
      for (const [index, group] of groups.entries()) {
        const due = roundStart + (index * roundMs) / journals;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const writer = random.pick(group.devices);
        group.sent.set(round, { at: performance.now(), by: writer });
        writer.journal.updateInteraction(group.id, { title: `Load ${round}` });
      }
      const rest = roundStart + roundMs - performance.now();
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
    missing = await missingDeliveries(latencies, expected);
  } finally {
    for (const group of groups) for (const device of group.devices) device.destroy();
  }
  const quantile = (p: number) => (latencies.length ? percentile(latencies, p) : NaN);
  const p99 = quantile(0.99);
  return [
    {
      measure: `load: change → other devices of its journal, p50 (${latencies.length} deliveries)`,
      size,
      value: formatMs(quantile(0.5)),
    },
    { measure: 'load: same, p95', size, value: formatMs(quantile(0.95)) },
    {
      measure: 'load: same, p99',
      size,
      value: formatMs(p99),
      target: `< ${TARGET.loadP99Ms} ms`,
      pass: p99 < TARGET.loadP99Ms && missing === 0,
    },
    { measure: 'load: same, slowest', size, value: formatMs(Math.max(...latencies)) },
    {
      measure: 'load: changes not delivered within 10 s after the last round',
      size,
      value: String(missing),
    },
  ];
}

/**
 * Every sync row: `big` (the 20k journal) for the new device and the offline edits, `small`
 * (2k) for each of the 50 journals of the load test.
 */
export async function measureSync(big: SeededJournal, small: SeededJournal): Promise<Row[]> {
  const dataDir = makeTempDir('relevant-sync-bench-');
  progress('sync: starting the sync server (child process)');
  const server = await spawnServerForLoad(dataDir);
  try {
    const download = await downloadRows(server, addJournal(dataDir), big);
    const rows = [...download.rows];
    try {
      rows.push(...(await offlineRows(download.first, download.device, sizeLabel(big.count))));
    } finally {
      download.first.destroy();
      download.device.destroy();
      await download.closeProxies();
    }
    rows.push(...(await fieldChangeRows(server, addJournal(dataDir))));
    rows.push(...(await attackRows(server, dataDir)));
    rows.push(...(await loadRows(server, dataDir, small)));
    return rows;
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    removeDir(dataDir);
  }
}
