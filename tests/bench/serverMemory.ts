// The sync server's memory with journals open: a server in a child process (as deployed),
// journals uploaded from clients in this process (JournalDoc with its reflections as rich
// text, as the app holds them), one client per journal left connected, then the server's
// resident memory (VmRSS) once it has settled. Run alone with
// `node --expose-gc --import tsx tests/bench/serverMemory.ts [1x20k-idle] [50x2k-idle] [1x20k]
// [50x2k]`.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { addJournal } from '../../electron/sync-server';
import {
  connectJournalClient,
  makeTempDir,
  removeDir,
  type JournalClient,
  type ServerProcess,
  spawnServerForLoad,
} from '../integration/syncHelpers';
import { waitUntil } from '../integration/syncReplica';
import { generateEntries } from './generate';
import { buildJournal } from './journal';
import { collectGarbage, progress } from './stats';
import { runSections } from './report';
import type { Row } from './table';

const MB = 1024 * 1024;
/**
 * Every reflection is rich text, as the app logs them. `idle`: once uploaded, each device's reflections leave the
 * connection, as the app's do 30 s after the last reflection closed, and the server unloads
 * them; otherwise both documents stay connected (someone is editing reflections on every
 * journal at once).
 */
const SCENARIOS = [
  { journals: 1, interactions: 20_000, idle: true, targetMb: 200 },
  { journals: 50, interactions: 2_000, idle: true, targetMb: 300 },
  { journals: 1, interactions: 20_000, idle: false, targetMb: 200 },
  { journals: 50, interactions: 2_000, idle: false, targetMb: 300 },
] as const;
/**
 * Settled: at least SETTLE_MIN_MS after the last upload or departure (the server stores 2 s
 * after a change and collects garbage 5 s after that), and the last SETTLE_SAMPLES readings,
 * a second apart, within 2% of each other.
 */
const SETTLE_MIN_MS = 15_000;
const SETTLE_SAMPLES = 5;
const SETTLE_LIMIT_MS = 90_000;

/** Resident and peak memory of a process, from /proc (Linux), in bytes. */
export function processMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the server's RSS stops moving (its stores done, its garbage collected). */
async function settledRss(pid: number): Promise<number> {
  const readings: number[] = [];
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  await sleep(SETTLE_MIN_MS - SETTLE_SAMPLES * 1000);
  for (;;) {
    readings.push(processMemory(pid).rss);
    const last = readings.slice(-SETTLE_SAMPLES);
    const steady = last.length === SETTLE_SAMPLES && Math.max(...last) <= Math.min(...last) * 1.02;
    if (steady || Date.now() > deadline) return last.at(-1) ?? 0;
    await sleep(1000);
  }
}

/**
 * Uploads one journal of `interactions` generated entries as a device holds it: the journal
 * document, and the reflections document with each reflection as rich text (2–4 paragraphs,
 * written when logged, as the app does). Resolves with the client, still connected.
 */
async function upload(
  server: ServerProcess,
  dataDir: string,
  interactions: number,
  seed: number,
): Promise<JournalClient> {
  const target = addJournal(dataDir);
  const { journal, reflections } = buildJournal(generateEntries(interactions, seed));
  const doc = journal.ydoc;
  journal.destroy();
  const client = connectJournalClient({ url: server.url, ...target, doc, reflections });
  await waitUntil(
    () => client.isInSync(),
    300_000,
    () => `the journal to upload (${client.refusals().join('; ') || 'no refusal'})`,
  );
  return client;
}

/** Heap in use, in MB, from the server's last "Collected garbage" debug line; null if none. */
function lastCollectedHeap(output: string): number | null {
  const lines = [
    ...output.matchAll(/Collected garbage\. Memory: \d+ MB resident; heap (\d+) MB used/g),
  ];
  const last = lines.at(-1);
  return last ? Number(last[1]) : null;
}

function formatMb(bytes: number): string {
  return `${(bytes / MB).toFixed(0)} MB`;
}

type Scenario = (typeof SCENARIOS)[number];
const scenarioName = ({ journals, interactions, idle }: Scenario) =>
  `${journals}x${interactions / 1000}k${idle ? '-idle' : ''}`;

/**
 * RSS of a sync server with each scenario's journals open, each in a fresh server process.
 * `only`: scenario names ("1x20k-idle", "50x2k-idle", "1x20k", "50x2k") to run; all by default.
 */
export async function measureServerMemory(only?: readonly string[]): Promise<Row[]> {
  const rows: Row[] = [];
  const chosen = SCENARIOS.filter((scenario) => !only || only.includes(scenarioName(scenario)));
  for (const { journals, interactions, idle, targetMb } of chosen) {
    const size = `${journals} × ${interactions / 1000}k`;
    const open = idle
      ? 'the journal open, its reflections left as the app’s do when idle'
      : 'both documents open';
    const dataDir = makeTempDir('relevant-sync-memory-');
    // At debug level the server logs its memory after each garbage collection it runs.
    const server = await spawnServerForLoad(dataDir, [], { RELEVANT_SYNC_LOG_LEVEL: 'debug' });
    const pid = server.child.pid ?? 0;
    const clients: JournalClient[] = [];
    try {
      const empty = processMemory(pid).rss;
      for (let index = 0; index < journals; index += 1) {
        progress(`server memory: uploading journal ${index + 1} of ${journals} (${size})`);
        const client = await upload(server, dataDir, interactions, 7000 + index);
        if (idle) client.reflectionsProvider?.destroy();
        clients.push(client);
        collectGarbage();
      }
      progress('server memory: waiting for the server to settle');
      const rss = await settledRss(pid);
      const { peak } = processMemory(pid);
      const heap = lastCollectedHeap(server.output());
      rows.push(
        { measure: 'sync server RSS, no journal open', size, value: formatMb(empty) },
        {
          measure: `sync server RSS, ${open}, one device each, settled`,
          size,
          value: formatMb(rss),
          target: `< ${targetMb} MB`,
          pass: rss < targetMb * MB,
        },
        {
          measure: '… of which V8 heap in use after the server’s last collection',
          size,
          value: heap === null ? 'not logged' : `${heap} MB`,
        },
        {
          measure: '… its peak while the journals were uploaded (VmHWM)',
          size,
          value: formatMb(peak),
        },
      );
      for (const client of clients.splice(0)) client.destroy();
      progress('server memory: every device has left; waiting for the server to settle');
      rows.push({
        measure: 'sync server RSS after every device left (journals unloaded)',
        size,
        value: formatMb(await settledRss(pid)),
      });
    } finally {
      for (const client of clients) client.destroy();
      server.child.kill('SIGTERM');
      await server.exited;
      removeDir(dataDir);
    }
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const only = process.argv.slice(2);
  await runSections(
    [
      {
        name: 'sync server memory',
        run: () => measureServerMemory(only.length > 0 ? only : undefined),
      },
    ],
    [],
  );
}
