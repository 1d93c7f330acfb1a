// What the sync rows of the bench share: how far a document has a Yjs client's changes, and
// waiting for the last deliveries of a load run.
import * as Y from 'yjs';
import { waitUntil } from '../integration/syncReplica';

/** The clock of `client` in a document's state vector (0 when it has nothing of it). */
export function clockOf(doc: Y.Doc, client: number): number {
  return Y.decodeStateVector(Y.encodeStateVector(doc)).get(client) ?? 0;
}

/** Waits up to 10 s for `expected` deliveries to be timed; returns how many never came. */
export async function missingDeliveries(
  latencies: readonly number[],
  expected: number,
): Promise<number> {
  await waitUntil(
    () => latencies.length >= expected,
    10_000,
    () => `every change to arrive (${latencies.length} of ${expected})`,
  ).catch(() => undefined);
  return expected - latencies.length;
}
