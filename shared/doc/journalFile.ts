/**
 * A journal as one file (backups, and later exports): its two Yjs documents, the journal and
 * its reflections, each as one update. Older backups are a bare Yjs update of the journal
 * document, which held the reflections itself (schema 1 and 2); they read as such.
 *
 * Layout: the 16 ASCII bytes `RELEVANT-JOURNAL`, a format byte (1), then each document as a
 * 4-byte length (little-endian) and its update: the journal, then the reflections (length 0
 * when there are none).
 */
export interface JournalFile {
  readonly journal: Uint8Array;
  /** The reflections document; null in files written before it existed. */
  readonly reflections: Uint8Array | null;
}

const MAGIC = 'RELEVANT-JOURNAL';
const FORMAT = 1;
const HEADER = MAGIC.length + 1;

export function encodeJournalFile(file: JournalFile): Uint8Array {
  const reflections = file.reflections ?? new Uint8Array(0);
  const bytes = new Uint8Array(HEADER + 8 + file.journal.length + reflections.length);
  for (let index = 0; index < MAGIC.length; index++) bytes[index] = MAGIC.charCodeAt(index);
  bytes[MAGIC.length] = FORMAT;
  const view = new DataView(bytes.buffer);
  view.setUint32(HEADER, file.journal.length, true);
  bytes.set(file.journal, HEADER + 4);
  const at = HEADER + 4 + file.journal.length;
  view.setUint32(at, reflections.length, true);
  bytes.set(reflections, at + 4);
  return bytes;
}

function hasMagic(bytes: Uint8Array): boolean {
  if (bytes.length < HEADER) return false;
  for (let index = 0; index < MAGIC.length; index++) {
    if (bytes[index] !== MAGIC.charCodeAt(index)) return false;
  }
  return true;
}

/** Reads a journal file; anything without the header is an older backup: a bare journal update. */
export function decodeJournalFile(bytes: Uint8Array): JournalFile {
  if (!hasMagic(bytes)) return { journal: bytes, reflections: null };
  const damaged = () => new Error('This journal file is cut short or damaged.');
  if (bytes[MAGIC.length] !== FORMAT) {
    throw new Error('This journal file was written by a newer version of Relevant.');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < HEADER + 4) throw damaged();
  const journalLength = view.getUint32(HEADER, true);
  const at = HEADER + 4 + journalLength;
  if (bytes.length < at + 4) throw damaged();
  const reflectionsLength = view.getUint32(at, true);
  if (bytes.length !== at + 4 + reflectionsLength) throw damaged();
  return {
    journal: bytes.subarray(HEADER + 4, at),
    reflections: reflectionsLength > 0 ? bytes.subarray(at + 4) : null,
  };
}
