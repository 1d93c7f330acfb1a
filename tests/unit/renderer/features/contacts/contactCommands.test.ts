import { describe, expect, it } from 'vitest';
import { contactIdsFor, namesToContacts } from '../../../../../shared/contacts';
import { EMPTY_CONTACT } from '../../../../../shared/domain';
import {
  mergeContacts,
  turnNamesIntoContacts,
} from '../../../../../renderer/src/features/contacts/contactCommands';
import { anInteraction } from '../../../../fixtures/interactions';
import { aReplica } from '../../../../fixtures/replicas';

describe('turning names into contacts and merging contacts', () => {
  it('groups spellings of one name, creates one contact each and links every interaction', () => {
    const journal = aReplica(1);
    const existing = journal.addRecord('contacts', { ...EMPTY_CONTACT, name: 'Ben Ortiz' });
    const ids = [
      journal.addInteraction(anInteraction({ people: ['Rosa Delgado', 'Ben Ortiz'] })),
      journal.addInteraction(anInteraction({ people: ['rosa delgádo'] })),
      journal.addInteraction(anInteraction({ people: ['Rosa Delgado'] })),
    ];
    const groups = namesToContacts(
      journal.getSnapshot().interactions,
      journal.getSnapshot().contacts,
    );
    expect(
      groups.map((group) => [group.name, group.interactionIds.length, group.contactId]),
    ).toEqual([
      ['Rosa Delgado', 3, null],
      ['Ben Ortiz', 1, existing],
    ]);
    expect(groups[0]?.spellings).toEqual([
      { name: 'Rosa Delgado', count: 2 },
      { name: 'rosa delgádo', count: 1 },
    ]);

    expect(turnNamesIntoContacts(journal, groups)).toBe(1);
    const snapshot = journal.getSnapshot();
    const rosa = snapshot.contacts.find((contact) => contact.name === 'Rosa Delgado');
    expect(snapshot.contacts).toHaveLength(2);
    for (const id of ids) expect(snapshot.byId.get(id)?.contactIds).toContain(rosa?.id);
    expect(snapshot.byId.get(ids[0] as (typeof ids)[number])?.contactIds).toContain(existing);
    expect(namesToContacts(snapshot.interactions, snapshot.contacts)).toEqual([]);

    journal.undo();
    expect(journal.getSnapshot().contacts).toHaveLength(1);
    expect(journal.getSnapshot().interactions.every((item) => item.contactIds.length === 0)).toBe(
      true,
    );
  });

  it('merging keeps every interaction linked, joins needs and offers, repoints introductions', () => {
    const journal = aReplica(1);
    const kept = journal.addRecord('contacts', {
      ...EMPTY_CONTACT,
      name: 'Rosa Delgado',
      offers: ['plant management experience'],
    });
    const duplicate = journal.addRecord('contacts', {
      ...EMPTY_CONTACT,
      name: 'R. Delgado',
      organisation: 'Northwind',
      offers: ['Plant Management Experience', 'ISO 9001 audits'],
    });
    const tom = journal.addRecord('contacts', { ...EMPTY_CONTACT, name: 'Tom Alvarez' });
    const both = journal.addInteraction(anInteraction({ contactIds: [kept, duplicate] }));
    const onlyDuplicate = Array.from({ length: 5 }, (_, n) =>
      journal.addInteraction(anInteraction({ title: `Call ${n}`, contactIds: [tom, duplicate] })),
    );
    const intro = journal.addRecord('introductions', {
      date: '2026-11-20',
      direction: 'made',
      needContactId: tom,
      offerContactId: duplicate,
      need: 'a plant manager',
      offer: 'plant management experience',
      outcome: '',
      suggestionKey: null,
    });

    mergeContacts(journal, kept, duplicate);

    const snapshot = journal.getSnapshot();
    expect(snapshot.contacts.map((contact) => contact.id).sort()).toEqual([kept, tom].sort());
    expect(snapshot.byId.get(both)?.contactIds).toEqual([kept]);
    for (const id of onlyDuplicate) expect(snapshot.byId.get(id)?.contactIds).toEqual([tom, kept]);
    expect(snapshot.interactions.filter((item) => item.contactIds.includes(kept))).toHaveLength(6);
    expect(journal.getRecord('contacts', kept)).toMatchObject({
      organisation: 'Northwind',
      offers: ['plant management experience', 'ISO 9001 audits'],
    });
    expect(journal.getRecord('introductions', intro)?.offerContactId).toBe(kept);

    journal.undo();
    expect(journal.getSnapshot().contacts).toHaveLength(3);
    expect(journal.getSnapshot().byId.get(both)?.contactIds).toEqual([kept, duplicate]);
  });

  it('merging contacts of different names writes the kept name where the other one was met', () => {
    const journal = aReplica(1);
    const bob = journal.addRecord('contacts', { ...EMPTY_CONTACT, name: 'Bob Smith' });
    const robert = journal.addRecord('contacts', { ...EMPTY_CONTACT, name: 'Robert Smith' });
    const call = journal.addInteraction(
      anInteraction({ people: ['Ana Lopez', 'Robert Smith'], contactIds: [robert] }),
    );
    const both = journal.addInteraction(
      anInteraction({ people: ['Bob Smith', 'robert smith'], contactIds: [bob, robert] }),
    );
    const unlinked = journal.addInteraction(anInteraction({ people: ['Robert Smith'] }));

    mergeContacts(journal, bob, robert);

    const snapshot = journal.getSnapshot();
    expect(snapshot.byId.get(call)).toMatchObject({
      people: ['Ana Lopez', 'Bob Smith'],
      contactIds: [bob],
    });
    expect(snapshot.byId.get(both)).toMatchObject({ people: ['Bob Smith'], contactIds: [bob] });
    // Not linked to the duplicate: what was typed there stays as it was.
    expect(snapshot.byId.get(unlinked)?.people).toEqual(['Robert Smith']);
    // Editing the names met keeps the link, and only the unlinked name is offered as a contact.
    const callNow = snapshot.byId.get(call);
    expect(contactIdsFor(callNow?.people ?? [], snapshot.contacts, callNow?.contactIds)).toEqual([
      bob,
    ]);
    const robertMet = namesToContacts(snapshot.interactions, snapshot.contacts).find(
      (group) => group.name === 'Robert Smith',
    );
    expect(robertMet?.interactionIds).toEqual([unlinked]);

    journal.undo();
    expect(journal.getSnapshot().byId.get(call)).toMatchObject({
      people: ['Ana Lopez', 'Robert Smith'],
      contactIds: [robert],
    });
  });

  it('merging contacts of one name (case and accents aside) keeps each spelling as typed', () => {
    const journal = aReplica(1);
    const kept = journal.addRecord('contacts', { ...EMPTY_CONTACT, name: 'Rosa Delgado' });
    const duplicate = journal.addRecord('contacts', { ...EMPTY_CONTACT, name: 'rosa delgádo' });
    const lunch = journal.addInteraction(
      anInteraction({ people: ['rosa delgádo'], contactIds: [duplicate] }),
    );

    mergeContacts(journal, kept, duplicate);

    expect(journal.getSnapshot().byId.get(lunch)).toMatchObject({
      people: ['rosa delgádo'],
      contactIds: [kept],
    });
  });
});
