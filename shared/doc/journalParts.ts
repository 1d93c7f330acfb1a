import * as Y from 'yjs';
import { UpdateWriter } from './updateWriter';

/** About how large a part is: one that applies in a few milliseconds. */
export const PART_BYTES = 256 * 1024;
/** At most this many structs in a part: rich text is many small items, each costly to apply. */
export const PART_STRUCTS = 2000;

/** Roughly what a struct takes in an update: what its content holds, and its ids. */
function sizeOf(struct: Y.Item | Y.GC): number {
  if (!(struct instanceof Y.Item)) return 4;
  const content = struct.content;
  if (content instanceof Y.ContentString) return 16 + content.str.length;
  if (content instanceof Y.ContentAny) {
    return (
      16 +
      content.arr.reduce<number>(
        (sum, value) => sum + (typeof value === 'string' ? value.length : 16),
        0,
      )
    );
  }
  return 24;
}

/**
 * A document's state as several Yjs updates of about `maxBytes` each, to store and load one
 * at a time: loaded in order, they make the same document as one update would, and each is
 * quick to apply. Each holds contiguous runs of structs per client (larger clients first, as
 * others' changes mostly build on theirs) and the deletions among them. A generator, so a
 * caller can pause between parts; the document must not change meanwhile (a change can
 * split or merge structs: start again then).
 */
export function* journalParts(
  doc: Y.Doc,
  maxBytes = PART_BYTES,
  maxStructs = PART_STRUCTS,
): Generator<Uint8Array> {
  const clients = [...doc.store.clients.entries()].sort((a, b) => b[1].length - a[1].length);
  let writer = new UpdateWriter(true);
  let size = 0;
  let count = 0;
  for (const [client, structs] of clients) {
    for (const struct of structs) {
      if (struct instanceof Y.Item) writer.item(struct);
      else writer.gc(client, struct.id.clock, struct.id.clock + struct.length);
      size += sizeOf(struct);
      if (size >= maxBytes || ++count >= maxStructs) {
        yield writer.toUpdate();
        writer = new UpdateWriter(true);
        size = 0;
        count = 0;
      }
    }
  }
  if (!writer.isEmpty) yield writer.toUpdate();
}
