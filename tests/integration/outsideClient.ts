// Another program's client of a Relevant journal, written from docs/schema.md and
// docs/sync.md alone: plain yjs, @hocuspocus/provider and ws, nothing of the app's code.
// It syncs both documents of a journal over one connection, reads records by the base-and-
// own-keys rule and reflections by the plain-text rule, and writes an interaction with its
// reflection as the documents say a writer must.
import { randomUUID } from 'node:crypto';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** The newest layout this client knows (schema.md: "Versions and migrations"). */
export const KNOWN_SCHEMA_VERSION = 3;

/** `ws`, with errors of a socket closed while connecting reported instead of thrown. */
class QuietWebSocket extends WebSocket {
  constructor(url: string) {
    super(url);
    this.on('error', () => undefined);
  }
}

export interface OutsideClient {
  readonly journal: Y.Doc;
  readonly reflections: Y.Doc;
  /** Both documents synced with the server and every change of ours acknowledged. */
  readonly isSynced: () => boolean;
  /** Reasons the server gave for refusing either document. */
  readonly refusals: string[];
  close(): void;
}

/** Opens a journal: `<id>` and `<id>/reflections` on one socket, with the journal's token. */
export function openJournal(serverUrl: string, journalId: string, token: string): OutsideClient {
  const journal = new Y.Doc();
  const reflections = new Y.Doc();
  const refusals: string[] = [];
  const socket = new HocuspocusProviderWebsocket({
    url: serverUrl,
    WebSocketPolyfill: QuietWebSocket,
  });
  const providers = [
    { name: journalId, document: journal },
    { name: `${journalId}/reflections`, document: reflections },
  ].map(({ name, document }) => {
    const provider = new HocuspocusProvider({
      name,
      document,
      token,
      websocketProvider: socket,
      onAuthenticationFailed: ({ reason }) => refusals.push(reason),
    });
    provider.attach();
    return provider;
  });
  return {
    journal,
    reflections,
    refusals,
    isSynced: () => providers.every((p) => p.isSynced && !p.hasUnsyncedChanges),
    close() {
      for (const provider of providers) provider.destroy();
      socket.destroy();
    },
  };
}

/** A record's fields: its own key when set, otherwise its base's value. */
export function readRecord(record: Y.Map<unknown>): Record<string, unknown> {
  let base: Record<string, unknown> = {};
  const stored = record.get('base');
  try {
    const parsed: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      base = parsed as Record<string, unknown>;
    }
  } catch {
    // Not JSON: no base.
  }
  const fields: Record<string, unknown> = { ...base };
  for (const [key, value] of record.entries()) if (key !== 'base') fields[key] = value;
  return fields;
}

/** Every interaction, by id, read by the rule above (entries that are not records skipped). */
export function readInteractions(journal: Y.Doc): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  for (const [id, record] of journal.getMap('interactions').entries()) {
    if (record instanceof Y.Map) found.set(id, readRecord(record as Y.Map<unknown>));
  }
  return found;
}

/** The text of an inline node: text without marks, a hardBreak as a newline, else nothing. */
function inlineText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert?: unknown }[])
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  }
  return node instanceof Y.XmlElement && node.nodeName === 'hardBreak' ? '\n' : '';
}

/**
 * The plain-text rule: an XmlText is a line; an element with no children, or with text or a
 * hardBreak among them, is a line; any other element is read child by child. Joined with \n.
 */
export function plainText(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook) => {
    if (node instanceof Y.XmlText) lines.push(inlineText(node));
    if (!(node instanceof Y.XmlElement)) return;
    const children = node.toArray();
    const isLine =
      children.length === 0 ||
      children.some(
        (child) =>
          child instanceof Y.XmlText ||
          (child instanceof Y.XmlElement && child.nodeName === 'hardBreak'),
      );
    if (isLine) lines.push(children.map(inlineText).join(''));
    else for (const child of children) visit(child);
  };
  for (const node of fragment.toArray()) visit(node);
  return lines.join('\n');
}

/** The layout version stored in the journal, or null for a journal with no version yet. */
export function schemaVersionOf(journal: Y.Doc): number | null {
  const version = journal.getMap('meta').get('schemaVersion');
  if (typeof version === 'number') return version;
  return journal.getMap('interactions').size > 0 ? 1 : null;
}

/** A reflection's rich text, if the reflections document has it. */
export function reflectionOf(reflections: Y.Doc, id: string): Y.XmlFragment | null {
  const entry = reflections.getMap('reflections').get(id);
  return entry instanceof Y.XmlFragment ? entry : null;
}

function assertWritable(journal: Y.Doc): void {
  const version = schemaVersionOf(journal);
  if (version === null || version > KNOWN_SCHEMA_VERSION) {
    throw new Error(`This journal is at version ${version}; this client writes only version 3.`);
  }
}

/**
 * Logs an interaction with its reflection given as plain paragraphs: a new record whose
 * base holds every field, the stamps and the plain text, and the rich text (one paragraph a
 * line) in the reflections document under the interaction's id. Returns the id.
 */
export function logInteraction(
  client: OutsideClient,
  fields: Record<string, unknown>,
  paragraphs: readonly string[],
  now = new Date(),
): string {
  assertWritable(client.journal);
  const id = randomUUID();
  const stamp = now.toISOString();
  const reflectionText = paragraphs.join('\n');
  client.journal.transact(() => {
    const record = new Y.Map<unknown>();
    client.journal.getMap('interactions').set(id, record);
    record.set(
      'base',
      JSON.stringify({
        ...fields,
        createdAt: stamp,
        updatedAt: stamp,
        ...(reflectionText ? { reflectionText } : {}),
      }),
    );
  });
  // The entry is made by the client that logs the interaction, and by no one else.
  client.reflections.transact(() => {
    const fragment = new Y.XmlFragment();
    client.reflections.getMap('reflections').set(id, fragment);
    fragment.insert(
      0,
      paragraphs.map((line) => {
        const paragraph = new Y.XmlElement('paragraph');
        if (line) paragraph.insert(0, [new Y.XmlText(line)]);
        return paragraph;
      }),
    );
  });
  return id;
}

/** Sets the fields whose value changes, and updatedAt. */
export function editInteraction(
  client: OutsideClient,
  id: string,
  changes: Record<string, unknown>,
  now = new Date(),
): void {
  assertWritable(client.journal);
  const record = client.journal.getMap('interactions').get(id);
  if (!(record instanceof Y.Map)) throw new Error(`No interaction ${id}.`);
  const current = readRecord(record as Y.Map<unknown>);
  const changed = Object.entries(changes).filter(
    ([key, value]) => JSON.stringify(current[key]) !== JSON.stringify(value),
  );
  if (changed.length === 0) return;
  client.journal.transact(() => {
    for (const [key, value] of changed) record.set(key, value);
    record.set('updatedAt', now.toISOString());
  });
}

/**
 * Adds a paragraph at the end of a reflection (in place), then sets the interaction's
 * plain text to match, without touching updatedAt.
 */
export function addReflectionParagraph(client: OutsideClient, id: string, line: string): void {
  assertWritable(client.journal);
  const fragment = reflectionOf(client.reflections, id);
  // Logged elsewhere and not here yet: it must not be made here (it would replace the other).
  if (!fragment) throw new Error(`The reflection of ${id} has not arrived yet.`);
  client.reflections.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(line)]);
    fragment.insert(fragment.length, [paragraph]);
  });
  const record = client.journal.getMap('interactions').get(id);
  if (record instanceof Y.Map) {
    client.journal.transact(() => record.set('reflectionText', plainText(fragment)));
  }
}
