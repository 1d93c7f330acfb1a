import * as Y from 'yjs';
import { ORIGIN } from '../../../shared/doc';

/**
 * Keeps windows and tabs of one journal on this device in step: y-indexeddb stores every
 * tab's changes but does not tell the other tabs, so each update is relayed to them over a
 * BroadcastChannel. Returns a stop function.
 */
export function relayBetweenTabs(name: string, ydoc: Y.Doc): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(`${name}:updates`);
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== ORIGIN.otherTab) channel.postMessage(update);
  };
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (event.data instanceof Uint8Array) Y.applyUpdate(ydoc, event.data, ORIGIN.otherTab);
  };
  ydoc.on('update', onUpdate);
  return () => {
    ydoc.off('update', onUpdate);
    channel.close();
  };
}
