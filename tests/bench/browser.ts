// The measurement made in Chromium: from navigation to the journal list being visible, with a
// journal stored in IndexedDB exactly as the app stores it (y-indexeddb's layout).
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { previewDatabaseName } from '../../renderer/src/platform/journalPreview';
import { LOCAL_JOURNAL_DATABASE } from '../../shared/platform';
import { CHROMIUM_ARGS } from '../chromium';
import { measureInsightsRedraw, type RedrawStats } from './insightsRedraw';

/** Interactions logged (and timed) with the insights screen open. */
const REDRAW_RUNS = 20;
import { median, progress } from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

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

interface Server {
  readonly url: string;
  stop(): Promise<void>;
}

/** Serves the built renderer (scripts/start.mjs --web) and waits until it answers. */
async function startServer(): Promise<Server> {
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

/** What the page records, in ms since navigation start (performance.now()). */
interface Marks {
  /** The "Opening your journal" loader is in the DOM: scripts ran and React rendered. */
  opening?: number;
  /** The awaited element (first interaction, or the empty journal's heading) is in the DOM. */
  inDom?: number;
  /** The next frame after that: the element has been painted. */
  painted?: number;
  /** The "Log interaction" button is enabled: the journal itself has loaded and can change. */
  editable?: number;
}

interface Marker {
  readonly selector: string;
  /** Text the element must contain, or null for any element matching the selector. */
  readonly text: string | null;
}

/**
 * Runs in the page before its scripts: notes when the loader and then the marker appear.
 * Plain JavaScript source, not a serialized function: tsx would add helpers to the function
 * body that do not exist in the page.
 */
function watchFirstPaint(marker: Marker): string {
  return `(() => {
    const marker = ${JSON.stringify(marker)};
    const marks = {};
    window.__benchMarks = marks;
    const found = () =>
      [...document.querySelectorAll(marker.selector)].some(
        (element) => marker.text === null || element.textContent.includes(marker.text),
      );
    const editable = () =>
      [...document.querySelectorAll('button')].some(
        (button) => !button.disabled && button.textContent.includes('Log interaction'),
      );
    const observer = new MutationObserver(() => {
      if (marks.opening === undefined && document.querySelector('[aria-label^="Opening"]')) {
        marks.opening = performance.now();
      }
      if (marks.inDom === undefined && found()) {
        marks.inDom = performance.now();
        requestAnimationFrame(() => setTimeout(() => (marks.painted = performance.now()), 0));
      }
      if (marks.inDom !== undefined && marks.editable === undefined && editable()) {
        marks.editable = performance.now();
      }
      if (marks.editable !== undefined) observer.disconnect();
    });
    observer.observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
  })();`;
}

/**
 * Stores `update` as the journal of this browser context, the way y-indexeddb does: database
 * LOCAL_JOURNAL_DATABASE (version 1) with an auto-increment "updates" store holding the
 * encoded document and an empty "custom" store. Done from a same-origin page that is not
 * the app, so nothing holds the database open; the bytes reach the page through a route.
 */
async function storeJournal(context: BrowserContext, url: string, update: Uint8Array) {
  const page = await context.newPage();
  try {
    const body = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
    await page.route('**/__bench/journal.bin', (route) =>
      route.fulfill({ status: 200, contentType: 'application/octet-stream', body }),
    );
    await page.goto(`${url}/favicon.svg`);
    const stored = await page.evaluate(async (name) => {
      const bytes = new Uint8Array(await (await fetch('/__bench/journal.bin')).arrayBuffer());
      await new Promise((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = resolve;
        request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
        request.onblocked = () => reject(new Error('The journal database is open elsewhere.'));
      });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onupgradeneeded = () => {
          request.result.createObjectStore('updates', { autoIncrement: true });
          request.result.createObjectStore('custom');
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      await new Promise((resolve, reject) => {
        const transaction = db.transaction('updates', 'readwrite');
        transaction.objectStore('updates').add(bytes);
        transaction.oncomplete = resolve;
        transaction.onerror = () => reject(transaction.error ?? new Error('add failed'));
      });
      db.close();
      return bytes.byteLength;
    }, LOCAL_JOURNAL_DATABASE);
    if (stored !== update.byteLength) throw new Error(`Stored ${stored} of ${update.byteLength} B`);
  } finally {
    await page.close();
  }
}

interface Navigation {
  readonly opening: number | null;
  readonly inDom: number;
  readonly painted: number;
  readonly editable: number;
}

/**
 * Waits until the app has stored its preview of the journal (it does so shortly after the
 * journal opens), as it has for anyone who opened their journal once before.
 */
async function waitForPreview(page: Page): Promise<void> {
  await page.waitForFunction(
    async (name) => {
      const open = indexedDB.open(name);
      open.onupgradeneeded = () => open.transaction?.abort();
      const db = await new Promise<IDBDatabase | null>((resolve) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => resolve(null);
      });
      if (!db) return false;
      const count = db.transaction('preview').objectStore('preview').count();
      const stored = await new Promise<number>((resolve) => {
        count.onsuccess = () => resolve(count.result);
      });
      db.close();
      return stored > 0;
    },
    previewDatabaseName(LOCAL_JOURNAL_DATABASE),
    { timeout: 30_000, polling: 250 },
  );
}

/**
 * Opens the app in a fresh page and waits until `marker` is painted and `expectText` shows,
 * then until the journal can be changed (and, with `preview`, until its preview is stored).
 */
async function navigate(
  context: BrowserContext,
  url: string,
  marker: Marker,
  expectText: string,
  preview = false,
): Promise<Navigation> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: watchFirstPaint(marker) });
    page.on('pageerror', (error) => progress(`  page error: ${error.message}`));
    await page.goto(`${url}/`, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(
        () => (window as unknown as { __benchMarks: Marks }).__benchMarks.painted !== undefined,
        null,
        { timeout: 60_000 },
      );
    } catch (error) {
      const shown = (await page.locator('body').innerText()).slice(0, 300);
      throw new Error(`The page never showed ${marker.selector}; it shows: ${shown}`, {
        cause: error,
      });
    }
    // The measurement must be of this journal, not of an empty or failed one.
    await page.getByText(expectText, { exact: true }).first().waitFor({ timeout: 10_000 });
    await page.waitForFunction(
      () => (window as unknown as { __benchMarks: Marks }).__benchMarks.editable !== undefined,
      null,
      { timeout: 60_000 },
    );
    if (preview) await waitForPreview(page);
    const marks = await page.evaluate(
      () => (window as unknown as { __benchMarks: Marks }).__benchMarks,
    );
    const { inDom, painted, editable } = marks;
    if (inDom === undefined || painted === undefined || editable === undefined) {
      throw new Error('No marks');
    }
    return { opening: marks.opening ?? null, inDom, painted, editable };
  } finally {
    await page.close();
  }
}

export interface NavigationStats {
  /** The first navigation of the context (nothing in the HTTP cache yet). */
  readonly coldMs: number;
  /** Median of the following navigations: navigation start to the marker painted. */
  readonly medianMs: number;
  /** Median time until the "Opening your journal" loader was in the DOM, if it was seen. */
  readonly openingMs: number | null;
  /** Median time until the journal could be changed ("Log interaction" enabled). */
  readonly editableMs: number;
  /** The same for the first navigation. */
  readonly coldEditableMs: number;
  readonly runs: number;
}

async function measureNavigations(
  context: BrowserContext,
  url: string,
  marker: Marker,
  expectText: string,
  runs: number,
  label: string,
): Promise<NavigationStats> {
  const describe = (n: Navigation) =>
    `${n.painted.toFixed(0)} ms (editable after ${n.editable.toFixed(0)} ms)`;
  // The first navigation finds no preview yet; it stays until the app has stored one.
  const cold = await navigate(context, url, marker, expectText, true);
  progress(`  ${label}: first navigation ${describe(cold)}`);
  const all: Navigation[] = [];
  for (let run = 0; run < runs; run++) {
    const navigation = await navigate(context, url, marker, expectText);
    progress(`  ${label}: navigation ${run + 1}/${runs} ${describe(navigation)}`);
    all.push(navigation);
  }
  const opening = all.map((n) => n.opening).filter((ms): ms is number => ms !== null);
  return {
    coldMs: cold.painted,
    medianMs: median(all.map((n) => n.painted)),
    openingMs: opening.length === all.length ? median(opening) : null,
    editableMs: median(all.map((n) => n.editable)),
    coldEditableMs: cold.editable,
    runs,
  };
}

export interface BrowserResult {
  readonly journal: NavigationStats;
  readonly empty: NavigationStats;
  readonly insightsRedraw: RedrawStats;
}

/**
 * Time from navigation to the journal list painted with the `count` interactions of `update`
 * stored in IndexedDB, and the same for an empty journal as a reference.
 */
export async function measureBrowser(
  executablePath: string,
  update: Uint8Array,
  count: number,
  runs: number,
): Promise<BrowserResult> {
  progress('Chromium: starting the web server');
  const server = await startServer();
  try {
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    try {
      const options = { locale: 'en-US', viewport: { width: 1280, height: 900 } };
      const seeded = await browser.newContext(options);
      progress(`Chromium: storing the ${count.toLocaleString('en-US')}-interaction journal`);
      await storeJournal(seeded, server.url, update);
      const journal = await measureNavigations(
        seeded,
        server.url,
        { selector: 'article', text: null },
        `${count.toLocaleString('en-US')} interactions`,
        runs,
        `${count.toLocaleString('en-US')} interactions`,
      );
      progress('Chromium: insights open, logging interactions one by one');
      const insightsRedraw = await measureInsightsRedraw(seeded, server.url, REDRAW_RUNS);
      await seeded.close();
      const fresh = await browser.newContext(options);
      const empty = await measureNavigations(
        fresh,
        server.url,
        { selector: 'h2', text: 'Networking pays when it is relevant' },
        'Networking pays when it is relevant',
        runs,
        'empty journal',
      );
      await fresh.close();
      return { journal, empty, insightsRedraw };
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}
