// The new-device row: the built app in Chromium, with an empty profile and the sync settings of
// a journal that a first device (a Node client) uploaded to the real sync server. Timed from
// navigation start until both the list shows every interaction and the journal is written to
// IndexedDB, as y-indexeddb keeps it (the page polls its "updates" store).
import type { Browser } from '@playwright/test';
import { addJournal } from '../../electron/sync-server';
import { syncStoreKey, type StoredSync } from '../../renderer/src/platform/sync/syncStore';
import { LOCAL_JOURNAL_DATABASE } from '../../shared/platform';
import {
  makeTempDir,
  removeDir,
  waitFor,
  type SyncClient,
  spawnServerForLoad,
} from '../integration/syncHelpers';
import { CONTEXT_OPTIONS, withApp } from './browser';
import { startCountingProxy } from './countingProxy';
import { readMarks, waitForMarks, watchOpening } from './navigation';
import { sizeLabel, type SeededJournal } from './seeded';
import { median, progress } from './stats';
import { formatBytes, formatMs, type Row } from './table';
import { uploader, uploadReflections } from './syncUpload';
import { TARGET } from './targets';

const DEVICES = 3;
/** How often the page looks at the journal's IndexedDB store: the "written" time's resolution. */
const POLL_MS = 50;

/**
 * Runs in the page (after watchOpening's script): looks into the journal's "updates" store every
 * POLL_MS and marks `written` once the updates stored add up to `minBytes`. Each stored update
 * is read once (a cursor past the last key seen). It never creates the database: that is
 * y-indexeddb's to do, with its stores.
 */
function watchWritten(name: string, minBytes: number): string {
  return `(() => {
    const marks = window.__benchMarks;
    let db = null;
    let lastKey = null;
    let bytes = 0;
    const open = () => new Promise((resolve) => {
      const request = indexedDB.open(${JSON.stringify(name)});
      request.onupgradeneeded = () => request.transaction.abort();
      request.onerror = () => resolve(null);
      request.onsuccess = () => {
        const found = request.result;
        if (!found.objectStoreNames.contains('updates')) {
          found.close();
          resolve(null);
          return;
        }
        found.onversionchange = () => { found.close(); db = null; };
        resolve(found);
      };
    });
    const readNew = () => new Promise((resolve) => {
      const range = lastKey === null ? undefined : IDBKeyRange.lowerBound(lastKey, true);
      const request = db.transaction('updates').objectStore('updates').openCursor(range);
      request.onerror = () => resolve();
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve();
        lastKey = cursor.key;
        bytes += cursor.value?.byteLength ?? 0;
        cursor.continue();
      };
    });
    const look = async () => {
      try {
        db ??= await open();
        if (db) await readNew();
      } catch {
        db = null;
      }
      if (bytes >= ${minBytes}) {
        marks.written = performance.now();
        marks.writtenBytes = bytes;
      } else setTimeout(look, ${POLL_MS});
    };
    setTimeout(look, ${POLL_MS});
  })();`;
}

interface DeviceRun {
  readonly totalMs: number;
  readonly transferMs: number;
  readonly appliedMs: number;
  readonly writtenMs: number;
  readonly paintedMs: number;
  readonly bytes: number;
}

interface Upload {
  readonly url: string;
  readonly port: number;
  readonly journalId: string;
  readonly token: string;
}

/** One new device: a fresh browser context opening the app with the journal's sync settings. */
async function newDevice(
  browser: Browser,
  appUrl: string,
  upload: Upload,
  seeded: SeededJournal,
): Promise<DeviceRun> {
  const proxy = await startCountingProxy(upload.port);
  const context = await browser.newContext(CONTEXT_OPTIONS);
  try {
    const settings: StoredSync = {
      target: { serverUrl: `${proxy.url}/`, journalId: upload.journalId, token: upload.token },
      enabled: true,
      pending: 0,
    };
    const key = syncStoreKey(LOCAL_JOURNAL_DATABASE);
    const expectText = `${seeded.count.toLocaleString('en-US')} interactions`;
    const page = await context.newPage();
    page.on('pageerror', (error) => progress(`  page error: ${error.message}`));
    await page.addInitScript({
      content: `if (localStorage.getItem(${JSON.stringify(key)}) === null) localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(JSON.stringify(settings))});`,
    });
    await page.addInitScript({
      content: watchOpening({ selector: '[aria-live="polite"]', text: expectText }),
    });
    const minBytes = Math.floor(0.9 * seeded.journal.byteLength);
    await page.addInitScript({ content: watchWritten(LOCAL_JOURNAL_DATABASE, minBytes) });
    await page.goto(`${appUrl}/`, { waitUntil: 'commit' });
    await waitForMarks(page, ['painted', 'written'], 180_000, 'the journal written and painted');
    const marks = await readMarks(page);
    const origin = await page.evaluate(() => performance.timeOrigin);
    const { painted, inDom } = marks;
    const written = (marks as { written?: number }).written;
    if (painted === undefined || inDom === undefined || written === undefined) {
      throw new Error('No marks');
    }
    // Node's and the page's clocks both count from the Unix epoch: the proxy's times convert.
    const received = proxy.toClientReachedAt(seeded.journal.byteLength);
    const transferMs = received === null ? NaN : performance.timeOrigin + received - origin;
    const applied = marks.changes.filter((at) => at <= inDom).at(-1) ?? NaN;
    return {
      totalMs: Math.max(painted, written),
      transferMs,
      appliedMs: applied,
      writtenMs: written,
      paintedMs: painted,
      bytes: proxy.bytes.toClient,
    };
  } finally {
    await context.close();
    await proxy.close();
  }
}

/** Uploads both documents from Node clients, which stay connected (the server keeps them loaded). */
async function upload(url: string, journalId: string, token: string, seeded: SeededJournal) {
  const journal = uploader(url, journalId, token, seeded.journal);
  try {
    await waitFor(() => journal.isInSync(), 'the journal to upload', 300_000, 50);
    const reflections = await uploadReflections(url, journalId, token, seeded.reflections);
    return reflections ? [journal, reflections] : [journal];
  } catch (error) {
    journal.destroy();
    throw error;
  }
}

export async function measureNewDevice(
  executablePath: string,
  seeded: SeededJournal,
): Promise<Row[]> {
  const size = sizeLabel(seeded.count);
  const dataDir = makeTempDir('relevant-new-device-bench-');
  progress('new device: starting the sync server (child process)');
  const server = await spawnServerForLoad(dataDir);
  let uploaders: SyncClient[] = [];
  try {
    const { journalId, token } = addJournal(dataDir);
    progress(`new device: a Node client uploads the ${size} journal and its reflections`);
    uploaders = await upload(server.url, journalId, token, seeded);
    const target = { url: server.url, port: server.port, journalId, token };
    const runs = await withApp(executablePath, async (browser, app) => {
      const done: DeviceRun[] = [];
      for (let run = 0; run < DEVICES; run++) {
        const device = await newDevice(browser, app.url, target, seeded);
        progress(
          `  new device ${run + 1}/${DEVICES}: ${formatMs(device.totalMs)} (transfer ${formatMs(device.transferMs)}, applied ${formatMs(device.appliedMs)}, written ${formatMs(device.writtenMs)}, painted ${formatMs(device.paintedMs)})`,
        );
        done.push(device);
      }
      return done;
    });
    const of = (pick: (run: DeviceRun) => number) => median(runs.map(pick));
    const total = of((run) => run.totalMs);
    const part = (what: string, ms: number): Row => ({
      measure: `… of which, since navigation start: ${what}`,
      size,
      value: formatMs(ms),
    });
    return [
      {
        measure: `Chromium: new device (empty profile, sync set up): navigation → journal written to IndexedDB and list painted (median of ${DEVICES})`,
        size,
        value: formatMs(total),
        target: `< ${formatMs(TARGET.newDeviceMs)}`,
        pass: total < TARGET.newDeviceMs,
      },
      part(
        'the journal received (its last byte through the proxy)',
        of((run) => run.transferMs),
      ),
      part(
        'applied (the app’s journal-changed mark)',
        of((run) => run.appliedMs),
      ),
      part(
        `written (seen in IndexedDB, polled every ${POLL_MS} ms)`,
        of((run) => run.writtenMs),
      ),
      part(
        'list painted',
        of((run) => run.paintedMs),
      ),
      {
        measure: 'Chromium: new device: bytes received on the wire',
        size,
        value: formatBytes(of((run) => run.bytes)),
        baseline: `journal ${formatBytes(seeded.journal.byteLength)}`,
        ratio: of((run) => run.bytes) / seeded.journal.byteLength,
      },
    ];
  } finally {
    for (const client of uploaders) client.destroy();
    server.child.kill('SIGTERM');
    await server.exited;
    removeDir(dataDir);
  }
}
