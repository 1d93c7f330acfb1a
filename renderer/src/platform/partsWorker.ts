// A worker that splits a large stored update into parts (see journalParts), so that the page
// applies them one at a time instead of decoding the whole journal in one long task.
import * as Y from 'yjs';
import { journalParts } from '../../../shared/doc/journalParts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Uint8Array>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, event.data);
    const parts = [...journalParts(doc)];
    scope.postMessage(
      { parts },
      parts.map((part) => part.buffer),
    );
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) }, []);
  } finally {
    doc.destroy();
  }
};
