import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  JournalDoc,
  migrate,
  MIGRATIONS,
  NewerSchemaError,
  ORIGIN,
  SCHEMA_VERSION,
  storedSchemaVersion,
  type Migration,
} from '../../../../shared/doc';
import { asInteractionId, type InteractionId } from '../../../../shared/domain';
import { anInteraction } from '../../../fixtures/interactions';
import { JOURNAL_V1_FILES, V1_RECORDS } from '../../../fixtures/make-journal-v1';
import { aReplica, syncBoth } from '../../../fixtures/replicas';

const FILES = [
  ['journal-v1.ydoc (meta.schemaVersion = 1)', JOURNAL_V1_FILES.withMeta],
  ['journal-v1-no-meta.ydoc (no meta at all)', JOURNAL_V1_FILES.withoutMeta],
] as const;

/** Opens a saved journal file the way the app loads stored bytes. */
function loadSaved(file: URL, clientID?: number): Y.Doc {
  const ydoc = new Y.Doc();
  if (clientID !== undefined) ydoc.clientID = clientID;
  Y.applyUpdate(ydoc, new Uint8Array(readFileSync(file)), ORIGIN.restore);
  return ydoc;
}

const id = (n: number): InteractionId => asInteractionId(`5f0c9a1e-7d2b-4c1a-9e3f-00000000000${n}`);

/** The raw stored value of one field (what another client would read). */
function rawField(ydoc: Y.Doc, record: InteractionId, key: string): unknown {
  return (ydoc.getMap('interactions').get(record) as Y.Map<unknown>).get(key);
}

describe('the saved version-1 journals', () => {
  it.each(FILES)('%s really has the version-1 layout', (_label, file) => {
    const ydoc = loadSaved(file);
    expect(storedSchemaVersion(ydoc)).toBe(1);
    expect(ydoc.getMap('interactions').size).toBe(V1_RECORDS.length);
    expect(rawField(ydoc, id(1), 'people')).toBe('Ana Lopez, Ben Ortiz');
    expect(rawField(ydoc, id(1), 'timeZone')).toBeUndefined();
  });

  it('one of them has no meta map entries at all', () => {
    expect(loadSaved(JOURNAL_V1_FILES.withoutMeta).getMap('meta').size).toBe(0);
    expect(loadSaved(JOURNAL_V1_FILES.withMeta).getMap('meta').toJSON()).toEqual({
      schemaVersion: 1,
    });
  });
});

describe.each(FILES)('migrating %s', (_label, file) => {
  it('reads people as lists of names and every interaction with a time zone (UTC)', () => {
    const journal = new JournalDoc(loadSaved(file));
    const report = journal.migrate();

    expect(report).toEqual({
      from: 1,
      to: SCHEMA_VERSION,
      applied: MIGRATIONS.map((step) => step.description),
    });
    expect(storedSchemaVersion(journal.ydoc)).toBe(SCHEMA_VERSION);
    expect(journal.ydoc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);

    expect(journal.get(id(1))?.people).toEqual(['Ana Lopez', 'Ben Ortiz']);
    expect(journal.get(id(2))?.people).toEqual(['Chidi Okafor', 'Dana Weiß']);
    expect(journal.get(id(3))?.people).toEqual([]);
    expect(journal.get(id(4))?.people).toEqual(['Tom Alvarez']);
    for (const item of journal.getSnapshot().interactions) expect(item.timeZone).toBe('UTC');

    // Nothing is rewritten: a rewrite would race edits made on other devices meanwhile.
    expect(rawField(journal.ydoc, id(1), 'people')).toBe('Ana Lopez, Ben Ortiz');
    expect(rawField(journal.ydoc, id(1), 'timeZone')).toBeUndefined();
  });

  it('keeps everything else as it was', () => {
    const journal = new JournalDoc(loadSaved(file));
    journal.migrate();
    const first = V1_RECORDS[0];
    expect(journal.get(id(1))).toMatchObject({
      title: first?.title,
      startedAt: first?.startedAt,
      durationMinutes: first?.durationMinutes,
      kind: first?.kind,
      relevance: first?.relevance,
      createdAt: first?.createdAt,
      updatedAt: first?.updatedAt,
      sample: false,
      reflectionText: first?.reflection.join('\n'),
    });
    expect(journal.get(id(3))?.relevance).toBeNull();
    expect(journal.get(id(4))?.sample).toBe(true);
    expect(journal.getSnapshot().interactions.map((item) => item.id)).toEqual([
      id(3),
      id(2),
      id(1),
      id(4),
    ]);
  });

  it('is harmless to run twice: the second run changes nothing and writes nothing', () => {
    const journal = new JournalDoc(loadSaved(file));
    journal.migrate();
    const snapshot = journal.getSnapshot();
    const updates: Uint8Array[] = [];
    journal.ydoc.on('update', (update: Uint8Array) => updates.push(update));

    expect(journal.migrate()).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] });
    expect(updates).toHaveLength(0);
    expect(journal.getSnapshot()).toBe(snapshot);
  });

  it('is not something the person can undo, and subscribers hear of the new version', () => {
    const journal = new JournalDoc(loadSaved(file));
    let notified = 0;
    journal.subscribe(() => notified++);
    journal.migrate();
    expect(notified).toBe(MIGRATIONS.length);
    expect(journal.canUndo).toBe(false);
    expect(journal.undo()).toBe(false);
    expect(journal.get(id(1))?.people).toEqual(['Ana Lopez', 'Ben Ortiz']);
  });

  it('two devices migrating their copies apart converge on the same result', () => {
    const laptop = new JournalDoc(loadSaved(file, 101));
    const desktop = new JournalDoc(loadSaved(file, 202));
    laptop.migrate();
    desktop.migrate();
    syncBoth(laptop, desktop);

    expect(desktop.getSnapshot().interactions).toEqual(laptop.getSnapshot().interactions);
    expect(laptop.get(id(1))?.people).toEqual(['Ana Lopez', 'Ben Ortiz']);
    expect(laptop.get(id(2))?.people).toEqual(['Chidi Okafor', 'Dana Weiß']);
    for (const device of [laptop, desktop]) {
      expect(storedSchemaVersion(device.ydoc)).toBe(SCHEMA_VERSION);
      expect(device.migrate().applied).toEqual([]);
    }
  });

  it('a device that migrated syncs with one that has not yet: the old copy is upgraded', () => {
    const migrated = new JournalDoc(loadSaved(file, 101));
    const old = new JournalDoc(loadSaved(file, 202));
    migrated.migrate();
    syncBoth(migrated, old);
    expect(storedSchemaVersion(old.ydoc)).toBe(SCHEMA_VERSION);
    expect(old.migrate().applied).toEqual([]);
    expect(old.getSnapshot().interactions).toEqual(migrated.getSnapshot().interactions);
  });
});

describe('migrate on a new or current document', () => {
  it('stamps a new, empty journal with the current version', () => {
    const ydoc = new Y.Doc();
    expect(storedSchemaVersion(ydoc)).toBeNull();
    expect(migrate(ydoc)).toEqual({ from: null, to: SCHEMA_VERSION, applied: [] });
    expect(storedSchemaVersion(ydoc)).toBe(SCHEMA_VERSION);
  });

  it('leaves a current journal alone', () => {
    const journal = aReplica();
    journal.migrate();
    journal.addInteraction(anInteraction({ people: ['Ana Lopez, PhD'] }));
    expect(journal.migrate().applied).toEqual([]);
    expect(journal.getSnapshot().interactions[0]?.people).toEqual(['Ana Lopez, PhD']);
  });

  it('runs each step in order, one transaction per step, with the migration origin', () => {
    const ydoc = loadSaved(JOURNAL_V1_FILES.withMeta);
    const origins: unknown[] = [];
    ydoc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    const toNext: Migration = {
      from: SCHEMA_VERSION,
      description: 'test step: mark records',
      apply(doc) {
        for (const record of doc.getMap<Y.Map<unknown>>('interactions').values()) {
          record.set('v3', true);
        }
      },
    };
    const report = migrate(ydoc, [...MIGRATIONS, toNext], SCHEMA_VERSION + 1);
    expect(report.applied).toEqual([
      ...MIGRATIONS.map((step) => step.description),
      'test step: mark records',
    ]);
    expect(origins).toEqual([...MIGRATIONS.map(() => ORIGIN.migration), ORIGIN.migration]);
    expect(storedSchemaVersion(ydoc)).toBe(SCHEMA_VERSION + 1);
  });

  it('says which step is missing instead of skipping it', () => {
    const ydoc = loadSaved(JOURNAL_V1_FILES.withMeta);
    const next = SCHEMA_VERSION + 1;
    expect(() => migrate(ydoc, MIGRATIONS, next)).toThrow(
      `No migration from schema ${SCHEMA_VERSION} to ${next}.`,
    );
    expect(storedSchemaVersion(ydoc)).toBe(SCHEMA_VERSION); // the steps that exist were applied
  });
});

describe('a journal saved by a newer version of the app', () => {
  function newerJournal(): JournalDoc {
    const older = aReplica();
    const existing = older.addInteraction(anInteraction());
    older.ydoc.transact(() => {
      older.ydoc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
      const record = older.ydoc.getMap('interactions').get(existing) as Y.Map<unknown>;
      record.set('futureField', { something: 'new' });
    }, ORIGIN.remote);
    return new JournalDoc(older.ydoc);
  }

  it('is refused by migrate with a NewerSchemaError that tells the person to update', () => {
    const journal = newerJournal();
    let thrown: unknown;
    try {
      journal.migrate();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NewerSchemaError);
    const error = thrown as NewerSchemaError;
    expect(error.name).toBe('NewerSchemaError');
    expect(error.found).toBe(SCHEMA_VERSION + 1);
    expect(error.message).toMatch(/newer version of Relevant/);
    expect(error.message).toMatch(/Update Relevant to edit this journal\.$/);
    expect(storedSchemaVersion(journal.ydoc)).toBe(SCHEMA_VERSION + 1); // not touched
  });

  it('still reads, but every command throws the same message and writes nothing', () => {
    const journal = newerJournal();
    const [existing] = journal.getSnapshot().interactions;
    expect(existing?.title).toBe(anInteraction().title);
    const reason = journal.readOnlyReason;
    expect(reason).toBe(new NewerSchemaError(SCHEMA_VERSION + 1).message);

    const updates: Uint8Array[] = [];
    journal.ydoc.on('update', (update: Uint8Array) => updates.push(update));
    const target = existing?.id as InteractionId;
    const commands: [string, () => unknown][] = [
      ['add', () => journal.addInteraction(anInteraction())],
      ['update', () => journal.updateInteraction(target, { relevance: 1 })],
      ['delete', () => journal.deleteInteraction(target)],
      ['delete many', () => journal.deleteInteractions([target])],
      ['remove sample', () => journal.removeSample()],
    ];
    for (const [name, command] of commands) {
      expect(command, name).toThrow(reason ?? 'a reason');
    }
    expect(updates).toHaveLength(0);
    expect(journal.getSnapshot().interactions).toHaveLength(1);
  });

  it('undo and redo are refused too once a newer version’s journal arrives by sync', () => {
    const mine = aReplica();
    mine.migrate();
    const id = mine.addInteraction(anInteraction());
    mine.updateInteraction(id, { relevance: 1 });
    const newerDevice = aReplica();
    syncBoth(mine, newerDevice);
    newerDevice.ydoc.transact(() => {
      newerDevice.ydoc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    }, ORIGIN.remote);
    syncBoth(mine, newerDevice);

    const reason = new NewerSchemaError(SCHEMA_VERSION + 1).message;
    expect(mine.readOnlyReason).toBe(reason);
    expect(mine.canUndo).toBe(false);
    expect(mine.canRedo).toBe(false);
    expect(() => mine.undo()).toThrow(reason);
    expect(() => mine.redo()).toThrow(reason);
    expect(mine.get(id)?.relevance).toBe(1);
  });

  it('a current journal has no read-only reason', () => {
    const journal = aReplica();
    journal.migrate();
    expect(journal.readOnlyReason).toBeNull();
    expect(new JournalDoc(loadSaved(JOURNAL_V1_FILES.withMeta)).readOnlyReason).toBeNull();
  });
});

describe('migrations and sync timing', () => {
  it('a new device that stamped its empty journal still shows names in version-1 records it receives', () => {
    // The app migrates right after local storage loads, before sync: a new device stamps its
    // empty journal as current, then receives the old devices' records, never migrated.
    const newDevice = aReplica();
    newDevice.migrate();
    const oldDevice = new JournalDoc(loadSaved(JOURNAL_V1_FILES.withoutMeta));
    syncBoth(newDevice, oldDevice);

    expect(storedSchemaVersion(newDevice.ydoc)).toBe(SCHEMA_VERSION);
    expect(newDevice.migrate().applied).toEqual([]);
    expect(newDevice.get(id(1))).toMatchObject({
      people: ['Ana Lopez', 'Ben Ortiz'],
      timeZone: 'UTC',
    });
    expect(newDevice.get(id(2))?.people).toEqual(['Chidi Okafor', 'Dana Weiß']);
  });

  // A migration never rewrites editable fields, so a late migration elsewhere loses nothing.
  it('an edit made after migrating survives another device migrating later', () => {
    const laptop = new JournalDoc(loadSaved(JOURNAL_V1_FILES.withMeta, 101));
    const desktop = new JournalDoc(loadSaved(JOURNAL_V1_FILES.withMeta, 202));
    laptop.migrate();
    laptop.updateInteraction(id(1), {
      people: ['Ana Lopez', 'Ben Ortiz', 'Cy Diaz'],
      timeZone: 'Europe/Madrid',
    });
    desktop.migrate(); // offline, before it has seen the laptop's changes
    syncBoth(laptop, desktop);

    expect(desktop.get(id(1))).toEqual(laptop.get(id(1)));
    expect(laptop.get(id(1))).toMatchObject({
      people: ['Ana Lopez', 'Ben Ortiz', 'Cy Diaz'],
      timeZone: 'Europe/Madrid',
    });
  });
});
