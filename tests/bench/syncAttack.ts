// The sync rows' figure for a server held up by clients without a token: two devices of one
// journal, one changing an interaction every 50 ms, timed until the other has each change;
// first on a quiet server, then while four senders push 32 MB frames without a token (each
// starting again as soon as the server closes it) and 300 half-open connections are held
// (attackers.ts, a child process of its own, so that its work does not slow the devices).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { addJournal } from '../../electron/sync-server';
import type { InteractionId } from '../../shared/domain';
import { anInteraction } from '../fixtures/interactions';
import { REPO_ROOT, waitFor, type ServerProcess } from '../integration/syncHelpers';
import { connectReplica, type Replica } from '../integration/syncReplica';
import { median, percentile, progress } from './stats';
import { formatMs, type Row } from './table';

const ATTACK = { senders: 4, frameBytes: 32_000_000, halfOpen: 300 };
const TARGET_P99_MS = 200;
const CHANGE_EVERY_MS = 50;
const QUIET_MS = 10_000;
const ATTACK_MS = 20_000;
/** Time for the half-open connections to be open before the timing starts. */
const SETTLE_MS = 3000;

interface AttackCounts {
  readonly framesRefused: number;
  readonly framesOtherwise: number;
  readonly halfOpenClosed: number;
  readonly halfOpenHeld: number;
}

/** The attackers as a child process; `counts()` is their latest report. */
async function startAttackers(port: number) {
  const script = path.join(REPO_ROOT, 'tests/bench/attackers.ts');
  const { senders, frameBytes, halfOpen } = ATTACK;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      script,
      String(port),
      String(senders),
      String(frameBytes),
      String(halfOpen),
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let latest: AttackCounts | null = null;
  let ready = false;
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') ready = true;
      else if (line.startsWith('{')) latest = JSON.parse(line) as AttackCounts;
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(() => ready, 'the attackers to start', 20_000);
  return {
    counts: () => latest,
    /** From now on, notes the half-open connections held at each report, until called. */
    watchHeld: () => {
      const held: number[] = [];
      const timer = setInterval(() => {
        if (latest) held.push(latest.halfOpenHeld);
      }, 1000);
      return () => {
        clearInterval(timer);
        return held;
      };
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Changes the interaction's title on `writer` every 50 ms for `durationMs`, and times each
 * change until `reader` has it; returns the times and how many never arrived within 10 s.
 */
async function timeChanges(
  writer: Replica,
  reader: Replica,
  id: InteractionId,
  durationMs: number,
): Promise<{ latencies: number[]; missing: number }> {
  const sent = new Map<number, number>();
  const latencies: number[] = [];
  const first = Number(/^Change (\d+)$/.exec(writer.journal.get(id)?.title ?? '')?.[1] ?? 0) + 1;
  let seen = first - 1;
  const unsubscribe = reader.journal.subscribe(() => {
    const seq = Number(/^Change (\d+)$/.exec(reader.journal.get(id)?.title ?? '')?.[1] ?? 0);
    const now = performance.now();
    for (let next = seen + 1; next <= seq; next += 1) {
      const at = sent.get(next);
      if (at !== undefined) latencies.push(now - at);
    }
    seen = Math.max(seen, seq);
  });
  try {
    const start = performance.now();
    let seq = first;
    while (performance.now() - start < durationMs) {
      sent.set(seq, performance.now());
      writer.journal.updateInteraction(id, { title: `Change ${seq}` });
      seq += 1;
      const due = start + (seq - first) * CHANGE_EVERY_MS;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    }
    await waitFor(() => latencies.length >= sent.size, 'every change to arrive', 10_000).catch(
      () => undefined,
    );
    return { latencies, missing: sent.size - latencies.length };
  } finally {
    unsubscribe();
  }
}

/** The good device's p99 on a quiet server, then under the attack; the figure and its counts. */
export async function attackRows(server: ServerProcess, dataDir: string): Promise<Row[]> {
  const journal = addJournal(dataDir);
  const writer = connectReplica({ url: server.url, ...journal, withReflections: false });
  const reader = connectReplica({ url: server.url, ...journal, withReflections: false });
  const size = '2 devices, 1 journal';
  try {
    await Promise.all([writer.whenSynced(10_000), reader.whenSynced(10_000)]);
    const id = writer.journal.addInteraction(anInteraction({ title: 'Change 0' }));
    await waitFor(() => reader.journal.get(id) !== undefined, 'the reader to get the interaction');

    progress(`sync: a device's changes on a quiet server (${QUIET_MS / 1000} s)`);
    const quiet = await timeChanges(writer, reader, id, QUIET_MS);
    const { senders, frameBytes, halfOpen } = ATTACK;
    progress(
      `sync: the same while ${senders} senders push ${frameBytes / 1e6} MB frames without a token and ${halfOpen} half-open connections are held (${ATTACK_MS / 1000} s)`,
    );
    const attackers = await startAttackers(server.port);
    let attacked: { latencies: number[]; missing: number };
    let counts: AttackCounts | null;
    let held: number[];
    try {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const stopWatching = attackers.watchHeld();
      const before = attackers.counts();
      attacked = await timeChanges(writer, reader, id, ATTACK_MS);
      held = stopWatching();
      const after = attackers.counts();
      counts = after && {
        framesRefused: after.framesRefused - (before?.framesRefused ?? 0),
        framesOtherwise: after.framesOtherwise - (before?.framesOtherwise ?? 0),
        halfOpenClosed: after.halfOpenClosed - (before?.halfOpenClosed ?? 0),
        halfOpenHeld: after.halfOpenHeld,
      };
    } finally {
      await attackers.stop();
    }
    const p99 = (run: { latencies: number[] }) =>
      run.latencies.length ? percentile(run.latencies, 0.99) : NaN;
    const quietP99 = p99(quiet);
    const attackedP99 = p99(attacked);
    const seconds = ATTACK_MS / 1000;
    return [
      {
        measure: `a device's change → the other device, p99, quiet server (${quiet.latencies.length} changes, one each ${CHANGE_EVERY_MS} ms)`,
        size,
        value: formatMs(quietP99),
      },
      {
        measure: `same while ${senders} senders push ${frameBytes / 1e6} MB frames without a token and ${halfOpen} half-open connections are held (${attacked.latencies.length} changes)`,
        size,
        value: formatMs(attackedP99),
        baseline: `quiet ${formatMs(quietP99)}`,
        ratio: attackedP99 / quietP99,
        target: `< ${TARGET_P99_MS} ms`,
        pass: attackedP99 < TARGET_P99_MS && attacked.missing === 0,
      },
      {
        measure: '… its p50',
        size,
        value: formatMs(attacked.latencies.length ? percentile(attacked.latencies, 0.5) : NaN),
      },
      { measure: '… changes not delivered within 10 s', size, value: String(attacked.missing) },
      {
        measure: `… frames the server closed after their first 64 KiB (code 1009) in ${seconds} s (ended otherwise: ${counts?.framesOtherwise ?? '?'})`,
        size,
        value: String(counts?.framesRefused ?? '?'),
      },
      {
        measure: `… half-open connections held, median of reports 1 s apart (fewest ${held.length ? Math.min(...held) : '?'})`,
        size,
        value: held.length ? String(median(held)) : '?',
      },
      {
        measure:
          '… half-open connections the server closed (no journal within 15 s), each opened again',
        size,
        value: String(counts?.halfOpenClosed ?? '?'),
      },
    ];
  } finally {
    writer.destroy();
    reader.destroy();
  }
}
