import { Button, Center, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconSparkles } from '@tabler/icons-react';

interface Props {
  onAdd: () => void;
  onLoadSample: () => void;
}

/** First run: the idea in two sentences, and two ways to begin. */
export function EmptyJournal({ onAdd, onLoadSample }: Props) {
  return (
    <Center py="xl">
      <Stack maw={560} align="center" ta="center" gap="md">
        <Title order={2}>Networking pays when it is relevant</Title>
        <Text>
          Log each event, coffee or call in a few seconds and rate how relevant it was to what you
          want. Relevant then shows where your networking hours go, so you can do more of what works
          and drop what doesn’t.
        </Text>
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={onAdd}>
            Log your first interaction
          </Button>
          <Button variant="default" leftSection={<IconSparkles size={16} />} onClick={onLoadSample}>
            Load a sample journal
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Tip: press <Kbd>N</Kbd> anywhere to log an interaction.
        </Text>
      </Stack>
    </Center>
  );
}
