import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { WebSocketStatus } from '@hocuspocus/provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSyncLink } from '../../shared/sync/syncLink';
import { parseCommandLine } from '../../electron/sync-server/serverConfig';
import { newJournalId } from '../../electron/sync-server/tokens';
import Database from 'better-sqlite3';
import { addJournal, listJournals, startSyncServer } from '../../electron/sync-server';
import { databasePath } from '../../electron/sync-server/journalRegistry';
import {
  clientPool,
  failWrites,
  makeTempDir,
  removeDir,
  runSyncServerCommand,
  spawnSyncServer,
  waitFor,
  waitForSync,
  type ServerProcess,
  type ClientOptions,
  type ClientPool,
  type SyncClient,
} from './syncHelpers';
import { sendRawChange, sendRawFrame } from './rawSyncSocket';
import { seededRandom } from '../fixtures/random';

let dataDir: string;
let processes: ServerProcess[];
let clients: ClientPool;

beforeEach(() => {
  dataDir = makeTempDir();
  processes = [];
  clients = clientPool();
});

afterEach(async () => {
  clients.destroyAll();
  for (const { child, exited } of processes) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  }
  removeDir(dataDir);
});

async function spawnServer(args: readonly string[]): Promise<ServerProcess> {
  const started = await spawnSyncServer(args);
  processes.push(started);
  return started;
}

const client = (options: ClientOptions): SyncClient => clients.connect(options);

const entries = (c: SyncClient) => c.doc.getMap<string>('entries').toJSON();

describe('sync server process', () => {
  it('loses no client edit when killed inside its store debounce, and stores all on SIGTERM', async () => {
    const { journalId, token } = addJournal(dataDir);
    const slowStores = ['--data', dataDir, '--store-debounce-ms', '60000', '--throttle', 'off'];
    const first = await spawnServer(['--port', '0', ...slowStores]);
    expect(first.output()).toMatch(
      /^Relevant sync server listening on ws:\/\/127\.0\.0\.1:\d+ \(journals in the database /,
    );
    const a = client({ url: first.url, journalId, token });
    const b = client({ url: first.url, journalId, token });
    await Promise.all([waitForSync(a), waitForSync(b)]);
    a.doc.getMap('entries').set('a1', 'breakfast with Ada');
    b.doc.getMap('entries').set('b1', 'call with Alan');
    await Promise.all([waitForSync(a), waitForSync(b)]);

    first.child.kill('SIGKILL'); // nothing stored yet: the debounce is a minute
    expect(await first.exited).toBe('SIGKILL');
    await waitFor(
      () => !a.provider.isSynced || a.socket.status !== WebSocketStatus.Connected,
      'a to notice',
    );
    a.doc.getMap('entries').set('a2', 'offline note about Ada');

    const second = await spawnServer(['--port', String(first.port), ...slowStores]);
    await Promise.all([waitForSync(a), waitForSync(b)]);
    const expected = {
      a1: 'breakfast with Ada',
      b1: 'call with Alan',
      a2: 'offline note about Ada',
    };
    await waitFor(() => isDeepStrictEqual(entries(b), expected), 'b to converge');
    expect(entries(a)).toEqual(expected);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    for (const c of [a, b]) c.destroy();

    const check = await startSyncServer({ port: 0, dataDir, logLevel: 'silent' });
    try {
      const fresh = client({ url: check.url, journalId, token });
      await waitForSync(fresh);
      expect(entries(fresh)).toEqual(expected);
    } finally {
      await check.close();
    }
  });
});

describe('sync server process, its disk full', () => {
  it('refuses the change, and exits with 1 on SIGTERM, naming the journal it could not store', async () => {
    const { journalId, token } = addJournal(dataDir);
    const server = await spawnServer(['--port', '0', '--data', dataDir, '--throttle', 'off']);
    const writer = client({ url: server.url, journalId, token });
    await waitForSync(writer);
    const db = new Database(databasePath(dataDir), { timeout: 5000 });
    db.exec(failWrites(['documents', 'changes']));
    writer.doc.getMap('entries').set('call', 'with Margaret');
    await waitFor(
      () => server.output().includes(`Could not store a change to journal ${journalId}`),
      'the failed store to be logged',
    );
    expect(writer.isInSync()).toBe(false);
    writer.destroy();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(
      `Shutting down without the latest changes of journal ${journalId}`,
    );
    expect(server.output()).toContain('stopped with changes that could not be stored');
    db.close();
  });
});

describe('sync server log under bad input', () => {
  it('writes a few lines, no stack traces, for a hundred bad sockets and refused changes', async () => {
    const { journalId, token } = addJournal(dataDir);
    const server = await spawnServer(['--port', '0', '--data', dataDir, '--throttle', 'off']);
    const random = seededRandom(7);
    const noise = () => Uint8Array.from({ length: 1 + random.int(300) }, () => random.int(256));
    for (let socket = 0; socket < 50; socket++) await sendRawFrame(server.url, noise());
    for (let socket = 0; socket < 50; socket++) {
      const outcome = await sendRawChange(server.url, journalId, token, noise());
      expect(outcome.acknowledged).toBe(false);
    }
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const lines = server.output().trim().split('\n');
    expect(lines.filter((line) => /^\s+at /.test(line))).toEqual([]);
    // A line for each kind of error (then its count), not one per socket: under a third.
    expect(lines.length).toBeLessThan(34);
    expect(lines.some((line) => /\(\d+ more like this in the last minute\)/.test(line))).toBe(true);
  });
});

describe('sync server data folder', () => {
  it('refuses to start where the database went missing or was emptied, saying what to do', async () => {
    const { journalId } = addJournal(dataDir);
    const file = databasePath(dataDir);
    for (const [damage, said] of [
      [() => rmSync(file), 'is missing'],
      [() => writeFileSync(file, ''), 'is empty (0 bytes)'],
    ] as const) {
      for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      damage();
      await expect(spawnServer(['--port', '0', '--data', dataDir])).rejects.toThrow(
        `its database relevant-sync.sqlite ${said}. Restore it from a backup`,
      );
      const listing = runSyncServerCommand(['list-journals', '--data', dataDir]);
      expect(listing.status).toBe(1);
      expect(listing.stderr).toContain(`relevant-sync.sqlite ${said}`);
    }
    // Asked for in so many words: a new, empty database.
    rmSync(path.join(dataDir, 'relevant-sync.json'));
    expect(runSyncServerCommand(['list-journals', '--data', dataDir]).stdout).toContain(
      'No journals yet',
    );
    expect(listJournals(dataDir).map((journal) => journal.journalId)).not.toContain(journalId);
  });
});

describe('sync server command line', () => {
  it('adds a journal and prints its id, token and a sync link the app accepts', () => {
    const { status, stdout } = runSyncServerCommand([
      'add-journal',
      '--data',
      dataDir,
      '--port',
      '4321',
    ]);
    expect(status).toBe(0);
    const journalId = /^Journal id: (\S+)$/m.exec(stdout)?.[1];
    const token = /^Token: +(\S+)$/m.exec(stdout)?.[1];
    const link = /^Sync link: +(\S+)$/m.exec(stdout)?.[1] ?? '';
    expect(parseSyncLink(link)).toEqual({
      ok: true,
      target: { serverUrl: 'ws://127.0.0.1:4321/', journalId, token },
    });
    expect(listJournals(dataDir).map((j) => j.journalId)).toEqual([journalId]);

    const removed = runSyncServerCommand(['remove-journal', journalId ?? '', '--data', dataDir]);
    expect(removed.status).toBe(0);
    const again = runSyncServerCommand(['remove-journal', journalId ?? '', '--data', dataDir]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/no journal/);
    expect(listJournals(dataDir)).toEqual([]);
  });

  it.each([
    [['--port', 'abc'], {}, /--port "abc": Expected a whole number/],
    [
      [],
      { RELEVANT_SYNC_LOG_LEVEL: 'loud' },
      /RELEVANT_SYNC_LOG_LEVEL "loud": The log level is one of/,
    ],
  ])('refuses %j %j with exit code 2 and one line', (args, env, message) => {
    const { status, stdout, stderr } = runSyncServerCommand([...args, '--data', dataDir], env);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [['--port', '70000'], {}, /^--port "70000": The port is a whole number from 0 to 65535/],
    [[], { RELEVANT_SYNC_PORT: '-1' }, /^RELEVANT_SYNC_PORT "-1": Expected a whole number/],
    [['--redis-url', 'localhost:6379'], {}, /^--redis-url "localhost:6379": The Redis address/],
    [['--host', 'a b'], {}, /^--host "a b": The host is a name or an IP address/],
    [['--throttle', 'lots'], {}, /^--throttle "lots": Expected refused attempts per minute/],
    [['--colour'], {}, /^Unknown option --colour/],
    [['--port'], {}, /^--port needs a value/],
    [['serve', 'now'], {}, /^Unexpected argument "now"/],
    [['remove-journal'], {}, /^remove-journal needs the id/],
  ])('reads %j %j as an error', (args, env, message) => {
    const parsed = parseCommandLine(args, env);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(message);
  });

  it('reads every argument after "--" as a command or id, so an id may start with "-"', () => {
    expect(
      parseCommandLine(['--data', 'here', 'remove-journal', '--', '-Abc_1'], {}),
    ).toMatchObject({
      ok: true,
      commandLine: {
        command: 'remove-journal',
        journalId: '-Abc_1',
        settings: { dataDir: 'here' },
      },
    });
  });

  it('gives new journals ids that never read as a flag', () => {
    const ids = Array.from({ length: 2000 }, () => newJournalId());
    expect(ids.filter((id) => id.startsWith('-'))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/.test(id))).toBe(true);
  });

  it('reads the connection limits, keeping the defaults of those not given', () => {
    expect(
      parseCommandLine(['--max-connections-per-address', '8'], {
        RELEVANT_SYNC_AUTH_TIMEOUT_MS: '5000',
      }),
    ).toMatchObject({
      ok: true,
      commandLine: {
        settings: { limits: { maxConnections: 2000, maxPerAddress: 8, authTimeoutMs: 5000 } },
      },
    });
    expect(parseCommandLine(['--auth-timeout-ms', '10'], {})).toEqual({
      ok: false,
      error: '--auth-timeout-ms "10": The time to open a journal is at least 100 ms.',
    });
  });

  it('reads the byte limits before and after a journal is opened, 64 KiB and 32 MiB unless told', () => {
    expect(parseCommandLine([], {})).toMatchObject({
      ok: true,
      commandLine: {
        settings: { limits: { maxUnauthenticatedBytes: 65_536, maxUpdateBytes: 33_554_432 } },
      },
    });
    expect(
      parseCommandLine(['--max-update-bytes=134217728'], {
        RELEVANT_SYNC_MAX_UNAUTHENTICATED_BYTES: '131072',
      }),
    ).toMatchObject({
      ok: true,
      commandLine: {
        settings: { limits: { maxUnauthenticatedBytes: 131_072, maxUpdateBytes: 134_217_728 } },
      },
    });
    expect(parseCommandLine(['--max-unauthenticated-bytes', '512'], {})).toEqual({
      ok: false,
      error:
        '--max-unauthenticated-bytes "512": Allow at least 1024 bytes before a journal is opened.',
    });
    expect(parseCommandLine(['--max-update-bytes', '32MB'], {})).toEqual({
      ok: false,
      error: '--max-update-bytes "32MB": Expected a whole number.',
    });
  });

  it('reads the throttle as wrong tokens a minute, with its "try again" time', () => {
    expect(parseCommandLine(['--throttle', '5', '--ban-minutes', '3'], {})).toMatchObject({
      ok: true,
      commandLine: { settings: { throttle: { failuresPerMinute: 5, banMinutes: 3 } } },
    });
    expect(parseCommandLine([], {})).toMatchObject({
      ok: true,
      commandLine: { settings: { throttle: { failuresPerMinute: 60, banMinutes: 1 } } },
    });
  });

  it('reads the trusted proxies as a list of IP addresses, refusing anything else', () => {
    expect(parseCommandLine(['--trust-proxy', '10.0.0.2, ::1'], {})).toMatchObject({
      ok: true,
      commandLine: { settings: { trustProxy: ['10.0.0.2', '::1'] } },
    });
    expect(parseCommandLine([], { RELEVANT_SYNC_TRUST_PROXY: '10.0.0.2' })).toMatchObject({
      ok: true,
      commandLine: { settings: { trustProxy: ['10.0.0.2'] } },
    });
    expect(parseCommandLine(['--trust-proxy', 'proxy.local'], {})).toEqual({
      ok: false,
      error: '--trust-proxy "proxy.local": A trusted proxy is an IP address, such as 10.0.0.2.',
    });
  });

  it('lets flags win over the environment and turns throttling off with "off"', () => {
    const parsed = parseCommandLine(['--port=0', '--throttle', 'off'], {
      RELEVANT_SYNC_PORT: '9',
      RELEVANT_SYNC_HOST: '0.0.0.0',
      RELEVANT_SYNC_REDIS_URL: 'redis://cache:6379',
      REDIS_URL: 'redis://elsewhere:6379', // another program's: not read
    });
    expect(parsed).toMatchObject({
      ok: true,
      commandLine: {
        command: 'serve',
        settings: { port: 0, host: '0.0.0.0', redisUrl: 'redis://cache:6379', throttle: false },
      },
    });
  });
});
