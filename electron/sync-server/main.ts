// The sync server's command line: serve (the default), add-journal, list-journals and
// remove-journal <id>. Bad flags or environment exit with 2 and one line saying what is wrong.
import path from 'node:path';
import { checkSyncTarget, formatSyncLink } from '../../shared/sync/syncLink';
import { addJournalTo, openServerStorage } from './journalRegistry';
import { safeDatabaseUrl } from './postgresStorage';
import type { ServerStorage } from './serverStorage';
import { routeConsoleToLog } from './consoleLog';
import { createLogger, describeError } from './logger';
import { parseCommandLine, USAGE, type CommandLine } from './serverConfig';
import { startSyncServer } from './syncServer';

const USAGE_ERROR = 2;

function fail(message: string, code = 1): never {
  process.stderr.write(`relevant sync server: ${message}\n`);
  process.exit(code);
}

async function serve({ settings }: CommandLine): Promise<void> {
  // What Hocuspocus prints (client errors with stack traces) goes to the log, one line each.
  const consoleLog = routeConsoleToLog(createLogger(settings.logLevel));
  const server = await startSyncServer(settings);
  // The first line on stdout: scripts read the address (and a port 0's actual port) from it.
  process.stdout.write(
    `Relevant sync server listening on ${server.url} (journals in ${server.storage})\n`,
  );
  let signals = 0;
  const stop = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) fail(`${signal} again: stopping without waiting for stores`);
    server.close().then(
      (stored) => {
        consoleLog.flush();
        if (!stored) fail('stopped with changes that could not be stored (see the log above)');
        process.exit(0);
      },
      (error: unknown) => fail(`could not shut down cleanly: ${describeError(error)}`),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Runs a command against the server's store (the data folder, or --database-url). */
async function withStorage<T>(
  { settings }: CommandLine,
  use: (storage: ServerStorage) => Promise<T>,
): Promise<T> {
  const storage = await openServerStorage(settings, createLogger(settings.logLevel));
  try {
    return await use(storage);
  } finally {
    await storage.close();
  }
}

async function addJournalCommand(commandLine: CommandLine): Promise<void> {
  const { settings, publicUrl } = commandLine;
  const { journalId, token } = await withStorage(commandLine, addJournalTo);
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  const checked = checkSyncTarget({
    serverUrl: publicUrl ?? `ws://${host}:${settings.port}`,
    journalId,
    token,
  });
  if (!checked.ok) fail(`the journal was added, but no link can be made: ${checked.error}`);
  process.stdout.write(
    [
      `Journal id: ${journalId}`,
      `Token:      ${token}`,
      `Sync link:  ${formatSyncLink(checked.target)}`,
      'Paste the sync link into the app. The token is not shown again: only its hash is stored.',
      '',
    ].join('\n'),
  );
}

async function listJournalsCommand(commandLine: CommandLine): Promise<void> {
  const journals = await withStorage(commandLine, (storage) => storage.listJournals());
  if (!journals.length) process.stdout.write('No journals yet: add one with add-journal.\n');
  for (const { journalId, createdAt } of journals) {
    process.stdout.write(`${journalId}  added ${createdAt}\n`);
  }
}

async function removeJournalCommand(commandLine: CommandLine): Promise<void> {
  const { journalId = '' } = commandLine;
  const removed = await withStorage(commandLine, (storage) => storage.removeJournal(journalId));
  if (!removed) fail(`no journal ${JSON.stringify(journalId)} in ${whereJournalsAre(commandLine)}`);
  process.stdout.write(`Removed journal ${journalId} and its stored document.\n`);
}

function whereJournalsAre({ settings }: CommandLine): string {
  return settings.databaseUrl === undefined
    ? path.resolve(settings.dataDir)
    : safeDatabaseUrl(settings.databaseUrl);
}

async function main(): Promise<void> {
  const parsed = parseCommandLine(process.argv.slice(2), process.env);
  if (!parsed.ok) fail(parsed.error, USAGE_ERROR);
  if ('help' in parsed) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { commandLine } = parsed;
  switch (commandLine.command) {
    case 'serve':
      await serve(commandLine);
      return;
    case 'add-journal':
      await addJournalCommand(commandLine);
      return;
    case 'list-journals':
      await listJournalsCommand(commandLine);
      return;
    case 'remove-journal':
      await removeJournalCommand(commandLine);
      return;
  }
}

main().catch((error: unknown) => fail(describeError(error)));
