/**
 * Helpers for tests that talk to a Relevant sync server from Node: temp folders, polling,
 * provider clients, the server's command line as a child process, and a throwaway Redis.
 * Nothing here knows about a particular test; every wait polls a condition with a deadline.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { dropStaleChanges } from '../../renderer/src/platform/sync/staleChanges';
import { SqliteStorage } from '../../electron/sync-server/sqliteStorage';
import { databasePath } from '../../electron/sync-server/journalRegistry';
import { reflectionsDocumentName } from '../../shared/sync/syncLink';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const SYNC_SERVER_MAIN = path.join(REPO_ROOT, 'electron/sync-server/main.ts');

/** A fresh folder under the system's temp folder; remove it with `removeDir`. */
export function makeTempDir(prefix = 'relevant-sync-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Polls until `condition` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 10_000,
  intervalMs = 10,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface SyncClient {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
  /** Reasons the server gave for refusing this client, in order. */
  readonly refusals: readonly string[];
  /** Synced with the server, with no change of its own still unacknowledged. */
  isInSync(): boolean;
  /** Stops the client; its Y.Doc stays usable. */
  destroy(): void;
}

export interface ClientOptions {
  readonly url: string;
  readonly journalId: string;
  /** Omit to connect without a token. */
  readonly token?: string;
  /** The document to sync (default: a new one); reuse one to carry edits across clients. */
  readonly doc?: Y.Doc;
  /** Which of the journal's two server documents to open (default: the journal). */
  readonly part?: 'journal' | 'reflections';
}

/**
 * `ws`'s WebSocket made to behave as a browser's: a socket closed while it connects reports
 * an error event, where `ws` would throw it as an uncaught exception once no listener is left
 * (the provider closes sockets that way when it disconnects mid-attempt).
 */
export class BrowserLikeWebSocket extends WebSocket {
  constructor(url: string) {
    super(url);
    this.on('error', () => undefined);
  }
}

/** A socket (from `ws`) that reconnects quickly after a drop (the defaults wait a second or more). */
export function quickSocket(url: string): HocuspocusProviderWebsocket {
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: BrowserLikeWebSocket,
    delay: 50,
    minDelay: 50,
    factor: 1.5,
    maxDelay: 500,
    jitter: false,
  });
  // As the app's sockets do (journalSync.ts): "synced" after a reconnect means stored.
  dropStaleChanges(socket);
  return socket;
}

/** A provider for one server document on `socket`, attached; its refusals are collected. */
function attachProvider(
  socket: HocuspocusProviderWebsocket,
  name: string,
  doc: Y.Doc,
  token: string | undefined,
  withAwareness = true,
): { provider: HocuspocusProvider; refusals: string[] } {
  const refusals: string[] = [];
  const provider = new HocuspocusProvider({
    name,
    document: doc,
    websocketProvider: socket,
    token: token ?? null,
    ...(withAwareness ? {} : { awareness: null }),
    onAuthenticationFailed: ({ reason }) => refusals.push(reason),
  });
  provider.attach();
  return { provider, refusals };
}

const inSync = (provider: HocuspocusProvider) => provider.isSynced && !provider.hasUnsyncedChanges;

/**
 * A HocuspocusProvider on its own socket, reconnecting quickly after a drop, as a client in
 * Node connects (see STACK.md).
 */
export function connectClient({
  url,
  journalId,
  token,
  doc = new Y.Doc(),
  part = 'journal',
}: ClientOptions): SyncClient {
  const socket = quickSocket(url);
  const name = part === 'journal' ? journalId : reflectionsDocumentName(journalId);
  const { provider, refusals } = attachProvider(socket, name, doc, token);
  return {
    doc,
    provider,
    socket,
    refusals,
    isInSync: () => inSync(provider),
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Both documents of a journal synced over one socket, as the app's JournalSync syncs them. */
export interface JournalClient {
  readonly doc: Y.Doc;
  readonly reflections: Y.Doc;
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: HocuspocusProvider;
  /** Null when the reflections were left off (see connectJournalClient). */
  readonly reflectionsProvider: HocuspocusProvider | null;
  /** Reasons the server gave for refusing either document, in order. */
  refusals(): string[];
  /** Both documents synced, with no change of their own still unacknowledged. */
  isInSync(): boolean;
  /** Stops the client; its documents stay usable. */
  destroy(): void;
}

export function connectJournalClient({
  url,
  journalId,
  token,
  doc = new Y.Doc(),
  reflections = new Y.Doc(),
  withReflections = true,
}: Omit<ClientOptions, 'part'> & {
  readonly reflections?: Y.Doc;
  /** False: the journal only, as the app's devices are while no reflection is in use. */
  readonly withReflections?: boolean;
}): JournalClient {
  const socket = quickSocket(url);
  const journal = attachProvider(socket, journalId, doc, token);
  // As the app does: no awareness on the reflections (the journal's keeps the socket's).
  const reflected = withReflections
    ? attachProvider(socket, reflectionsDocumentName(journalId), reflections, token, false)
    : null;
  return {
    doc,
    reflections,
    socket,
    provider: journal.provider,
    reflectionsProvider: reflected?.provider ?? null,
    refusals: () => [...journal.refusals, ...(reflected?.refusals ?? [])],
    isInSync: () => inSync(journal.provider) && (!reflected || inSync(reflected.provider)),
    destroy: () => {
      journal.provider.destroy();
      reflected?.provider.destroy();
      socket.destroy();
    },
  };
}

export async function waitForSync(client: SyncClient, timeoutMs = 10_000): Promise<void> {
  await waitFor(() => client.isInSync(), 'the client to sync with the server', timeoutMs);
}

/** The reason the server gave for refusing the client. */
export async function waitForRefusal(client: SyncClient, timeoutMs = 10_000): Promise<string> {
  await waitFor(() => client.refusals.length > 0, 'the server to refuse the client', timeoutMs);
  return client.refusals[0] ?? '';
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly port: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
}

/**
 * Runs `main.ts serve` with `args` as a child process and waits for its
 * "listening on ws://…" line; pass `--port 0` for a free port.
 */
export async function spawnSyncServer(
  args: readonly string[],
  env: Record<string, string> = {},
  /** Node's own flags, e.g. V8's heap settings. */
  nodeArgs: readonly string[] = [],
): Promise<ServerProcess> {
  // A built server (see `npm run build:sync-server`) starts in half the time of the sources.
  const built = process.env.RELEVANT_SYNC_SERVER_BUILD;
  const entry = built ? [path.resolve(REPO_ROOT, built)] : ['--import', 'tsx', SYNC_SERVER_MAIN];
  const command = [...nodeArgs, ...entry, 'serve', ...args];
  const child = spawn(process.execPath, command, {
    cwd: REPO_ROOT,
    env: { ...process.env, RELEVANT_SYNC_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  await waitFor(
    () => ended || /listening on (ws:\/\/\S+)/.test(out),
    'the sync server to listen',
    20_000,
  );
  const match = /listening on (ws:\/\/\S+:(\d+))/.exec(out);
  if (!match) throw new Error(`The sync server did not start:\n${out}`);
  return { child, url: match[1] ?? '', port: Number(match[2]), output: () => out, exited };
}

/** Runs the sync server's command line to completion. */
export function runSyncServerCommand(
  args: readonly string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', SYNC_SERVER_MAIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface RedisProcess {
  readonly url: string;
  stop(): Promise<void>;
}

export const REDIS_MISSING =
  'redis-server is not installed: install it (Debian: apt-get install -y redis-server) to run the Redis scale-out test.';

export function redisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Whether a missing redis-server must fail the tests (CI) instead of skipping them. */
export function redisRequired(): boolean {
  return Boolean(process.env.CI || process.env.RELEVANT_REQUIRE_REDIS);
}

async function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
  });
}

/** A throwaway redis-server on a free port, without persistence. */
export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let up = false;
  const deadline = Date.now() + 10_000;
  while (!up && Date.now() < deadline && child.exitCode === null) {
    up = await answersPing(port);
    if (!up) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (!up) {
    child.kill('SIGKILL');
    throw new Error(`redis-server did not start on port ${port}`);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Clients a test connects, destroyed together in its cleanup. */
export interface ClientPool {
  connect(options: ClientOptions): SyncClient;
  destroyAll(): void;
}

export function clientPool(): ClientPool {
  const clients: SyncClient[] = [];
  return {
    connect: (options) => {
      const client = connectClient(options);
      clients.push(client);
      return client;
    },
    destroyAll: () => {
      for (const client of clients.splice(0)) client.destroy();
    },
  };
}

/**
 * What the server has stored of a document, read from its data folder as a fresh server
 * would load it: the base row and every change row since; undefined when there is neither.
 */
export function readStoredDocument(dataDir: string, name: string): Y.Doc | undefined {
  const db = new Database(databasePath(dataDir), { readonly: true, timeout: 5000 });
  try {
    const { base, changes } = new SqliteStorage(db).readDocumentNow(name);
    if (!base && changes.length === 0) return undefined;
    const doc = new Y.Doc();
    for (const update of base ? [base, ...changes] : changes) Y.applyUpdate(doc, update);
    return doc;
  } finally {
    db.close();
  }
}

/** How a document is stored now: whether it has a base row, and how many change rows. */
export function storedRows(dataDir: string, name: string): { base: boolean; changes: number } {
  const db = new Database(databasePath(dataDir), { readonly: true, timeout: 5000 });
  try {
    const base = db.prepare('SELECT count(*) AS n FROM documents WHERE name = ?').get(name) as {
      n: number;
    };
    const changes = db.prepare('SELECT count(*) AS n FROM changes WHERE name = ?').get(name) as {
      n: number;
    };
    return { base: base.n > 0, changes: changes.n };
  } finally {
    db.close();
  }
}

/** The server's tables that hold journals: whole documents, and the changes since. */
export type StoredTable = 'documents' | 'changes';

/**
 * SQL for triggers that make the server's database refuse every write to `tables` with
 * "disk says no", as a full disk would; run it on a second connection to the database.
 */
export function failWrites(tables: readonly StoredTable[]): string {
  return tables
    .flatMap((table) =>
      ['INSERT', 'UPDATE'].map(
        (event) =>
          `CREATE TRIGGER fail_${table}_${event} BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, 'disk says no'); END`,
      ),
    )
    .join(';\n');
}

/** SQL that drops the triggers of `failWrites`. */
export function healWrites(tables: readonly StoredTable[]): string {
  return tables
    .flatMap((table) => ['INSERT', 'UPDATE'].map((event) => `DROP TRIGGER fail_${table}_${event}`))
    .join(';\n');
}

/**
 * A sync server on a free port over `dataDir`, for tests and benchmarks whose many clients all
 * come from loopback, one address: no cap on connections per address (the default would refuse
 * the 129th connection). The throttle stays: it counts refused tokens only.
 */
export function spawnServerForLoad(
  dataDir: string,
  extraArgs: readonly string[] = [],
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
): Promise<ServerProcess> {
  const args = ['--port', '0', '--data', dataDir];
  const crowd = ['--max-connections-per-address', '100000'];
  return spawnSyncServer([...args, ...crowd, ...extraArgs], env, nodeArgs);
}
