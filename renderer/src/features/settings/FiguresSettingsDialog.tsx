import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { DEFAULT_ANALYTICS_SETTINGS, type AnalyticsSettings } from '../../../../shared/analytics';
import type { Relevance } from '../../../../shared/domain';
import { useJournal, useJournalSnapshot } from '../../app/journalContext';
import { messageOf } from '../../ui/errors';
import { NotSavedAlert } from '../../ui/recordErrors';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Props {
  readonly opened: boolean;
  readonly onClose: () => void;
}

/** "Figures and suggestions…": the bands, the first day of the week and the suggestion thresholds. */
export function FiguresSettingsDialog({ opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Figures and suggestions" size="lg">
      {opened && <SettingsForm onDone={onClose} />}
    </Modal>
  );
}

const ratingOptions = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => String(from + index));

function SettingsForm({ onDone }: { onDone: () => void }) {
  const journal = useJournal();
  const stored = useJournalSnapshot().analyticsSettings;
  const [draft, setDraft] = useState<AnalyticsSettings>(stored);
  const [error, setError] = useState<string | null>(null);
  const { bands, suggestions } = draft;
  const setSuggestion = (key: keyof AnalyticsSettings['suggestions'], value: number | string) =>
    setDraft({ ...draft, suggestions: { ...suggestions, [key]: Number(value) } });

  const save = () => {
    try {
      journal.setAnalyticsSettings(draft);
      onDone();
    } catch (cause) {
      setError(messageOf(cause));
    }
  };

  return (
    <Stack>
      <NotSavedAlert message={error} />
      <Title order={3} size="h5">
        Relevance bands
      </Title>
      <SimpleGrid cols={2}>
        <Select
          label="High relevance from"
          data={ratingOptions(2, 5)}
          value={String(bands.highFrom)}
          allowDeselect={false}
          onChange={(value) =>
            value &&
            setDraft({ ...draft, bands: { ...bands, highFrom: Number(value) as Relevance } })
          }
        />
        <Select
          label="Low relevance up to"
          data={ratingOptions(1, 4)}
          value={String(bands.lowUpTo)}
          allowDeselect={false}
          error={
            bands.lowUpTo >= bands.highFrom ? 'Low must end below where high starts.' : undefined
          }
          onChange={(value) =>
            value &&
            setDraft({ ...draft, bands: { ...bands, lowUpTo: Number(value) as Relevance } })
          }
        />
      </SimpleGrid>
      <Select
        label="Weeks start on"
        data={WEEKDAYS.map((label, day) => ({ value: String(day), label }))}
        value={String(draft.weekStartsOn)}
        allowDeselect={false}
        onChange={(value) =>
          value &&
          setDraft({ ...draft, weekStartsOn: Number(value) as AnalyticsSettings['weekStartsOn'] })
        }
      />
      <Title order={3} size="h5">
        Change suggestions
      </Title>
      <Text size="sm" c="dimmed">
        A source or kind is judged once it has taken enough time in the window; it is suggested for
        dropping when its relevance, weighted by time, is at or below the limit.
      </Text>
      <SimpleGrid cols={2}>
        <NumberInput
          label="Window (days back)"
          min={1}
          max={3660}
          allowDecimal={false}
          value={suggestions.windowDays}
          onChange={(value) => setSuggestion('windowDays', value)}
        />
        <NumberInput
          label="Judged from (hours)"
          min={0}
          step={0.5}
          decimalScale={2}
          value={suggestions.minMinutes / 60}
          onChange={(value) => setSuggestion('minMinutes', Math.round(Number(value) * 60))}
        />
        <NumberInput
          label="Drop at or below (relevance)"
          min={1}
          max={5}
          step={0.5}
          decimalScale={1}
          value={suggestions.dropAtOrBelow}
          onChange={(value) => setSuggestion('dropAtOrBelow', value)}
        />
        <NumberInput
          label="“Do more of” sources named"
          min={0}
          max={50}
          allowDecimal={false}
          value={suggestions.doMoreCount}
          onChange={(value) => setSuggestion('doMoreCount', value)}
        />
      </SimpleGrid>
      <Group justify="space-between">
        <Button variant="subtle" onClick={() => setDraft(DEFAULT_ANALYTICS_SETTINGS)}>
          Reset to defaults
        </Button>
        <Group>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button onClick={save}>Save</Button>
        </Group>
      </Group>
    </Stack>
  );
}
