import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { namesToContacts, normalisePhrase } from '../../../../shared/contacts';
import type { Contact } from '../../../../shared/domain';
import { useJournal, useJournalSnapshot } from '../../app/journalContext';
import { messageOf } from '../../ui/errors';
import { mergeContacts, turnNamesIntoContacts } from './contactCommands';
import { useContactActions } from './useContactActions';

/** Contacts that share a name (case and accents aside), oldest first: candidates to merge. */
function duplicateContacts(contacts: readonly Contact[]): Contact[][] {
  const byName = new Map<string, Contact[]>();
  for (const contact of contacts) {
    const key = normalisePhrase(contact.name);
    byName.set(key, [...(byName.get(key) ?? []), contact]);
  }
  return [...byName.values()]
    .filter((group) => group.length > 1)
    .map((group) => [...group].sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Names typed in earlier interactions, turned into contacts in one step; duplicates merged. */
export function NamesToContactsModal({ onClose }: { onClose: () => void }) {
  const journal = useJournal();
  const { interactions, contacts } = useJournalSnapshot();
  const { undoNotice } = useContactActions();
  const groups = useMemo(() => namesToContacts(interactions, contacts), [interactions, contacts]);
  const duplicates = useMemo(() => duplicateContacts(contacts), [contacts]);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const chosen = groups.filter((group) => !unticked.has(group.key));

  const toggle = (key: string) =>
    setUnticked((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const create = () => {
    try {
      const created = turnNamesIntoContacts(journal, chosen);
      undoNotice(
        'Names turned into contacts',
        `${plural(created, 'contact')} created, interactions linked.`,
      );
      onClose();
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  const merge = (group: Contact[]) => {
    const [kept, ...rest] = group as [Contact, ...Contact[]];
    try {
      for (const duplicate of rest) mergeContacts(journal, kept.id, duplicate.id);
      undoNotice('Contacts merged', `Merged into “${kept.name}”; every interaction stays linked.`);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <Modal opened onClose={onClose} title="Turn names into contacts" size="lg">
      <Stack gap="md">
        {error && (
          <Alert color="red" role="alert" title="Not done">
            {error}
          </Alert>
        )}
        {groups.length === 0 ? (
          <Text size="sm">
            Every name in your journal is already a contact. Names you type under “People met” show
            up here until they are.
          </Text>
        ) : (
          <>
            <Text size="sm">
              These names appear in earlier interactions. Each ticked one becomes a contact (or
              joins the contact of that name), and its interactions are linked to it. Spellings that
              differ only in case or accents are one person.
            </Text>
            <Stack gap="xs" role="group" aria-label="Names from earlier interactions">
              {groups.map((group) => (
                <Checkbox
                  key={group.key}
                  checked={!unticked.has(group.key)}
                  onChange={() => toggle(group.key)}
                  label={`${group.name} (${plural(group.interactionIds.length, 'interaction')})`}
                  description={[
                    group.spellings.length > 1
                      ? `Also written ${group.spellings
                          .slice(1)
                          .map((spelling) => `“${spelling.name}”`)
                          .join(', ')}`
                      : '',
                    group.contactId ? 'Links to the existing contact' : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              ))}
            </Stack>
            <Group justify="flex-end">
              <Button onClick={create} disabled={chosen.length === 0}>
                Turn {plural(chosen.length, 'name')} into contacts
              </Button>
            </Group>
          </>
        )}
        {duplicates.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              Contacts with the same name
            </Title>
            {duplicates.map((group) => (
              <Group key={group[0]?.id} justify="space-between">
                <Text size="sm">
                  {group.map((contact) => contact.name).join(', ')} ({group.length} contacts)
                </Text>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => merge(group)}
                  aria-label={`Merge the ${group.length} contacts named ${group[0]?.name}`}
                >
                  Merge
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
