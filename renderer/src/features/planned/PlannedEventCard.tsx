import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconNotebook, IconPencil, IconTrash } from '@tabler/icons-react';
import {
  DECISION_LABELS,
  INTERACTION_KIND_LABELS,
  type Decision,
  type Interaction,
  type PlannedEvent,
} from '../../../../shared/domain';
import { formatDifference } from '../../../../shared/plans';
import { formatDuration } from '../../ui/format';
import type { ChosenDecision } from './DecisionPrompt';

const DECISION_COLORS: Record<Decision, string> = {
  undecided: 'yellow',
  go: 'teal',
  skip: 'gray',
};

const calendarDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "Tue, 3 Nov 2026" for 2026-11-03, whatever the time zone. */
export function formatEventDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return calendarDay.format(new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

const costFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

interface Props {
  readonly event: PlannedEvent;
  /** The interaction it was logged as, if it still exists. */
  readonly logged: Interaction | undefined;
  /** The descriptions of the goals it could serve. */
  readonly goals: readonly string[];
  /** Whether to ask how it went (its day has come, not skipped, nothing logged). */
  readonly asksForLog: boolean;
  readonly readOnly: boolean;
  readonly onDecide: (event: PlannedEvent, decision: ChosenDecision) => void;
  readonly onLog: (event: PlannedEvent) => void;
  readonly onEdit: (event: PlannedEvent) => void;
  readonly onDelete: (event: PlannedEvent) => void;
}

/** One planned event: what, when, what it costs, what is expected, and the decision. */
export function PlannedEventCard({
  event,
  logged,
  goals,
  asksForLog,
  readOnly,
  onDecide,
  onLog,
  onEdit,
  onDelete,
}: Props) {
  const facts = [
    INTERACTION_KIND_LABELS[event.kind],
    event.organiser,
    event.cost === null ? '' : `Cost ${costFormat.format(event.cost)}`,
    formatDuration(event.expectedMinutes),
  ].filter(Boolean);
  return (
    <Paper component="article" aria-label={event.title} withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" c="dimmed">
              {formatEventDate(event.date)}
            </Text>
            <Text fw={600}>{event.title}</Text>
            <Text size="sm" c="dimmed">
              {facts.join(' · ')}
            </Text>
          </Stack>
          <Badge color={DECISION_COLORS[event.decision]} variant="light" title="Decision">
            {DECISION_LABELS[event.decision]}
          </Badge>
        </Group>
        {logged ? (
          <Comparison event={event} logged={logged} />
        ) : (
          <Text size="sm">
            Expected relevance: <strong>{event.expectedRelevance ?? 'unsure'}</strong>
          </Text>
        )}
        {goals.length > 0 && (
          <Text size="sm" lineClamp={2}>
            <Text span c="dimmed" size="sm">
              {goals.length === 1 ? 'Goal:' : 'Goals:'}
            </Text>{' '}
            {goals.join(' · ')}
          </Text>
        )}
        {event.decisionReason && (
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              Reason:
            </Text>{' '}
            {event.decisionReason}
          </Text>
        )}
        {event.researchNotes && (
          <Text size="sm" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
            {event.researchNotes}
          </Text>
        )}
        {!readOnly && (
          <Group gap="xs" justify="space-between">
            <Group gap="xs">
              {asksForLog && (
                <>
                  <Text size="sm" fw={500}>
                    How was it?
                  </Text>
                  <Button
                    size="compact-sm"
                    leftSection={<IconNotebook size={14} />}
                    onClick={() => onLog(event)}
                  >
                    Log it
                  </Button>
                </>
              )}
              {!logged && event.decision !== 'go' && (
                <Button size="compact-sm" variant="light" onClick={() => onDecide(event, 'go')}>
                  Go
                </Button>
              )}
              {!logged && event.decision !== 'skip' && (
                <Button
                  size="compact-sm"
                  variant="light"
                  color="gray"
                  onClick={() => onDecide(event, 'skip')}
                >
                  Skip
                </Button>
              )}
            </Group>
            <Group gap="xs">
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconPencil size={14} />}
                onClick={() => onEdit(event)}
              >
                Edit
              </Button>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={() => onDelete(event)}
              >
                Delete
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** Expected and actual relevance side by side, and the difference. */
function Comparison({ event, logged }: { event: PlannedEvent; logged: Interaction }) {
  const expected = event.expectedRelevance;
  const actual = logged.relevance;
  return (
    <Group gap="lg" role="group" aria-label="Expected and actual relevance">
      <Text size="sm">
        Expected: <strong>{expected ?? 'unsure'}</strong>
      </Text>
      <Text size="sm">
        Actual: <strong>{actual ?? 'not rated'}</strong>
      </Text>
      {expected !== null && actual !== null ? (
        <Text size="sm" fw={600}>
          Difference: {formatDifference(actual - expected)}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          Logged as “{logged.title}”{actual === null ? '; rate it in the journal to compare.' : '.'}
        </Text>
      )}
    </Group>
  );
}
