import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { DayNumber, JournalFacts, Period } from '../../../../shared/analytics';
import { followUpFiguresFor } from '../../../../shared/followUps';
import { useJournalPart } from '../../app/journalContext';
import { Section } from '../../ui/Section';
import { periodTitle } from './PeriodStepper';

interface Props {
  readonly facts: JournalFacts;
  readonly period: Period;
  readonly today: DayNumber;
}

/** How the follow-ups due in the period went: interactions' next steps and contacts' alike. */
export function FollowUpSection({ facts, period, today }: Props) {
  const contacts = useJournalPart((snapshot) => snapshot.contacts);
  const figures = useMemo(
    () => followUpFiguresFor(facts, contacts, period, today),
    [facts, contacts, period, today],
  );
  const cells = [
    { label: 'Due', value: figures.due },
    { label: 'Done on time', value: figures.doneOnTime },
    { label: 'Done late', value: figures.doneLate },
    { label: 'Overdue', value: figures.overdue },
  ];
  return (
    <Section title="Follow-ups">
      <Text size="sm" c="dimmed">
        Next steps of interactions and contacts due in {periodTitle(period)}.
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {cells.map(({ label, value }) => (
          <Stack key={label} gap={0}>
            <Text size="xl" fw={700} c={label === 'Overdue' && value > 0 ? 'red' : undefined}>
              {value}
            </Text>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Section>
  );
}
