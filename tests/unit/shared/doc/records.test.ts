import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RecordValidationError, type ContactFields } from '../../../../shared/domain';
import { anInteraction } from '../../../fixtures/interactions';
import { aReplica, reloaded, syncBoth } from '../../../fixtures/replicas';

const aContact = (overrides: Partial<ContactFields> = {}): ContactFields => ({
  name: 'Rosa Delgado',
  organisation: 'Northwind Turbines',
  role: 'Former plant manager',
  metHow: 'Lunch at the Chamber mixer',
  tags: ['manufacturing'],
  needs: [],
  offers: ['plant management experience'],
  notes: '',
  nextStep: '',
  nextStepDue: null,
  nextStepDone: null,
  ...overrides,
});

describe('goals, contacts, planned events and introductions in the journal', () => {
  it('adds records that read back with their fields, in each list’s order, after a reload', () => {
    const journal = aReplica(1);
    const rosa = journal.addRecord('contacts', aContact());
    journal.addRecord('contacts', aContact({ name: 'ángel Ruiz', offers: [] }));
    journal.addRecord('goals', {
      kind: 'role',
      description: 'Plant manager in food manufacturing',
      activeFrom: '2026-10-01',
      activeTo: null,
    });
    journal.addRecord('plannedEvents', {
      date: '2026-12-03',
      kind: 'conference',
      title: 'Food Manufacturing Summit',
      organiser: 'FMA',
      cost: 250,
      expectedMinutes: 480,
      researchNotes: '',
      expectedRelevance: 2,
      decision: 'skip',
      decisionReason: 'Mostly vendors',
      goalIds: [],
      interactionId: null,
    });
    const { contacts, goals, plannedEvents } = reloaded(journal).getSnapshot();
    expect(contacts.map((contact) => contact.name)).toEqual(['ángel Ruiz', 'Rosa Delgado']);
    expect(contacts[1]).toMatchObject({ id: rosa, ...aContact() });
    expect(goals[0]).toMatchObject({ kind: 'role', activeTo: null });
    expect(plannedEvents[0]).toMatchObject({ decision: 'skip', expectedRelevance: 2, cost: 250 });
  });

  it('tidies phrases and refuses what is not valid, field by field', () => {
    const journal = aReplica(1);
    const id = journal.addRecord(
      'contacts',
      aContact({ tags: [' plants ', 'Plants', '', 'food'], needs: ['  a plant manager '] }),
    );
    expect(journal.getRecord('contacts', id)).toMatchObject({
      tags: ['plants', 'food'],
      needs: ['a plant manager'],
    });
    let thrown: unknown;
    try {
      journal.addRecord('contacts', aContact({ name: '  ', nextStepDue: '2026-02-30' }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RecordValidationError);
    expect((thrown as RecordValidationError).errors).toEqual({
      name: 'Give the contact a name.',
      nextStepDue: 'The due date is not a real date (YYYY-MM-DD).',
    });
  });

  it('checks an update against the whole record: a goal cannot end before it starts', () => {
    const journal = aReplica(1);
    const goal = journal.addRecord('goals', {
      kind: 'industry',
      description: 'Battery storage',
      activeFrom: '2026-10-01',
      activeTo: '2026-12-31',
    });
    expect(() => journal.updateRecord('goals', goal, { activeTo: '2026-09-30' })).toThrow(
      'The end cannot be before the start.',
    );
    journal.updateRecord('goals', goal, { activeTo: null });
    expect(journal.getRecord('goals', goal)?.activeTo).toBeNull();
  });

  it('keeps both devices’ edits to different fields of one contact', () => {
    const laptop = aReplica(1);
    const desktop = aReplica(2);
    const rosa = laptop.addRecord('contacts', aContact());
    syncBoth(laptop, desktop);
    laptop.updateRecord('contacts', rosa, { needs: ['a sales lead'] });
    desktop.updateRecord('contacts', rosa, { role: 'Operations consultant' });
    syncBoth(laptop, desktop);
    for (const journal of [laptop, desktop]) {
      expect(journal.getRecord('contacts', rosa)).toMatchObject({
        needs: ['a sales lead'],
        role: 'Operations consultant',
        offers: ['plant management experience'],
      });
    }
  });

  it('undoes a deleted contact, and only this device’s commands', () => {
    const journal = aReplica(1);
    const rosa = journal.addRecord('contacts', aContact());
    journal.deleteRecords('contacts', [rosa]);
    expect(journal.getSnapshot().contacts).toHaveLength(0);
    journal.undo();
    expect(journal.getRecord('contacts', rosa)?.name).toBe('Rosa Delgado');
  });

  it('reads a record another client damaged with defaults for the bad fields only', () => {
    const journal = aReplica(1);
    const rosa = journal.addRecord('contacts', aContact());
    const record = journal.ydoc.getMap('contacts').get(rosa) as Y.Map<unknown>;
    journal.ydoc.transact(() => {
      record.set('needs', 'not a list');
      record.set('nextStepDue', 42);
    });
    expect(journal.getRecord('contacts', rosa)).toMatchObject({
      ...aContact(),
      needs: [],
      nextStepDue: null,
    });
    journal.ydoc.getMap('contacts').set('junk', 'not a record');
    expect(journal.getSnapshot().contacts).toHaveLength(1);
  });

  it('links interactions to goals and contacts, and an edit of another field keeps the links', () => {
    const journal = aReplica(1);
    const rosa = journal.addRecord('contacts', aContact());
    const lunch = journal.addInteraction(
      anInteraction({ title: 'Lunch', contactIds: [rosa, rosa], goalIds: ['goal-1'] }),
    );
    journal.updateInteraction(lunch, { relevance: 5 });
    expect(reloaded(journal).get(lunch)).toMatchObject({
      contactIds: [rosa],
      goalIds: ['goal-1'],
      relevance: 5,
    });
    const older = journal.addInteraction(anInteraction({ title: 'Older' }));
    expect(journal.get(older)).toMatchObject({ contactIds: [], goalIds: [] });
  });

  it('dismisses a suggestion on every device, once', () => {
    const laptop = aReplica(1);
    const desktop = aReplica(2);
    laptop.dismissSuggestion('intro:a>b', '2026-11-20');
    laptop.dismissSuggestion('intro:a>b', '2026-11-21');
    syncBoth(laptop, desktop);
    expect([...desktop.getSnapshot().dismissedSuggestions]).toEqual(['intro:a>b']);
  });

  it('restores records from a backup along with the interactions', () => {
    const journal = aReplica(1);
    journal.migrate();
    const rosa = journal.addRecord('contacts', aContact());
    const backup = journal.encode();
    journal.updateRecord('contacts', rosa, { offers: [] });
    journal.addRecord('contacts', aContact({ name: 'Later contact' }));
    journal.dismissSuggestion('intro:x', '2026-11-25');
    journal.restoreFrom(backup);
    const { contacts, dismissedSuggestions } = journal.getSnapshot();
    expect(contacts.map((contact) => [contact.name, contact.offers])).toEqual([
      ['Rosa Delgado', ['plant management experience']],
    ]);
    expect(dismissedSuggestions.size).toBe(0);
  });
});
