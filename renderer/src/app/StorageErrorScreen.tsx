import { Alert, Button, Center, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { BackupsDialog } from '../features/settings/BackupsDialog';

interface Props {
  error: Error;
  onRetry: () => void;
  onRestore: (id: string) => Promise<void>;
}

/** Shown instead of the journal when its storage cannot be opened: why, and what can be done. */
export function StorageErrorScreen({ error, onRetry, onRestore }: Props) {
  const [backupsOpen, setBackupsOpen] = useState(false);
  return (
    <Center h="100vh" p="md">
      <Stack maw={560}>
        <Title order={1} size="h2">
          Your journal could not be opened
        </Title>
        <Alert color="red" role="alert" title="What happened">
          {error.message}
        </Alert>
        <Text>
          Nothing has been changed or deleted. Relevant will not start an empty journal in its
          place.
        </Text>
        <Group>
          <Button onClick={onRetry}>Try again</Button>
          <Button variant="default" onClick={() => setBackupsOpen(true)}>
            Restore from backup…
          </Button>
        </Group>
      </Stack>
      <BackupsDialog
        opened={backupsOpen}
        onClose={() => setBackupsOpen(false)}
        onRestore={onRestore}
      />
    </Center>
  );
}
