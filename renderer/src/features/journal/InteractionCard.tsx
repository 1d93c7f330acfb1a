import {
  ActionIcon,
  Badge,
  Group,
  Paper,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import {
  INTERACTION_KIND_LABELS,
  type Interaction,
  type InteractionId,
} from '../../../../shared/domain';
import { formatDuration, formatTime } from '../../ui/format';
import { RelevanceBadge } from '../../ui/RelevanceBadge';

interface Props {
  interaction: Interaction;
  onOpen: (id: InteractionId) => void;
  onDelete: (id: InteractionId) => void;
}

/** One interaction in the timeline: what, when, how long, how relevant, at a glance. */
export function InteractionCard({ interaction: item, onOpen, onDelete }: Props) {
  const notes = [item.outcome && `Got: ${item.outcome}`, item.nextStep && `Next: ${item.nextStep}`]
    .filter(Boolean)
    .join(' · ');
  return (
    <Paper component="article" aria-label={item.title} withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <UnstyledButton
          onClick={() => onOpen(item.id)}
          style={{ flex: 1, minWidth: 0 }}
          aria-label={`Open ${item.title}`}
        >
          <Stack gap={4}>
            <Group gap="xs" wrap="nowrap">
              <Text fw={600} truncate>
                {item.title}
              </Text>
              {item.sample && (
                <Badge size="xs" variant="dot" color="gray">
                  Sample
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {formatTime(item.startedAt)} · {formatDuration(item.durationMinutes)} ·{' '}
              {INTERACTION_KIND_LABELS[item.kind]}
              {item.place && ` · ${item.place}`}
            </Text>
            {item.people.length > 0 && (
              <Text size="sm" truncate>
                With {item.people.join(', ')}
              </Text>
            )}
            {notes && (
              <Text size="sm" c="dimmed" lineClamp={2}>
                {notes}
              </Text>
            )}
          </Stack>
        </UnstyledButton>
        <Group gap="xs" wrap="nowrap">
          <RelevanceBadge relevance={item.relevance} />
          <Tooltip label="Delete">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Delete ${item.title}`}
              onClick={() => onDelete(item.id)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Paper>
  );
}
