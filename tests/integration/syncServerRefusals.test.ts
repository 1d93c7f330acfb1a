import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addJournal, startSyncServer, type SyncServer } from '../../electron/sync-server';
import { CHANGE_REFUSED_CLOSE_CODE, CHANGE_REFUSED_REASONS } from '../../shared/sync/closeCodes';
import { seededRandom } from '../fixtures/random';
import { sendRawChange, type ChangeOutcome } from './rawSyncSocket';
import {
  clientPool,
  makeTempDir,
  readStoredDocument,
  removeDir,
  waitFor,
  waitForSync,
  type ClientPool,
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

/** Whether `change` throws when applied to a copy of `state` (and so cannot be applied). */
function failsToApply(state: Uint8Array, change: Uint8Array): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, state);
  try {
    Y.applyUpdate(copy, change);
    return false;
  } catch {
    return true;
  } finally {
    copy.destroy();
  }
}

/**
 * Changes the journal cannot apply: random bytes, and real changes with one byte changed so
 * that they still decode but break while being applied (the hardest kind to catch).
 */
function brokenChanges(journal: Y.Doc, count: number): Uint8Array[] {
  const random = seededRandom(20261206);
  const state = Y.encodeStateAsUpdate(journal);
  const next = new Y.Doc();
  Y.applyUpdate(next, state);
  next.transact(() => {
    next.getMap('entries').set('panel', 'Robotics Hub panel, 90 min');
    next.getText('notes').insert(0, 'Ask Ana about the Acme opening.');
  });
  const change = Y.encodeStateAsUpdate(next, Y.encodeStateVector(journal));

  const damaged: Uint8Array[] = [];
  for (let at = 0; at < change.length && damaged.length < count / 2; at++) {
    for (let value = 0; value < 256 && damaged.length < count / 2; value += 7) {
      const candidate = change.slice();
      candidate[at] = value;
      if (candidate[at] === change[at]) continue;
      let decodes = true;
      try {
        Y.decodeUpdate(candidate);
      } catch {
        decodes = false;
      }
      if (decodes && failsToApply(state, candidate)) damaged.push(candidate);
    }
  }
  const noise: Uint8Array[] = [];
  while (damaged.length + noise.length < count) {
    const bytes = Uint8Array.from({ length: 1 + Math.floor(random.next() * 200) }, () =>
      Math.floor(random.next() * 256),
    );
    if (failsToApply(state, bytes)) noise.push(bytes);
  }
  return [...damaged, ...noise];
}

describe('sync server: a change it cannot apply', () => {
  it('is refused and never acknowledged (200 of 200), saying so; the journal and its devices go on', async () => {
    server = await startSyncServer({
      port: 0,
      dataDir,
      throttle: false,
      logLevel: 'warn',
      logSink: (level, message) => logs.push(`${level} ${message}`),
    });
    const { url } = server;
    const { journalId, token } = addJournal(dataDir);
    const laptop = clients.connect({ url, journalId, token });
    await waitForSync(laptop);
    laptop.doc.getMap('entries').set('coffee', 'Coffee with Ana, 45 min');
    await waitForSync(laptop);

    const changes = brokenChanges(laptop.doc, 200);
    expect(changes.filter((change) => change.length > 0)).toHaveLength(200);
    const outcomes: ChangeOutcome[] = [];
    for (const change of changes) outcomes.push(await sendRawChange(url, journalId, token, change));

    expect(outcomes.filter((outcome) => outcome.acknowledged)).toHaveLength(0);
    expect(
      outcomes.filter((outcome) =>
        isDeepStrictEqual(outcome.closed, {
          code: CHANGE_REFUSED_CLOSE_CODE,
          reason: CHANGE_REFUSED_REASONS.unreadable,
        }),
      ),
    ).toHaveLength(200);
    // The device that behaves goes on syncing, and what is stored is what it sees.
    laptop.doc.getMap('entries').set('call', 'Call with Grace, 20 min');
    await waitForSync(laptop);
    const phone = clients.connect({ url, journalId, token });
    await waitForSync(phone);
    expect(phone.doc.getMap('entries').toJSON()).toEqual(laptop.doc.getMap('entries').toJSON());
    expect(laptop.doc.getMap('entries').toJSON()).toMatchObject({
      coffee: 'Coffee with Ana, 45 min',
      call: 'Call with Grace, 20 min',
    });
    await waitFor(
      () =>
        isDeepStrictEqual(
          readStoredDocument(dataDir, journalId)?.getMap('entries').toJSON(),
          laptop.doc.getMap('entries').toJSON(),
        ),
      'the stored journal to be what the devices see',
    );
    // Said in the log, each kind once and then counted (a client cannot flood the log).
    await server.close();
    const refusalLines = logs.filter((line) =>
      line.includes(`Refused a change to journal ${journalId} that does not apply`),
    );
    const counted = refusalLines.map((line) =>
      Number(/\((\d+) more like this/.exec(line)?.[1] ?? 1),
    );
    expect(counted.reduce((sum, n) => sum + n, 0)).toBe(200);
    expect(refusalLines.length).toBeLessThan(40);
  });
});
