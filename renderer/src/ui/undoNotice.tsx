import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

/** A notice of what was just changed, with an Undo button (the journal's undo). */
export function showUndoNotice(title: string, message: string, undo: () => void): void {
  notifications.show({
    id: 'undo',
    title,
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          flex="none"
          onClick={() => {
            notifications.hide('undo');
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
