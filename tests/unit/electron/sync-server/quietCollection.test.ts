import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { quietCollection } from '../../../../electron/sync-server/quietCollection';

const heapMb = () => getHeapStatistics().used_heap_size / (1024 * 1024);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** About `mb` MB of small objects, as a loaded document is (not one big buffer). */
function manyObjects(mb: number): { value: number }[][] {
  return Array.from({ length: mb * 16 }, (_, row) =>
    Array.from({ length: 2048 }, (__, index) => ({ value: row * index })),
  );
}

describe('collecting garbage when the server is quiet', () => {
  it('gives back the heap of an unloaded document a moment after the last unload', async () => {
    let collected = 0;
    const collection = quietCollection(() => (collected += 1), 50);
    const documents = new Map([['journal', manyObjects(40)]]);
    const loaded = heapMb();
    documents.delete('journal');
    collection.soon('unload');
    collection.soon('unload'); // several unloads: one collection, after the last
    await sleep(150);
    expect(heapMb()).toBeLessThan(loaded - 25);
    expect(collected).toBe(1);
    collection.stop();
  });
});
