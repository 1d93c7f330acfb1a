import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { IntroductionSuggestion } from '../../../../shared/contacts';
import { IntroductionFormModal } from './IntroductionFormModal';
import { todayKey, useContactActions } from './useContactActions';
import { useContactNames } from './useContactNames';

interface Props {
  suggestions: readonly IntroductionSuggestion[];
  /** Shown when there is none. */
  emptyText: string;
}

/** "Connecting the dots": who could help whom, each to record once made or to dismiss. */
export function SuggestedIntroductions({ suggestions, emptyText }: Props) {
  const { dismiss, saveIntroduction } = useContactActions();
  const nameOf = useContactNames();
  const [recording, setRecording] = useState<IntroductionSuggestion | null>(null);
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
