import { TagsInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { contactIdsFor, normalisePhrase } from '../../../../shared/contacts';
import { EMPTY_CONTACT } from '../../../../shared/domain';
import { useJournal, useJournalPart } from '../../app/journalContext';
import { messageOf } from '../../ui/errors';

/** An option's value that means "create this contact"; no name starts with a NUL character. */
const CREATE = '\u0000create:';

interface Props {
  people: string[];
  /** The contacts linked so far; undefined while the interaction links none. */
  contactIds: string[] | undefined;
  error?: string | undefined;
  onChange: (people: string[], contactIds: string[] | undefined) => void;
}

/**
 * "People met": names, typed or chosen from contacts. A name that is a contact links it; a new
 * name can become a contact on the spot ("Create contact “X”"). Enter adds what was typed.
 */
export function PeopleInput({ people, contactIds, error, onChange }: Props) {
  const journal = useJournal();
  const contacts = useJournalPart((snapshot) => snapshot.contacts);
  const readOnlyReason = useJournalPart((snapshot) => snapshot.readOnlyReason);
  const [search, setSearch] = useState('');
  const names = useMemo(() => [...new Set(contacts.map((contact) => contact.name))], [contacts]);
  const typed = search.trim();
  const isContact = useMemo(() => {
    const key = normalisePhrase(typed);
    return contacts.some((contact) => normalisePhrase(contact.name) === key);
  }, [contacts, typed]);
  const canCreate = typed !== '' && !isContact && readOnlyReason === null;
  const data = canCreate
    ? [...names, { value: `${CREATE}${typed}`, label: `Create contact “${typed}”` }]
    : names;

  const change = (values: string[]) => {
    let all = contacts;
    const next = values.map((value) => {
      if (!value.startsWith(CREATE)) return value;
      const name = value.slice(CREATE.length);
      try {
        const id = journal.addRecord('contacts', { ...EMPTY_CONTACT, name });
        all = [...all, { ...EMPTY_CONTACT, name, id, createdAt: '', updatedAt: '' }];
        notifications.show({ message: `Contact “${name}” created.`, autoClose: 2500 });
      } catch (caught) {
        notifications.show({
          color: 'red',
          title: 'Contact not created',
          message: messageOf(caught),
        });
      }
      return name;
    });
    const ids = contactIdsFor(next, all, contactIds ?? []);
    onChange(next, ids.length === 0 && contactIds === undefined ? undefined : ids);
  };

  return (
    <TagsInput
      label="People met"
      placeholder="Type a name, then Enter or comma"
      value={people}
      onChange={change}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      limit={8}
      error={error}
      splitChars={[',', ';']}
      acceptValueOnBlur
    />
  );
}
