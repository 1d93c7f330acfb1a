import { Anchor, Group, Stack, Text } from '@mantine/core';
import {
  INTERACTION_KIND_LABELS,
  type Interaction,
  type InteractionId,
} from '../../../../shared/domain';
import { RelevanceBadge } from '../../ui/RelevanceBadge';
import { formatDateTime, formatDuration } from '../../ui/format';

/**
 * The interactions with one contact, newest first: when, what, how long, how relevant. Each
 * title opens the interaction, to edit it or write the reflection.
 */
export function ContactTimeline({
  interactions,
  name,
  onOpen,
}: {
  interactions: readonly Interaction[];
  name: string;
  onOpen: (id: InteractionId) => void;
}) {
  if (interactions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No interaction is linked to {name} yet. Choose them under “People met” when you log one.
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      {interactions.map((item) => (
        <Group key={item.id} component="li" justify="space-between" wrap="nowrap">
          <Stack gap={0} align="flex-start">
            <Anchor
              component="button"
              type="button"
              fw={500}
              ta="left"
              aria-label={`Open ${item.title}`}
              onClick={() => onOpen(item.id)}
            >
              {item.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {formatDateTime(item.startedAt)} · {INTERACTION_KIND_LABELS[item.kind]} ·{' '}
              {formatDuration(item.durationMinutes)}
            </Text>
          </Stack>
          <RelevanceBadge relevance={item.relevance} />
        </Group>
      ))}
    </Stack>
  );
}
