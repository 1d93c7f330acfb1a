// Stores a journal in a browser context exactly as the app's y-indexeddb stores it: one
// database per document (the journal, and beside it its reflections), each with an
// auto-increment "updates" store holding the encoded document and an empty "custom" store.
import type { BrowserContext } from '@playwright/test';
import { LOCAL_JOURNAL_DATABASE, reflectionsDatabaseName } from '../../shared/platform';
import type { SeededJournal } from './seeded';

/**
 * The bytes reach the page through a route, in chunks of this size: a route's body travels
 * base64-encoded in one DevTools message, which a whole 100k journal (117 MB) does not survive.
 * (Another origin is not an option: the app's content security policy allows only its own.)
 */
const CHUNK_BYTES = 8 * 1024 * 1024;

/** Writes both documents from a same-origin page that is not the app (nothing holds the databases open). */
export async function storeJournal(
  context: BrowserContext,
  url: string,
  seeded: SeededJournal,
): Promise<void> {
  const documents = [
    { name: LOCAL_JOURNAL_DATABASE, bytes: seeded.journal },
    { name: reflectionsDatabaseName(LOCAL_JOURNAL_DATABASE), bytes: seeded.reflections },
  ];
  const page = await context.newPage();
  try {
    await page.route(/\/__bench\/(\d+)\/(\d+)$/, (route) => {
      const [, doc = '', chunk = ''] = /\/__bench\/(\d+)\/(\d+)$/.exec(route.request().url()) ?? [];
      const bytes = documents[Number(doc)]?.bytes;
      if (!bytes) return route.fulfill({ status: 404 });
      const start = Number(chunk) * CHUNK_BYTES;
      const part = bytes.subarray(start, start + CHUNK_BYTES);
      const body = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
      return route.fulfill({ status: 200, contentType: 'application/octet-stream', body });
    });
    await page.goto(`${url}/favicon.svg`);
    for (const [index, { name, bytes }] of documents.entries()) {
      const written = await page.evaluate(storeOne, {
        name,
        url: `/__bench/${index}`,
        length: bytes.byteLength,
        chunk: CHUNK_BYTES,
      });
      if (written !== bytes.byteLength) {
        throw new Error(`Stored ${written} of ${bytes.byteLength} B in ${name}`);
      }
    }
  } finally {
    await page.close();
  }
}

/** Runs in the page: replaces database `name` with one holding the `length` bytes at `url`. */
async function storeOne(options: {
  name: string;
  url: string;
  length: number;
  chunk: number;
}): Promise<number> {
  const { name, url, length, chunk } = options;
  const bytes = new Uint8Array(length);
  for (let start = 0; start < length; start += chunk) {
    const part = await (await fetch(`${url}/${start / chunk}`)).arrayBuffer();
    bytes.set(new Uint8Array(part), start);
  }
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
