// Stores a journal in a browser context exactly as the app's y-indexeddb stores it: one
// database per document (the journal, and beside it its reflections), each with an
// auto-increment "updates" store holding the encoded document and an empty "custom" store.
import type { BrowserContext } from '@playwright/test';
import { LOCAL_JOURNAL_DATABASE, reflectionsDatabaseName } from '../../shared/platform';
import type { SeededJournal } from './seeded';

/**
 * Writes both documents from a same-origin page that is not the app (so nothing holds the
 * databases open); the bytes reach the page through a route, not through evaluate's JSON.
 */
export async function storeJournal(
  context: BrowserContext,
  url: string,
  seeded: SeededJournal,
): Promise<void> {
  const page = await context.newPage();
  try {
    const documents = [
      { name: LOCAL_JOURNAL_DATABASE, bytes: seeded.journal },
      { name: reflectionsDatabaseName(LOCAL_JOURNAL_DATABASE), bytes: seeded.reflections },
    ];
    for (const [index, { bytes }] of documents.entries()) {
      const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      await page.route(`**/__bench/document-${index}.bin`, (route) =>
        route.fulfill({ status: 200, contentType: 'application/octet-stream', body }),
      );
    }
    await page.goto(`${url}/favicon.svg`);
    for (const [index, { name, bytes }] of documents.entries()) {
      const stored = await page.evaluate(storeOne, {
        name,
        path: `/__bench/document-${index}.bin`,
      });
      if (stored !== bytes.byteLength) {
        throw new Error(`Stored ${stored} of ${bytes.byteLength} B in ${name}`);
      }
    }
  } finally {
    await page.close();
  }
}

/** Runs in the page: replaces database `name` with one holding the bytes at `path`. */
async function storeOne({ name, path }: { name: string; path: string }): Promise<number> {
  const bytes = new Uint8Array(await (await fetch(path)).arrayBuffer());
  await new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = resolve;
    request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
    request.onblocked = () => reject(new Error(`The database ${name} is open elsewhere.`));
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
}
