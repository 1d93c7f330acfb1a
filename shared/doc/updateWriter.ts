import * as Y from 'yjs';

/**
 * Writes a Yjs update (format v1) from chosen structs of a document, for the two places that
 * need more control than `Y.encodeStateAsUpdate`: moving reflections to their own document
 * with the same item ids, and storing a journal in parts that load one at a time.
 *
 * An update lists, per client, a contiguous run of structs from a first clock: an item is
 * written as Yjs writes it; a range a reader must skip is written as GC (deleted content,
 * which is what Yjs itself keeps of collected items). Then the delete set.
 */
export class UpdateWriter {
  private readonly runs = new Map<number, Run>();
  private readonly deleted = new Map<number, [clock: number, length: number][]>();

  /**
   * @param contiguous Refuse gaps instead of writing them as GC: for copying a document's
   *   own structs, where a gap could only mean that it changed meanwhile.
   */
  constructor(private readonly contiguous = false) {}

  /** Adds an item; items of one client must come in clock order, without overlaps. */
  item(item: Y.Item): void {
    this.add({ item });
  }

  /**
   * Adds an item that holds a shared type (a fragment, say) as the first value under `key` of
   * the top-level map `root` instead of where it is, with its id and its type.
   */
  mapEntry(item: Y.Item, root: string, key: string): void {
    if (!(item.content instanceof Y.ContentType)) throw new Error('Only a type can move.');
    this.add({ item, entry: { root, key } });
  }

  private add(part: ItemPart): void {
    const { item } = part;
    const run = this.runFor(item.id.client, item.id.clock);
    if (this.contiguous && item.id.clock !== run.end) {
      throw new Error(`Structs of client ${item.id.client} are not contiguous.`);
    }
    this.fill(run, item.id.clock);
    run.parts.push(part);
    run.end = item.id.clock + item.length;
    if (item.deleted) this.deleteRange(item.id.client, item.id.clock, item.length);
  }

  /** Writes `[clock, end)` of a client as collected content (GC). */
  gc(client: number, clock: number, end: number): void {
    if (end <= clock) return;
    const run = this.runFor(client, clock);
    this.fill(run, end);
  }

  /** Marks a range as deleted in the update's delete set. */
  deleteRange(client: number, clock: number, length: number): void {
    let ranges = this.deleted.get(client);
    if (!ranges) this.deleted.set(client, (ranges = []));
    const last = ranges[ranges.length - 1];
    if (last && last[0] + last[1] === clock) last[1] += length;
    else ranges.push([clock, length]);
  }

  /** Whether anything was added. */
  get isEmpty(): boolean {
    return this.runs.size === 0 && this.deleted.size === 0;
  }

  toUpdate(): Uint8Array {
    const encoder = new Y.UpdateEncoderV1();
    const clients = [...this.runs.values()].sort((a, b) => b.client - a.client);
    encoder.writeLen(clients.length);
    for (const run of clients) {
      encoder.writeLen(run.parts.length);
      encoder.writeClient(run.client);
      encoder.writeLen(run.start);
      for (const part of run.parts) writePart(encoder, part);
    }
    const deleted = [...this.deleted.entries()].sort((a, b) => b[0] - a[0]);
    encoder.writeLen(deleted.length);
    for (const [client, ranges] of deleted) {
      encoder.resetDsCurVal();
      encoder.writeLen(client);
      encoder.writeLen(ranges.length);
      for (const [clock, length] of ranges) {
        encoder.writeDsClock(clock);
        encoder.writeDsLen(length);
      }
    }
    return encoder.toUint8Array();
  }

  private runFor(client: number, clock: number): Run {
    let run = this.runs.get(client);
    if (!run) this.runs.set(client, (run = { client, start: clock, end: clock, parts: [] }));
    if (clock < run.end) throw new Error(`Structs of client ${client} written out of order.`);
    return run;
  }

  /** Covers the gap up to `clock` with GC, merged with a GC just before it. */
  private fill(run: Run, clock: number): void {
    if (clock <= run.end) return;
    const last = run.parts[run.parts.length - 1];
    if (last && 'gc' in last) last.gc += clock - run.end;
    else run.parts.push({ gc: clock - run.end });
    run.end = clock;
  }
}

interface Run {
  readonly client: number;
  readonly start: number;
  end: number;
  readonly parts: Part[];
}

interface ItemPart {
  readonly item: Y.Item;
  /** Written as the first value of a key of a top-level map (see mapEntry). */
  readonly entry?: { readonly root: string; readonly key: string };
}
type Part = ItemPart | { gc: number };

// Bits of a struct's info byte (see Yjs' Item#write): content ref, then which ids follow.
const CONTENT_REF = 0b11111;
const GC_REF = 0;
const PARENT_SUB = 0b100000;

function writePart(encoder: Y.UpdateEncoderV1, part: Part): void {
  if ('gc' in part) {
    encoder.writeInfo(GC_REF);
    encoder.writeLen(part.gc);
    return;
  }
  const { item, entry } = part;
  if (entry === undefined) {
    item.write(encoder, 0);
    return;
  }
  // A value with no neighbours names its parent (a top-level type) and its key.
  encoder.writeInfo((item.content.getRef() & CONTENT_REF) | PARENT_SUB);
  encoder.writeParentInfo(true);
  encoder.writeString(entry.root);
  encoder.writeString(entry.key);
  item.content.write(encoder, 0);
}

/** Where a shared type keeps its items: a list, and a chain of values per key. */
interface SharedItems {
  readonly _start: Y.Item | null;
  readonly _map: Map<string, Y.Item>;
}

/**
 * Every item inside a shared type, deleted ones included (they keep their ids and stay
 * where they were): the list children, each key's current and overwritten values, and the
 * items inside nested types.
 */
export function itemsWithin(type: SharedItems, into: Y.Item[] = []): Y.Item[] {
  for (let item = type._start; item !== null; item = item.right) collect(item, into);
  for (const latest of type._map.values()) {
    for (let item: Y.Item | null = latest; item !== null; item = item.left) collect(item, into);
  }
  return into;
}

function collect(item: Y.Item, into: Y.Item[]): void {
  into.push(item);
  if (item.content instanceof Y.ContentType) itemsWithin(item.content.type, into);
}
