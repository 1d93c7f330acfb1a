import { describe, expect, it } from 'vitest';
import { namesToContacts } from '../../../../../shared/contacts';
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
});
