import { splitHere } from './persistence';

interface SplitAnswer {
  readonly parts?: Uint8Array[];
  readonly error?: string;
}

/**
 * Splits a large stored update into parts in a worker, so that decoding it does not hold the
 * page; on this thread where workers are not available.
 */
export function splitInWorker(update: Uint8Array): Promise<Uint8Array[]> {
  if (typeof Worker === 'undefined') return splitHere(update);
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./partsWorker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(splitHere(update));
      return;
    }
    const done = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<SplitAnswer>) => {
      done();
      if (event.data.parts) resolve(event.data.parts);
      else reject(new Error(event.data.error ?? 'The journal could not be read in parts.'));
    };
    worker.onerror = () => {
      done();
      // A worker that cannot start (a restricted page): split here, slower but correct.
      resolve(splitHere(update));
    };
    worker.postMessage(update);
  });
}
