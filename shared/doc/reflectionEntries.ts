import * as Y from 'yjs';

/**
 * Where each reflection lives in the reflections document: the top-level Y.Map named
 * REFLECTIONS_ROOT holds, under each interaction's id, the Y.XmlFragment of its reflection.
 *
 * One map rather than a top-level fragment per reflection: Yjs names a top-level type by
 * searching all of them whenever it writes one, so thousands of them make every save and
 * every sync quadratic.
 *
 * A map keeps one value per key: an entry made on two devices at once would keep only one of
 * them, and with it the words typed into the other. So each entry is made exactly once:
 * - by the device that logs the interaction, in the same step, when its reflections are open
 *   (makeReflectionEntry). No other device makes it: they wait for it to arrive;
 * - when it was logged while the reflections were not open (the record says so), by
 *   whichever device opens it first, as a client whose id comes from the interaction's id, at
 *   clock 0 (makeSharedReflectionEntry): every device that does so writes the very same item,
 *   which Yjs merges into one;
 * - for a reflection written by schema 2 inside its record, by the move (reflectionsMove.ts),
 *   whose entry is the old fragment's own item.
 * Not a derived client for every entry: Yjs walks all of a document's client ids twice in
 * every transaction, so 20,000 of them would make each keystroke take tens of milliseconds.
 */
export const REFLECTIONS_ROOT = 'reflections';

/** The format of the entries' client ids: a change to how entries are made must change it. */
const ENTRY_FORMAT = 'reflection-entry/1';

/** The map of a reflections document. */
export function reflectionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(REFLECTIONS_ROOT);
}

/** The rich text of a reflection, if the reflections document has it. */
export function reflectionEntry(doc: Y.Doc, id: string): Y.XmlFragment | null {
  const entry = reflectionsMap(doc).get(id);
  return entry instanceof Y.XmlFragment ? entry : null;
}

/** Makes the (empty) entry of an interaction logged here, now; the existing one if any. */
export function makeReflectionEntry(doc: Y.Doc, id: string): Y.XmlFragment {
  const existing = reflectionEntry(doc, id);
  if (existing) return existing;
  const fragment = new Y.XmlFragment();
  reflectionsMap(doc).set(id, fragment);
  return fragment;
}

/**
 * Makes the entry of a reflection that any device may make (see above), as the same item on
 * every device; the existing one if any. Made by this device's own client if the derived one
 * has written before (two ids sharing a client: about one chance in 50 million at 20k).
 */
export function makeSharedReflectionEntry(doc: Y.Doc, id: string): Y.XmlFragment {
  const existing = reflectionEntry(doc, id);
  if (existing) return existing;
  const client = entryClientId(id);
  if (Y.getState(doc.store, client) > 0) return makeReflectionEntry(doc, id);
  return writeAs(doc, client, () => makeReflectionEntry(doc, id));
}

/** The id of the client that writes the entry of a reflection. */
export function entryClientId(id: string): number {
  return derivedClientId(`${ENTRY_FORMAT}\n${id}`);
}

/**
 * Runs `write` with the document's changes written by `client` (joining the transaction
 * under way, if any), then gives the document its own client id back.
 */
export function writeAs<T>(doc: Y.Doc, client: number, write: () => T): T {
  const own = doc.clientID;
  doc.clientID = client;
  try {
    return write();
  } finally {
    doc.clientID = own;
  }
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;
/** Derived client ids lie in [2^32, 2^53): above every id Yjs draws (32 bits). */
const DERIVED_FLOOR = 2n ** 32n;
const DERIVED_SPAN = 2n ** 53n - DERIVED_FLOOR;

/**
 * A Yjs client id derived from a text: 2^32 + (FNV-1a 64 of its UTF-8 bytes, modulo
 * 2^53 − 2^32). Never one a device draws for itself, and the same on every device.
 */
export function derivedClientId(text: string): number {
  let hash = FNV_OFFSET;
  for (const byte of utf8(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return Number(DERIVED_FLOOR + (hash % DERIVED_SPAN));
}

/** The UTF-8 bytes of a text (a lone surrogate as U+FFFD, as TextEncoder writes it). */
function* utf8(text: string): Generator<number> {
  for (const char of text) {
    let code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) yield code;
    else if (code < 0x800) yield* [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
    else if (code < 0x10000) {
      yield* [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
    } else {
      yield* [
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      ];
    }
  }
}
