import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Contact } from '../../../../shared/domain';
import { useJournal, useJournalSnapshot } from '../../app/journalContext';
import { messageOf } from '../../ui/errors';
import { mergeContacts } from './contactCommands';
import { useContactActions } from './useContactActions';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** A contact as the merge list names it: "Tom Alvarez (Acme Foods)". */
const contactLabel = (contact: Contact) =>
  contact.organisation ? `${contact.name} (${contact.organisation})` : contact.name;

/**
 * One person under two contacts ("Bob Smith" and "Robert Smith"): the chosen one is merged
 * into `contact` in one undoable step.
 */
export function ContactMergeModal({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const journal = useJournal();
  const { contacts, interactions, introductions } = useJournalSnapshot();
  const { undoNotice } = useContactActions();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const options = useMemo(
    () =>
      contacts
        .filter((other) => other.id !== contact.id)
        .map((other) => ({ value: other.id, label: contactLabel(other) })),
    [contacts, contact.id],
  );
  const chosen = contacts.find((other) => other.id === chosenId && other.id !== contact.id);
  const moving = chosen && {
    interactions: interactions.filter((item) => item.contactIds.includes(chosen.id)).length,
    introductions: introductions.filter(
      (intro) => intro.needContactId === chosen.id || intro.offerContactId === chosen.id,
    ).length,
  };

  const merge = () => {
    if (!chosen) return;
    try {
      mergeContacts(journal, contact.id, chosen.id);
    } catch (caught) {
      setError(messageOf(caught));
      return;
    }
    undoNotice('Contacts merged', `“${chosen.name}” was merged into “${contact.name}”.`);
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={`Merge into “${contact.name}”`} size="lg">
      <Stack gap="md">
        {error && (
          <Alert color="red" role="alert" title="Not merged">
            {error}
          </Alert>
        )}
        <Text size="sm">
          When one person has two contacts, choose the other one. Its interactions, introductions,
          needs, offers and tags move to {contact.name}, its empty details are filled in, and the
          chosen contact is deleted. Interactions that name it name {contact.name} instead.
        </Text>
        <Select
          label="Contact to merge"
          placeholder="Search by name"
          data={options}
          value={chosenId}
          onChange={setChosenId}
          searchable
          nothingFoundMessage="No other contact by that name"
          data-autofocus
        />
        {chosen && moving && (
          <Text size="sm" c="dimmed">
            {plural(moving.interactions, 'interaction')} and{' '}
            {plural(moving.introductions, 'introduction')} move from “{chosen.name}” to{' '}
            {contact.name}. Undo brings it all back.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={merge} disabled={!chosen}>
            Merge
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
