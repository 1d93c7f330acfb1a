import { CloseButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { JournalFacts, Period } from '../../../../shared/analytics';
import { formatHours, periodLabelWithYear } from '../../../../shared/report';
import { formatDateTime, formatDuration } from '../../ui/format';
import { RelevanceBadge } from '../../ui/RelevanceBadge';

interface Props {
  readonly facts: JournalFacts;
  readonly period: Period;
  readonly onClose: () => void;
}

/** The interactions behind one bar of a chart. */
export function PeriodInteractions({ facts, period, onClose }: Props) {
  const items = facts.interactionsIn(period);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [period]);
  const minutes = items.reduce((sum, item) => sum + item.durationMinutes, 0);
  const label = periodLabelWithYear(period);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`Interactions, ${label}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4" ref={heading} tabIndex={-1}>
            Interactions, {label}
          </Title>
          <CloseButton aria-label="Close the list" onClick={onClose} />
        </Group>
        <Text size="sm" c="dimmed">
          {items.length} interaction{items.length === 1 ? '' : 's'}, {formatHours(minutes)}
        </Text>
        {items.length > 0 && (
          <Table fz="sm" aria-label={`Interactions, ${label} (list)`}>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td c="dimmed" w={170}>
                    {formatDateTime(item.startedAt)}
                  </Table.Td>
                  <Table.Td>{item.title}</Table.Td>
                  <Table.Td ta="right" w={110}>
                    {formatDuration(item.durationMinutes)}
                  </Table.Td>
                  <Table.Td w={110}>
                    <RelevanceBadge relevance={item.relevance} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
