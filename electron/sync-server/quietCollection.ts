import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How long the server waits after the last load, store or unload before collecting. */
export const QUIET_COLLECTION_DELAY_MS = 5000;
/** Collect only when the heap has grown by this much since the last collection. */
const GROWTH_BYTES = 32 * 1024 * 1024;

/**
 * V8's full garbage collection. Node offers it only with --expose-gc; the flag can be set
 * at run time and the function taken from a new context. Null if that ever stops working.
 */
function fullCollection(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  try {
    setFlagsFromString('--expose-gc');
    const collect: unknown = runInNewContext('gc');
    return typeof collect === 'function' ? (collect as () => void) : null;
  } catch {
    return null;
  }
}

/**
 * Collects garbage once the server has been quiet for a moment after loading, storing or
 * unloading documents, if the heap has grown meanwhile. V8 collects only when something
 * allocates: a server whose journals were unloaded, or that has just decoded and stored a
 * large one, would otherwise keep hundreds of MB of dead documents and buffers until its
 * next burst of work. The growth check keeps steady editing (a store every few seconds)
 * from paying for a full collection each time. Call `soon()` after each load, store and
 * unload; `stop()` on shutdown.
 */
export function quietCollection(
  /** Told after each collection (the server logs its memory then, at debug level). */
  onCollected: () => void = () => undefined,
  delayMs = QUIET_COLLECTION_DELAY_MS,
): {
  soon(reason: 'load' | 'store' | 'unload'): void;
  stop(): void;
} {
  const collect = fullCollection();
  let timer: NodeJS.Timeout | undefined;
  let heapAfterLast = getHeapStatistics().used_heap_size;
  let unloaded = false;
  const collectIfWorthIt = () => {
    const grown = getHeapStatistics().used_heap_size >= heapAfterLast + GROWTH_BYTES;
    if (!collect || !(grown || unloaded)) return;
    collect();
    unloaded = false;
    heapAfterLast = getHeapStatistics().used_heap_size;
    onCollected();
  };
  return {
    /** `unload`: a document left memory, so its heap is garbage now whatever the growth. */
    soon(reason: 'load' | 'store' | 'unload') {
      if (!collect) return;
      if (reason === 'unload') unloaded = true;
      clearTimeout(timer);
      timer = setTimeout(collectIfWorthIt, delayMs);
      timer.unref();
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
