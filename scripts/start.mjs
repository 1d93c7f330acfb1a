// Starts Relevant: the desktop app when Electron's binary is available, otherwise the same
// built app served to the browser on 127.0.0.1. Flags: --web (serve on purpose), --port N
// (default 4173), --quiet (no banner; Playwright waits for the URL itself).
/* global process, console, fetch, setTimeout */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const DEFAULT_PORT = 4173;

/** Reads --web, --quiet and --port N (or --port=N) from the command line. */
function parseArgs(argv) {
  const options = { web: false, quiet: false, port: DEFAULT_PORT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--web') options.web = true;
    else if (arg === '--quiet') options.quiet = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new Error(`--port needs a port number (1-65535), not "${value ?? ''}".`);
      }
      options.port = port;
    } else {
      throw new Error(`Unknown option "${arg}". Use --web, --port N or --quiet.`);
    }
  }
  return options;
}

/** The path of Electron's binary, or null when it was never downloaded. */
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Runs Electron's own installer once (it downloads the binary; offline it fails fast). */
function tryInstallElectron() {
  const installer = path.join(electronDir, 'install.js');
  if (!existsSync(installer)) return;
  spawnSync(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: 300_000 });
}

/** Runs a child process, forwarding Ctrl+C and SIGTERM; exits with the child's status. */
function runForwardingSignals(command, args, options) {
  const child = spawn(command, args, { cwd: root, ...options });
  let forwarded = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      forwarded = true;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Relevant could not start ${path.basename(command)}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (forwarded || signal === 'SIGTERM' ? 0 : 1));
  });
  return child;
}

/** Resolves once `url` answers, or rejects when the child exits or time runs out. */
async function waitUntilServed(url, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('The web server stopped.');
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`Nothing answered at ${url} within ${timeoutMs / 1000} s.`);
}

/** Serves the built renderer with `vite preview` on 127.0.0.1. */
async function serveInBrowser({ port, quiet }) {
  if (!existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    console.error('Relevant is not built yet: run `npm run web` (or `npm run build` first).');
    process.exit(1);
  }
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = ['preview', '--config', 'vite.config.mts', '--host', '127.0.0.1'];
  args.push('--port', String(port), '--strictPort', '--logLevel', 'warn');
  const child = runForwardingSignals(process.execPath, [vite, ...args], { stdio: 'inherit' });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServed(url, child);
  } catch (error) {
    console.error(`Relevant could not be served at ${url}: ${error.message}`);
    child.kill('SIGTERM');
    process.exit(1);
  }
  if (!quiet) console.log(`Relevant is running at ${url} (Ctrl+C to stop).`);
}

/** Opens the desktop app with Electron on the project folder (package.json "main"). */
function startDesktop(binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make Electron a plain Node.js
  runForwardingSignals(binary, ['.'], { stdio: 'inherit', env });
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

if (options.web) {
  await serveInBrowser(options);
} else {
  let binary = electronBinary();
  if (!binary) {
    tryInstallElectron();
    binary = electronBinary();
  }
  if (binary) {
    startDesktop(binary);
  } else {
    console.log(
      "Electron's binary is not available here (offline install?): serving Relevant in your browser instead.",
    );
    await serveInBrowser(options);
  }
}
