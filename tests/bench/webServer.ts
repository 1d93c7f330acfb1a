// Serves the built renderer for the Chromium rows, as `npm run bench` builds it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface WebServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Serves the built renderer (scripts/start.mjs --web) and waits until it answers. */
export async function startWebServer(): Promise<WebServer> {
  if (!existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run bench` (it builds first).');
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Its own process group, so stopping it also stops the vite preview it starts.
  const child: ChildProcess = spawn(
    process.execPath,
    ['scripts/start.mjs', '--web', '--port', String(port), '--quiet'],
    { cwd: ROOT, stdio: ['ignore', 2, 2], detached: true },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  // Ctrl+C reaches only this process (the server has its own group): take the server along.
  const onExit = () => signalGroup('SIGTERM');
  const onSignal = (signal: NodeJS.Signals) => {
    signalGroup('SIGTERM');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const stop = async () => {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    signalGroup('SIGTERM');
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(resolve, 5000, 'timeout').unref(),
    );
    if ((await Promise.race([exited, timeout])) === 'timeout') signalGroup('SIGKILL');
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('The web server stopped before answering.');
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await stop();
  throw new Error(`Nothing answered at ${url} within 30 s.`);
}
