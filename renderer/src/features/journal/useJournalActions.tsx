import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo } from 'react';
import { sampleJournal, type InteractionId } from '../../../../shared/domain';
import { useJournal } from '../../app/journalContext';
import { viewerTimeZone } from '../../ui/format';
import { messageOf } from '../../ui/errors';

/** Journal commands that tell the person what happened and offer undo where it matters. */
export function useJournalActions() {
  const journal = useJournal();

  const undo = useCallback(() => {
    if (!journal.canUndo) {
      notifications.show({
        id: 'undo',
        message: 'Nothing to undo.',
        color: 'gray',
        autoClose: 2500,
      });
      return;
    }
    const done = journal.undo();
    notifications.show({
      id: 'undo',
      message: done ? 'Undone.' : 'Nothing to undo.',
      color: done ? 'indigo' : 'gray',
      autoClose: 2500,
    });
  }, [journal]);

  const redo = useCallback(() => {
    const done = journal.canRedo && journal.redo();
    notifications.show({
      id: 'undo',
      message: done ? 'Redone.' : 'Nothing to redo.',
      autoClose: 2500,
    });
  }, [journal]);

  const remove = useCallback(
    (id: InteractionId) => {
      const title = journal.get(id)?.title ?? 'The interaction';
      try {
        journal.deleteInteraction(id);
      } catch (error) {
        notifications.show({
          color: 'red',
          title: 'Not deleted',
          message: messageOf(error),
        });
        return;
      }
      showUndoNotice('Interaction deleted', `“${title}” was deleted.`, undo);
    },
    [journal, undo],
  );

  const loadSample = useCallback(() => {
    journal.loadSample(sampleJournal(new Date(), viewerTimeZone()));
  }, [journal]);

  const removeSample = useCallback(() => {
    const count = journal.removeSample();
    notifications.show({
      id: 'undo',
      message: `Removed ${count} sample interactions. Ctrl+Z (⌘Z) brings them back.`,
      autoClose: 6000,
    });
  }, [journal]);

  return useMemo(
    () => ({ undo, redo, remove, loadSample, removeSample }),
    [undo, redo, remove, loadSample, removeSample],
  );
}

/** A notice that something was removed or changed, with an Undo button (Ctrl/Cmd+Z works too). */
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
