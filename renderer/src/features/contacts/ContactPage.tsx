import { Anchor, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { contactFigures } from '../../../../shared/contacts';
import type { InteractionId } from '../../../../shared/domain';
import { formatHours, formatMean } from '../../../../shared/report';
import { useJournalSnapshot } from '../../app/journalContext';
import { formatDateTime } from '../../ui/format';
import { InteractionDrawer } from '../journal/InteractionDrawer';
import { useJournalActions } from '../journal/useJournalActions';
import { ContactFormModal } from './ContactFormModal';
import { ContactMergeModal } from './ContactMergeModal';
import { PhraseChips } from './ContactList';
import { Section } from '../../ui/Section';
import { ContactTimeline } from './ContactTimeline';
import { IntroductionLedger } from './IntroductionLedger';
import { SuggestedIntroductions } from './SuggestedIntroductions';
import { useContactActions } from './useContactActions';
import { useIntroductionSuggestions } from './useContactNames';

interface Props {
  contactId: string;
  onOpen: (contactId: string | null) => void;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}

/** One contact: time spent and its relevance, follow-ups, needs and offers, introductions. */
export function ContactPage({ contactId, onOpen }: Props) {
  const { contacts, interactions, introductions, readOnlyReason } = useJournalSnapshot();
  const contact = contacts.find((item) => item.id === contactId);
  const allSuggestions = useIntroductionSuggestions();
  const suggestions = useMemo(
    () => allSuggestions.forContact(contactId),
    [allSuggestions, contactId],
  );
  const firstSuggestions = useCallback(
    (limit: number) => suggestions.slice(0, limit),
    [suggestions],
  );
  const { saveContact, removeContact } = useContactActions();
  const { remove: removeInteraction } = useJournalActions();
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [openId, setOpenId] = useState<InteractionId | null>(null);
  const figures = useMemo(
    () => (contact ? contactFigures(contact, interactions) : null),
    [contact, interactions],
  );
  const back = (
    <Anchor component="button" type="button" onClick={() => onOpen(null)}>
      <Group gap={4}>
        <IconArrowLeft size={14} /> All contacts
      </Group>
    </Anchor>
  );
  if (!contact || !figures) {
    return (
      <Stack gap="sm" align="flex-start">
        {back}
        <Text>This contact no longer exists: it was deleted or merged into another.</Text>
      </Stack>
    );
  }
  const theirIntroductions = introductions.filter(
    (intro) => intro.needContactId === contact.id || intro.offerContactId === contact.id,
  );
  const details = [contact.role, contact.organisation].filter(Boolean).join(' at ');
  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {contact.name}
          </Title>
          {details && <Text>{details}</Text>}
          {contact.metHow && (
            <Text size="sm" c="dimmed">
              Met: {contact.metHow}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Button variant="default" onClick={() => setEditing(true)} disabled={!!readOnlyReason}>
            Edit
          </Button>
          <Button
            variant="default"
            onClick={() => setMerging(true)}
            disabled={!!readOnlyReason || contacts.length < 2}
          >
            Merge…
          </Button>
          <Button
            variant="default"
            color="red"
            disabled={!!readOnlyReason}
            onClick={() => {
              removeContact(contact);
              onOpen(null);
            }}
          >
            Delete
          </Button>
        </Group>
      </Group>
      <Section title="Time together">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label="Interactions" value={String(figures.interactions.length)} />
          <Figure label="Total time" value={formatHours(figures.totalMinutes)} />
          <Figure label="Relevance (time-weighted)" value={formatMean(figures.weightedRelevance)} />
          <Figure
            label="Last contact"
            value={figures.lastContact ? formatDateTime(figures.lastContact) : 'Not yet'}
          />
        </SimpleGrid>
        {figures.openFollowUps.length > 0 ? (
          <Stack gap={2}>
            <Text fw={500}>Open follow-ups</Text>
            {figures.openFollowUps.map((step, index) => (
              <Text key={`${step.interactionId ?? 'contact'}-${index}`} size="sm">
                {step.due ? `${step.due}: ` : ''}
                {step.text}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No open follow-ups.
          </Text>
        )}
      </Section>
      <Section title="Needs and offers">
        <PhraseChips needs={contact.needs} offers={contact.offers} />
        {contact.tags.length > 0 && <Text size="sm">Tags: {contact.tags.join(', ')}</Text>}
        {contact.notes && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {contact.notes}
          </Text>
        )}
      </Section>
      <Section title="Suggested introductions">
        <SuggestedIntroductions
          total={suggestions.length}
          firstOf={firstSuggestions}
          emptyText={`No introduction to suggest for ${contact.name} now. Their needs and offers are compared with every other contact’s.`}
        />
      </Section>
      <Section title="Introductions">
        <IntroductionLedger
          introductions={theirIntroductions}
          onOpen={onOpen}
          emptyText="None recorded yet."
        />
      </Section>
      <Section title="Interactions">
        <ContactTimeline
          interactions={figures.interactions}
          name={contact.name}
          onOpen={setOpenId}
        />
      </Section>
      <InteractionDrawer id={openId} onClose={() => setOpenId(null)} onDelete={removeInteraction} />
      {editing && (
        <ContactFormModal
          contact={contact}
          onClose={() => setEditing(false)}
          onSave={saveContact}
        />
      )}
      {merging && <ContactMergeModal contact={contact} onClose={() => setMerging(false)} />}
    </Stack>
  );
}
