import { Button, Group, Text } from '@mantine/core';
import { showLatestNotice, hideNotice } from './notices';

/** A notice of what was just changed, with an Undo button (the journal's undo). */
export function showUndoNotice(title: string, message: string, undo: () => void): void {
  showLatestNotice('undo', {
    title,
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          flex="none"
          onClick={() => {
            hideNotice('undo');
            undo();
          }}
        >
          Undo
        </Button>
      </Group>
    ),
    autoClose: 8000,
  });
}
