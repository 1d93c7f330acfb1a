import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

/** Tells the person something was deleted, with an Undo button (Ctrl/Cmd+Z works too). */
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
