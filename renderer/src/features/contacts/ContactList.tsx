import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { normalisePhrase } from '../../../../shared/contacts';
import type { Contact } from '../../../../shared/domain';
import { useJournalPart } from '../../app/journalContext';
import { Section } from '../../ui/Section';

const searchTextOf = (contact: Contact) =>
  normalisePhrase(
    [
      contact.name,
      contact.organisation,
      contact.role,
      ...contact.tags,
      ...contact.needs,
      ...contact.offers,
    ].join(' '),
  );

/** Every contact, searchable by name, organisation, role, tags, needs and offers. */
export function ContactList({
  onOpen,
  onAdd,
}: {
  onOpen: (contactId: string) => void;
  onAdd: () => void;
}) {
  const contacts = useJournalPart((snapshot) => snapshot.contacts);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const words = normalisePhrase(query).split(' ').filter(Boolean);
    if (words.length === 0) return contacts;
    return contacts.filter((contact) => {
      const text = searchTextOf(contact);
      return words.every((word) => text.includes(word));
    });
  }, [contacts, query]);

  if (contacts.length === 0) {
    return (
      <Section title="People">
        <Stack gap="xs" align="flex-start">
          <Text>
            Contacts are the people who can help you, and whom you can help. Note what each needs
            and offers, and Relevant suggests who to introduce to whom.
          </Text>
          <Group gap="xs">
            <Button onClick={onAdd}>Add your first contact</Button>
            <Text size="sm" c="dimmed">
              or turn the names in your journal into contacts.
            </Text>
          </Group>
        </Stack>
      </Section>
    );
  }
  return (
    <Section title="People">
      <TextInput
        label="Search contacts"
        placeholder="Name, organisation, role, need or offer"
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        type="search"
      />
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          No contact matches “{query}”.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Contacts" verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Organisation and role</Table.Th>
                <Table.Th>Needs and offers</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((contact) => (
                <Table.Tr key={contact.id}>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => onOpen(contact.id)}>
                      {contact.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {[contact.organisation, contact.role].filter(Boolean).join(' · ') || '–'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <PhraseChips needs={contact.needs} offers={contact.offers} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

/** Needs and offers as small chips, told apart by word and colour. */
export function PhraseChips({
  needs,
  offers,
}: {
  needs: readonly string[];
  offers: readonly string[];
}) {
  if (needs.length === 0 && offers.length === 0) return <Text size="sm">–</Text>;
  return (
    <Group gap={4}>
      {needs.map((need) => (
        <Badge key={`n-${need}`} variant="light" color="orange" tt="none">
          Needs: {need}
        </Badge>
      ))}
      {offers.map((offer) => (
        <Badge key={`o-${offer}`} variant="light" color="teal" tt="none">
          Offers: {offer}
        </Badge>
      ))}
    </Group>
  );
}
