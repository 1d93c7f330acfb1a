// The sync server's command line: serve (the default), add-journal, list-journals and
// remove-journal <id>. Bad flags or environment exit with 2 and one line saying what is wrong.
import path from 'node:path';
import { checkSyncTarget, formatSyncLink } from '../../shared/sync/syncLink';
import { addJournal, listJournals, removeJournal } from './journalRegistry';
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
    `Relevant sync server listening on ${server.url} (data in ${path.resolve(settings.dataDir)})\n`,
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

function addJournalCommand({ settings, publicUrl }: CommandLine): void {
  const { journalId, token } = addJournal(settings.dataDir);
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

function listJournalsCommand({ settings }: CommandLine): void {
  const journals = listJournals(settings.dataDir);
  if (!journals.length) process.stdout.write('No journals yet: add one with add-journal.\n');
  for (const { journalId, createdAt } of journals) {
    process.stdout.write(`${journalId}  added ${createdAt}\n`);
  }
}

function removeJournalCommand({ settings, journalId = '' }: CommandLine): void {
  if (!removeJournal(settings.dataDir, journalId)) {
    fail(`no journal ${JSON.stringify(journalId)} in ${path.resolve(settings.dataDir)}`);
  }
  process.stdout.write(`Removed journal ${journalId} and its stored document.\n`);
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
      addJournalCommand(commandLine);
      return;
    case 'list-journals':
      listJournalsCommand(commandLine);
      return;
    case 'remove-journal':
      removeJournalCommand(commandLine);
      return;
  }
}

main().catch((error: unknown) => fail(describeError(error)));
