import { Button, Group, Stack, Title } from '@mantine/core';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useJournalPart } from '../../app/journalContext';
import { ContactFormModal } from './ContactFormModal';
import { Section } from '../../ui/Section';
import { ContactList } from './ContactList';
import { ContactPage } from './ContactPage';
import { IntroductionLedger } from './IntroductionLedger';
import { NamesToContactsModal } from './NamesToContactsModal';
import { SuggestedIntroductions } from './SuggestedIntroductions';
import { useContactActions } from './useContactActions';
import { useIntroductionSuggestions } from './useContactNames';

interface Props {
  /** The contact whose page is open, or null for the list. */
  contactId: string | null;
  onOpen: (contactId: string | null) => void;
}

/** Who you know, what they need and offer, and the introductions that connect them. */
export function ContactsScreen({ contactId, onOpen }: Props) {
  if (contactId !== null) return <ContactPage contactId={contactId} onOpen={onOpen} />;
  return <ContactsOverview onOpen={onOpen} />;
}

function ContactsOverview({ onOpen }: { onOpen: (contactId: string | null) => void }) {
  const introductions = useJournalPart((snapshot) => snapshot.introductions);
  const readOnlyReason = useJournalPart((snapshot) => snapshot.readOnlyReason);
  const suggestions = useIntroductionSuggestions();
  const { saveContact } = useContactActions();
  const [adding, setAdding] = useState(false);
  const [turningNames, setTurningNames] = useState(false);
  const readOnly = readOnlyReason !== null;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Contacts
        </Title>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconUsers size={16} />}
            onClick={() => setTurningNames(true)}
            disabled={readOnly}
          >
            Turn names into contacts…
          </Button>
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setAdding(true)}
            disabled={readOnly}
          >
            Add contact
          </Button>
        </Group>
      </Group>
      <Section title="Suggested introductions">
        <SuggestedIntroductions
          total={suggestions.count}
          firstOf={suggestions.first}
          emptyText="When one contact needs what another offers (or is), the introduction is suggested here. Add needs and offers to your contacts to connect the dots."
        />
      </Section>
      <ContactList onOpen={onOpen} onAdd={() => setAdding(true)} />
      <Section title="Introductions ledger">
        <IntroductionLedger
          introductions={introductions}
          onOpen={onOpen}
          emptyText="No introductions recorded yet. Record one from a suggestion, and note what came of it."
        />
      </Section>
      {adding && (
        <ContactFormModal
          contact={null}
          onClose={() => setAdding(false)}
          onSave={(id, fields) => {
            const saved = saveContact(id, fields);
            onOpen(saved);
            return saved;
          }}
        />
      )}
      {turningNames && <NamesToContactsModal onClose={() => setTurningNames(false)} />}
    </Stack>
  );
}
