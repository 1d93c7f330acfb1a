import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { IntroductionSuggestion } from '../../../../shared/contacts';
import { IntroductionFormModal } from './IntroductionFormModal';
import { todayKey, useContactActions } from './useContactActions';
import { useContactNames } from './useContactNames';

/** How many suggestions are shown at first, and how many more each "Show more" adds. */
const PAGE = 20;

interface Props {
  /** How many suggestions there are. */
  total: number;
  /** The first `limit` of them (there can be many thousands: they are read a page at a time). */
  firstOf: (limit: number) => readonly IntroductionSuggestion[];
  /** Shown when there is none. */
  emptyText: string;
}

/** "Connecting the dots": who could help whom, each to record once made or to dismiss. */
export function SuggestedIntroductions({ total, firstOf, emptyText }: Props) {
  const { dismiss, saveIntroduction } = useContactActions();
  const nameOf = useContactNames();
  const [recording, setRecording] = useState<IntroductionSuggestion | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const suggestions = useMemo(() => firstOf(limit), [firstOf, limit]);
  if (suggestions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {suggestions.map((suggestion) => {
        const between = `${nameOf(suggestion.offerContactId)} → ${nameOf(suggestion.needContactId)}`;
        return (
          <Paper
            key={suggestion.key}
            component="li"
            withBorder
            p="sm"
            radius="md"
            aria-label={`Introduce ${between}`}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Text fw={500}>Introduce {between}</Text>
                <Text size="sm" c="dimmed">
                  {suggestion.reason}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                <Button size="compact-sm" onClick={() => setRecording(suggestion)}>
                  Record
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => dismiss(suggestion)}>
                  Dismiss
                </Button>
              </Group>
            </Group>
          </Paper>
        );
      })}
      {total > suggestions.length && (
        <Group component="li" gap="sm">
          <Button variant="default" size="compact-sm" onClick={() => setLimit(limit + PAGE)}>
            Show {Math.min(PAGE, total - suggestions.length)} more
          </Button>
          <Text size="sm" c="dimmed">
            {suggestions.length.toLocaleString()} of {total.toLocaleString()} shown
          </Text>
        </Group>
      )}
      {recording && (
        <IntroductionFormModal
          id={null}
          between={`${nameOf(recording.offerContactId)} → ${nameOf(recording.needContactId)}`}
          initial={{
            date: todayKey(),
            direction: 'made',
            needContactId: recording.needContactId,
            offerContactId: recording.offerContactId,
            need: recording.need,
            offer: recording.offer,
            outcome: '',
            suggestionKey: recording.key,
          }}
          onClose={() => setRecording(null)}
          onSave={saveIntroduction}
        />
      )}
    </Stack>
  );
}
