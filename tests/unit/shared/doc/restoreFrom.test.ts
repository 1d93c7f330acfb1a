import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeJournalFile, JournalDoc, ORIGIN, reflectionEntry } from '../../../../shared/doc';
import { anInteraction } from '../../../fixtures/interactions';
import { JOURNAL_V1_FILES } from '../../../fixtures/make-journal-v1';
import { aReplica, reflectionsOf, reloaded, syncBoth } from '../../../fixtures/replicas';

/** Makes part of the first paragraph of a reflection bold, as the editor would. */
function emphasise(journal: JournalDoc, id: string) {
  const fragment = journal.reflectionFragment(id as never);
  const text = (fragment?.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  text.format(0, 8, { bold: {} });
  journal.openReflections?.writeTexts();
}

/**
 * What a person sees of a journal: every interaction's fields, its reflection's plain text
 * and rich text, notes, settings.
 */
function seen(journal: JournalDoc) {
  const { interactions, monthNotes, analyticsSettings } = journal.getSnapshot();
  const reflections = reflectionsOf(journal);
  return {
    interactions: interactions
      .map(({ updatedAt: _u, ...fields }) => ({
        ...fields,
        rich: reflectionEntry(reflections, fields.id)?.toJSON() ?? '',
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    monthNotes: [...monthNotes.entries()],
    analyticsSettings,
  };
}

/** A journal at backup time: an edited coffee, a conference with a reflection, a note. */
function journalAtBackup() {
  const laptop = aReplica(1);
  laptop.migrate();
  const coffee = laptop.addInteraction(anInteraction({ title: 'Coffee', relevance: 4 }));
  const summit = laptop.addInteraction(anInteraction({ title: 'Summit', durationMinutes: 180 }), {
    reflection: ['Too many sales pitches.', 'Chidi was worth it.'],
  });
  emphasise(laptop, summit);
  laptop.setMonthNote('2026-11', 'Fewer expos.');
  return { laptop, coffee, summit, backup: laptop.encodeFile(), before: seen(laptop) };
}

describe('restoring a backup as new changes', () => {
  it('brings back what was deleted, removes what came later and undoes edits', () => {
    const { laptop, coffee, summit, backup, before } = journalAtBackup();
    laptop.updateInteraction(coffee, { relevance: 1, outcome: 'Changed later' });
    const fragment = laptop.reflectionFragment(summit);
    fragment?.delete(0, 1);
    laptop.openReflections?.writeTexts();
    laptop.deleteInteraction(summit);
    laptop.addInteraction(anInteraction({ title: 'Added after the backup' }));
    laptop.setMonthNote('2026-11', 'Fewer expos, more coffees.');
    laptop.setMonthNote('2026-12', 'A note from later');
    laptop.setAnalyticsSettings({
      ...laptop.getSnapshot().analyticsSettings,
      weekStartsOn: 0,
    });

    laptop.restoreFrom(backup);
    expect(seen(laptop)).toEqual(before);
    expect(seen(reloaded(laptop))).toEqual(before);
  });

  it('restores on another device too, where replacing the stored document would not', () => {
    const { laptop, coffee, summit, backup, before } = journalAtBackup();
    const desktop = aReplica(2);
    syncBoth(laptop, desktop);
    // After the backup, the desktop changes the journal, and the laptop learns of it.
    desktop.updateInteraction(coffee, { title: 'Coffee, renamed on the desktop' });
    desktop.deleteInteraction(summit);
    syncBoth(laptop, desktop);

    laptop.restoreFrom(backup);
    syncBoth(laptop, desktop);
    expect(seen(desktop)).toEqual(before);
    expect(seen(laptop)).toEqual(before);
  });

  it('only changes what differs: a restore of the current state is no change at all', () => {
    const { laptop, backup } = journalAtBackup();
    const updates: Uint8Array[] = [];
    laptop.ydoc.on('update', (update: Uint8Array) => updates.push(update));
    reflectionsOf(laptop).on('update', (update: Uint8Array) => updates.push(update));
    laptop.restoreFrom(backup);
    expect(updates).toHaveLength(0);
  });

  it('restores on a device that never had the reflections, as the same entries its devices hold', () => {
    const { laptop, summit, backup, before } = journalAtBackup();
    const phone = aReplica(5);
    phone.migrate();
    // The phone had only the journal, or nothing: it restores the laptop's backup.
    phone.restoreFrom(backup);
    expect(seen(phone)).toEqual(before);
    expect(reflectionEntry(reflectionsOf(phone), summit)?._item?.id).toEqual(
      reflectionEntry(reflectionsOf(laptop), summit)?._item?.id,
    );
    // Meeting the laptop, whose reflections are the same items: nothing doubles.
    laptop.reflectionFragment(summit)?.insert(0, [new Y.XmlElement('paragraph')]);
    syncBoth(laptop, phone);
    expect(seen(phone)).toEqual(seen(laptop));
    const text = laptop.openReflections?.textOf(summit) ?? '';
    expect(text).toBe('\nToo many sales pitches.\nChidi was worth it.');
  });

  it('keeps an edit another device makes after the restore, to a restored record', () => {
    const { laptop, coffee, backup } = journalAtBackup();
    const desktop = aReplica(2);
    syncBoth(laptop, desktop);
    laptop.updateInteraction(coffee, { relevance: 2 });
    laptop.restoreFrom(backup);
    syncBoth(laptop, desktop);
    desktop.updateInteraction(coffee, { outcome: 'Met her boss' });
    syncBoth(laptop, desktop);
    expect(laptop.get(coffee)).toMatchObject({ relevance: 4, outcome: 'Met her boss' });
  });

  it('brings an older schema’s backup to the current schema first', () => {
    const current = aReplica(3);
    current.migrate();
    current.addInteraction(anInteraction({ title: 'Only in the current journal' }));
    const v1 = new Uint8Array(readFileSync(JOURNAL_V1_FILES.withMeta));
    const migrated = new JournalDoc(new Y.Doc());
    migrated.applyUpdate(v1, ORIGIN.restore);
    migrated.migrate();
    const moved = migrated.attachReflections(new Y.Doc());
    moved.copyOldReflections();
    moved.dropOldReflections();

    current.restoreFrom(v1);
    expect(seen(current).interactions).toEqual(seen(migrated).interactions);
  });

  it('refuses bytes that hold no journal, and changes nothing', () => {
    const { laptop, before } = journalAtBackup();
    expect(() => laptop.restoreFrom(Y.encodeStateAsUpdate(new Y.Doc()))).toThrow(
      /no Relevant journal/,
    );
    expect(() => laptop.restoreFrom(new Uint8Array([1, 2, 3]))).toThrow();
    expect(seen(laptop)).toEqual(before);
  });
});

describe('restoring a backup made while the reflections were not open', () => {
  it('restores the journal and leaves the reflections’ rich text as it is', () => {
    const { laptop, summit } = journalAtBackup();
    const withoutReflections = encodeJournalFile({ journal: laptop.encode(), reflections: null });
    const before = reflectionEntry(reflectionsOf(laptop), summit)?.toJSON();
    laptop.updateInteraction(summit, { title: 'Renamed after the backup' });
    laptop.restoreFrom(withoutReflections);
    expect(laptop.get(summit)?.title).toBe('Summit');
    expect(before).toContain('Chidi');
    expect(reflectionEntry(reflectionsOf(laptop), summit)?.toJSON()).toBe(before);
  });
});
