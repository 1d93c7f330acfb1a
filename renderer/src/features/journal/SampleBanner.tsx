import { Alert, Button, Group, Text } from '@mantine/core';

/** Marks the sample journal clearly and removes it in one step. */
export function SampleBanner({ onRemove }: { onRemove: () => void }) {
  return (
    <Alert color="yellow" variant="light" title="You are looking at a sample journal">
      <Group justify="space-between">
        <Text size="sm">
          Entries marked “Sample” are made up, to show how Relevant works. Your own entries stay
          when you remove them.
        </Text>
        <Button size="xs" color="yellow" variant="filled" onClick={onRemove}>
          Remove sample journal
        </Button>
      </Group>
    </Alert>
  );
}
