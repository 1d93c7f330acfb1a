// Another program reads and writes a journal through the sync server, knowing only
// docs/schema.md and docs/sync.md (outsideClient.ts imports nothing of the app). The app's
// side is the app's own code: JournalDoc with its reflections, synced by JournalSync.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addJournal, startSyncServer, type SyncServer } from '../../electron/sync-server';
import { JournalSync } from '../../renderer/src/platform/sync/journalSync';
import { JournalDoc, ORIGIN, reflectionEntry } from '../../shared/doc';
import type { InteractionId } from '../../shared/domain';
import { anInteraction } from '../fixtures/interactions';
import {
  addReflectionParagraph,
  editInteraction,
  logInteraction,
  openJournal,
  plainText,
  readInteractions,
  reflectionOf,
  schemaVersionOf,
  type OutsideClient,
} from './outsideClient';
import { CountingWebSocket, FakeNetwork, memoryStorage } from './syncDevice';
import { makeTempDir, removeDir, waitFor } from './syncHelpers';

let server: SyncServer;
let dataDir: string;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  dataDir = makeTempDir();
  server = await startSyncServer({ port: 0, dataDir, logLevel: 'silent', throttle: false });
});

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

/** The app on a device: its journal and reflections, synced as the app syncs them. */
function appDevice(journalId: string, token: string) {
  const journal = new JournalDoc(new Y.Doc());
  journal.migrate();
  const reflections = new Y.Doc();
  const open = journal.attachReflections(reflections);
  const sync = new JournalSync(journal.ydoc, {
    journalName: 'relevant-journal',
    storage: memoryStorage(),
    network: new FakeNetwork(),
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    retry: { delayMs: 50, maxDelayMs: 200 },
  });
  sync.attachReflections(reflections);
  sync.connect({ serverUrl: server.url, journalId, token });
  cleanups.push(() => sync.destroy());
  return {
    journal,
    open,
    reflections,
    synced: () => sync.getState().state === 'synced',
  };
}

function outside(journalId: string, token: string): OutsideClient {
  const client = openJournal(server.url, journalId, token);
  cleanups.push(() => client.close());
  return client;
}

/** Bold text in the middle of a reflection's first paragraph, as the editor writes a mark. */
function boldInFirstParagraph(reflections: Y.Doc, id: string, at: number, words: string): void {
  const paragraph = reflectionEntry(reflections, id)?.get(0) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  reflections.transact(() => text.insert(at, words, { bold: {} }), ORIGIN.local);
}

/** A bullet list after the first paragraph: listItem > paragraph > text. */
function listAfterFirstParagraph(reflections: Y.Doc, id: string, items: string[]): void {
  const list = new Y.XmlElement('bulletList');
  list.insert(
    0,
    items.map((line) => {
      const item = new Y.XmlElement('listItem');
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(line)]);
      item.insert(0, [paragraph]);
      return item;
    }),
  );
  reflections.transact(() => reflectionEntry(reflections, id)?.insert(1, [list]), ORIGIN.local);
}

describe('a client outside the app', () => {
  it('is written with yjs, the Hocuspocus provider and ws only, none of the app’s code', () => {
    const source = readFileSync(path.join(import.meta.dirname, 'outsideClient.ts'), 'utf8');
    const imported = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imported.sort()).toEqual(['@hocuspocus/provider', 'node:crypto', 'ws', 'yjs']);
  });

  it('reads what the app wrote: fields, an edited field, and a reflection’s rich and plain text', async () => {
    const { journalId, token } = addJournal(dataDir);
    const app = appDevice(journalId, token);
    const coffee = app.journal.addInteraction(
      anInteraction({ title: 'Coffee with Ana Lopez', relevance: 2, people: ['Ana Lopez'] }),
      { reflection: ['Ask about the night shift.', 'She knows the Porto plant.'] },
    );
    const call = app.journal.addInteraction(
      anInteraction({ title: 'Call with Ben', kind: 'call' }),
    );
    app.journal.updateInteraction(coffee, { relevance: 5, outcome: 'An intro to the COO' });
    boldInFirstParagraph(app.reflections, coffee, 'Ask about '.length, 'all of ');
    listAfterFirstParagraph(app.reflections, coffee, ['read the report', 'call Ben']);
    app.open.writeTexts(); // as the app does a second after typing
    await waitFor(app.synced, 'the app to be synced');

    const reader = outside(journalId, token);
    await waitFor(reader.isSynced, 'the outside client to sync');
    expect(schemaVersionOf(reader.journal)).toBe(3);
    const interactions = readInteractions(reader.journal);
    expect([...interactions.keys()].sort()).toEqual([coffee, call].sort());
    expect(interactions.get(call)).toMatchObject({ title: 'Call with Ben', kind: 'call' });
    const read = interactions.get(coffee);
    expect(read).toMatchObject({
      title: 'Coffee with Ana Lopez',
      people: ['Ana Lopez'],
      relevance: 5, // edited: its own key overrides the base's 2
      outcome: 'An intro to the COO',
    });
    const base = JSON.parse(
      (reader.journal.getMap('interactions').get(coffee) as Y.Map<unknown>).get('base') as string,
    ) as Record<string, unknown>;
    expect(base.relevance).toBe(2);

    const fragment = reflectionOf(reader.reflections, coffee);
    if (!fragment) throw new Error('The reflection did not arrive.');
    const first = fragment.get(0) as Y.XmlElement;
    expect(first.nodeName).toBe('paragraph');
    expect((first.get(0) as Y.XmlText).toDelta()).toEqual([
      { insert: 'Ask about ' },
      { insert: 'all of ', attributes: { bold: {} } },
      { insert: 'the night shift.' },
    ]);
    const expected = [
      'Ask about all of the night shift.',
      'read the report',
      'call Ben',
      'She knows the Porto plant.',
    ].join('\n');
    expect(plainText(fragment)).toBe(expected);
    expect(read?.reflectionText).toBe(expected);

    // The rule's edges: an empty paragraph and a rule are empty lines, a heading is a line.
    const blocks = ['paragraph', 'horizontalRule', 'heading'].map((name) => new Y.XmlElement(name));
    blocks[2]?.insert(0, [new Y.XmlText('Next')]);
    app.reflections.transact(
      () => reflectionEntry(app.reflections, coffee)?.insert(0, blocks),
      ORIGIN.local,
    );
    app.open.writeTexts();
    await waitFor(app.synced, 'the app to be synced');
    await waitFor(
      () =>
        readInteractions(reader.journal).get(coffee)?.reflectionText !== expected &&
        plainText(fragment) !== expected,
      'the new rich and plain text to reach the outside client',
    );
    expect(plainText(fragment)).toBe(`\n\nNext\n${expected}`);
    expect(readInteractions(reader.journal).get(coffee)?.reflectionText).toBe(plainText(fragment));
  });

  it('writes an interaction with its reflection, and edits, that the app reads', async () => {
    const { journalId, token } = addJournal(dataDir);
    const app = appDevice(journalId, token);
    const mine = app.journal.addInteraction(anInteraction({ title: 'Trade fair' }), {
      reflection: ['Met four suppliers.'],
    });
    await waitFor(app.synced, 'the app to be synced');

    const writer = outside(journalId, token);
    await waitFor(writer.isSynced, 'the outside client to sync');
    const fields = {
      startedAt: '2026-11-20T09:30:00.000Z',
      timeZone: 'Europe/Madrid',
      durationMinutes: 45,
      kind: 'coffee',
      title: 'Coffee with Chidi Okafor',
      place: 'Café Comercial, Madrid',
      people: ['Chidi Okafor'],
      relevance: 4,
      intent: 'Learn how Kite Robotics hires',
      outcome: '',
      nextStep: 'Send my CV',
      nextStepDue: '2026-11-27',
      nextStepDone: null,
    };
    const id = logInteraction(writer, fields, ['Chidi hires through referrals.', '', 'Follow up.']);
    editInteraction(writer, mine, { place: 'Hall 4', title: 'Trade fair' });
    addReflectionParagraph(writer, mine, 'Two of them ship to Lisbon.');
    await waitFor(writer.isSynced, 'the outside client’s changes to reach the server');

    await waitFor(
      () => app.journal.get(id as InteractionId) !== undefined && app.synced(),
      'the app to get the new interaction',
    );
    const logged = app.journal.get(id as InteractionId);
    expect(logged).toMatchObject({
      ...fields,
      reflectionText: 'Chidi hires through referrals.\n\nFollow up.',
    });
    // The app reads the rich text the client wrote, once (it never makes it again from the text).
    const open = app.journal.openReflections;
    expect(app.journal.reflectionFragment(id as InteractionId)?.length).toBe(3);
    expect(open?.textOf(id)).toBe('Chidi hires through referrals.\n\nFollow up.');
    expect(app.journal.get(mine)).toMatchObject({
      place: 'Hall 4',
      title: 'Trade fair',
      reflectionText: 'Met four suppliers.\nTwo of them ship to Lisbon.',
    });
    expect(open?.textOf(mine)).toBe('Met four suppliers.\nTwo of them ship to Lisbon.');
    // The plain texts agree with the rich text: the app has nothing to correct.
    open?.writeTexts();
    expect(open?.checkTexts([id, mine])).toBe(0);
  });

  it('does not write to a journal of a newer version', async () => {
    const { journalId, token } = addJournal(dataDir);
    const app = appDevice(journalId, token);
    app.journal.ydoc.transact(() => app.journal.ydoc.getMap('meta').set('schemaVersion', 4));
    await waitFor(app.synced, 'the app to be synced');
    const writer = outside(journalId, token);
    await waitFor(writer.isSynced, 'the outside client to sync');
    expect(() => logInteraction(writer, { title: 'Too new' }, [])).toThrow(/version 4/);
    expect(readInteractions(writer.journal).size).toBe(0);
  });
});
