// Encodes a document with many top-level types (the reflections: one per interaction) in
// linear time. Y.encodeStateAsUpdate names a top-level parent by searching the document's
// types one by one (Yjs' findRootTypeKey), once per reflection, so its time grows with the
// square of the reflections: minutes at 100k. Here each name is looked up in a map.
import * as Y from 'yjs';
import { UpdateWriter } from '../../shared/doc/updateWriter';

/** The same update as Y.encodeStateAsUpdate(doc) (format v1). */
export function encodeWithRootNames(doc: Y.Doc): Uint8Array {
  const names = new Map<unknown, string>();
  for (const [name, type] of doc.share) names.set(type, name);
  const writer = new UpdateWriter(true);
  for (const [client, structs] of doc.store.clients) {
    for (const struct of structs) {
      if (struct instanceof Y.Item) {
        writer.item(struct, names.get(struct.parent));
      } else {
        const end = struct.id.clock + struct.length;
        writer.gc(client, struct.id.clock, end);
        writer.deleteRange(client, struct.id.clock, struct.length);
      }
    }
  }
  return writer.toUpdate();
}
