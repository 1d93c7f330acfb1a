// A throw-away Postgres cluster for the sync server's tests, soak and benchmarks: Debian's
// postgresql binaries, a fresh data folder, a free port, stopped and removed afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import { addJournalTo, type NewJournal } from '../../electron/sync-server/journalRegistry';
import { createLogger } from '../../electron/sync-server/logger';
import { PostgresStorage } from '../../electron/sync-server/postgresStorage';
import { freePort } from './syncHelpers';

export interface PostgresCluster {
  /** postgres://relevant@127.0.0.1:<port>/relevant */
  readonly url: string;
  readonly port: number;
  /** A second, empty database in the same cluster (for a test that wants its own). */
  createDatabase(name: string): Promise<string>;
  /** Stops the cluster at once, as a crash would (pg_ctl's immediate mode). */
  crash(): Promise<void>;
  /** Starts it again after crash(), on the same port and data. */
  restart(): Promise<void>;
  /** Stops the cluster and removes its data. */
  stop(): Promise<void>;
}

export const POSTGRES_MISSING =
  'Postgres is not installed: install it (Debian: apt-get install -y postgresql) to run the shared-store tests.';

/** The folder of Debian's Postgres binaries (initdb, pg_ctl), newest version first. */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

export function postgresInstalled(): boolean {
  return postgresBin() !== null;
}

/** Whether a missing Postgres must fail the tests (CI) instead of skipping them. */
export function postgresRequired(): boolean {
  return Boolean(process.env.CI || process.env.RELEVANT_REQUIRE_POSTGRES);
}

/** Postgres refuses to run as root: as root, its commands run as the `postgres` user. */
function asClusterOwner(command: string, args: readonly string[]): [string, string[]] {
  return userInfo().uid === 0
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, [...args]];
}

function run(command: string, args: readonly string[]): void {
  const [file, argv] = asClusterOwner(command, args);
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} failed: ${result.stderr || result.stdout}`);
  }
}

/** Starts a cluster with one database `relevant`, owned by the role `relevant`, no password. */
export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBin();
  if (bin === null) throw new Error(POSTGRES_MISSING);
  const folder = mkdtempSync(path.join(tmpdir(), 'relevant-pg-'));
  if (userInfo().uid === 0) {
    const owner = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(folder, Number(owner.stdout), Number(group.stdout));
  }
  const data = path.join(folder, 'data');
  run(path.join(bin, 'initdb'), ['-A', 'trust', '-U', 'relevant', '-D', data, '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const start = async () => {
    const [file, argv] = asClusterOwner(path.join(bin, 'pg_ctl'), [
      'start',
      '-D',
      data,
      '-l',
      path.join(folder, 'log'),
      '-o',
      options,
      '-w',
    ]);
    const child = spawn(file, argv, { stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`Postgres did not start on port ${port} (see ${folder}/log)`);
  };
  const stopCluster = (mode: 'fast' | 'immediate') =>
    run(path.join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', mode, '-w']);
  await start();
  const admin = `postgres://relevant@127.0.0.1:${port}/postgres`;
  const createDatabase = async (name: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '')}"`);
    } finally {
      await client.end();
    }
    return `postgres://relevant@127.0.0.1:${port}/${name}`;
  };
  const url = await createDatabase('relevant');
  return {
    url,
    port,
    createDatabase,
    crash: () => {
      stopCluster('immediate');
      return Promise.resolve();
    },
    restart: start,
    stop: () => {
      try {
        stopCluster('fast');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
      return Promise.resolve();
    },
  };
}

/** Runs `use` with the database as a server's store, closed afterwards. */
export async function withPostgresStorage<T>(
  url: string,
  use: (storage: PostgresStorage) => Promise<T>,
): Promise<T> {
  const storage = await PostgresStorage.open(url, createLogger('silent'));
  try {
    return await use(storage);
  } finally {
    await storage.close();
  }
}

/** Adds a journal to the database, as `add-journal --database-url` does. */
export function addPostgresJournal(url: string): Promise<NewJournal> {
  return withPostgresStorage(url, addJournalTo);
}

/** What the database holds of a document, loaded as a fresh server would (base + changes). */
export function readPostgresDocument(url: string, name: string): Promise<Y.Doc | undefined> {
  return withPostgresStorage(url, async (storage) => {
    const { base, changes } = await storage.readDocument(name);
    if (!base && changes.length === 0) return undefined;
    const doc = new Y.Doc();
    for (const update of base ? [base, ...changes] : changes) Y.applyUpdate(doc, update);
    return doc;
  });
}
