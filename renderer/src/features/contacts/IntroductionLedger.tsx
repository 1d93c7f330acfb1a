import { Anchor, Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { Introduction } from '../../../../shared/domain';
import { IntroductionFormModal } from './IntroductionFormModal';
import { useContactActions } from './useContactActions';
import { useContactNames } from './useContactNames';

interface Props {
  introductions: readonly Introduction[];
  onOpen: (contactId: string) => void;
  emptyText: string;
}

/** The introductions ledger: made and received, between whom, about what, and what came of it. */
export function IntroductionLedger({ introductions, onOpen, emptyText }: Props) {
  const { saveIntroduction } = useContactActions();
  const nameOf = useContactNames();
  const [editing, setEditing] = useState<Introduction | null>(null);
  if (introductions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  const person = (id: string) => (
    <Anchor component="button" type="button" onClick={() => onOpen(id)}>
      {nameOf(id)}
    </Anchor>
  );
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label="Introductions ledger" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>About</Table.Th>
              <Table.Th>What came of it</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {introductions.map((intro) => (
              <Table.Tr key={intro.id}>
                <Table.Td>
                  {intro.date}{' '}
                  <Badge variant="light" color={intro.direction === 'made' ? 'indigo' : 'teal'}>
                    {intro.direction === 'made' ? 'Made' : 'Received'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {person(intro.offerContactId)} → {person(intro.needContactId)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {intro.offer || '–'} / {intro.need || '–'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{intro.outcome || 'Not noted yet'}</Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setEditing(intro)}
                    aria-label={`Edit the introduction of ${nameOf(intro.offerContactId)} to ${nameOf(intro.needContactId)}`}
                  >
                    Edit
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && (
        <IntroductionFormModal
          id={editing.id}
          between={`${nameOf(editing.offerContactId)} → ${nameOf(editing.needContactId)}`}
          initial={{
            date: editing.date,
            direction: editing.direction,
            needContactId: editing.needContactId,
            offerContactId: editing.offerContactId,
            need: editing.need,
            offer: editing.offer,
            outcome: editing.outcome,
            suggestionKey: editing.suggestionKey,
          }}
          onClose={() => setEditing(null)}
          onSave={saveIntroduction}
        />
      )}
    </>
  );
}
