import { notifications } from '@mantine/notifications';
import { showLatestNotice } from '../../ui/notices';
import { useCallback, useMemo } from 'react';
import { sampleJournal, type InteractionId } from '../../../../shared/domain';
import { useJournal } from '../../app/journalContext';
import { viewerTimeZone } from '../../ui/format';
import { messageOf } from '../../ui/errors';
import { showUndoNotice } from '../../ui/undoNotice';

/** Journal commands that tell the person what happened and offer undo where it matters. */
export function useJournalActions() {
  const journal = useJournal();

  const undo = useCallback(() => {
    if (!journal.canUndo) {
      showLatestNotice('undo', { message: 'Nothing to undo.', color: 'gray', autoClose: 2500 });
      return;
    }
    const done = journal.undo();
    showLatestNotice('undo', {
      message: done ? 'Undone.' : 'Nothing to undo.',
      color: done ? 'indigo' : 'gray',
      autoClose: 2500,
    });
  }, [journal]);

  const redo = useCallback(() => {
    const done = journal.canRedo && journal.redo();
    showLatestNotice('undo', { message: done ? 'Redone.' : 'Nothing to redo.', autoClose: 2500 });
  }, [journal]);

  /** Says what was deleted, with an Undo button (Ctrl/Cmd+Z works too). */
  const notifyDeleted = useCallback(
    (title: string, message: string) => showUndoNotice(title, message, undo),
    [undo],
  );

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
      notifyDeleted('Interaction deleted', `“${title}” was deleted.`);
    },
    [journal, notifyDeleted],
  );

  const loadSample = useCallback(() => {
    journal.loadSample(sampleJournal(new Date(), viewerTimeZone()));
  }, [journal]);

  const removeSample = useCallback(() => {
    const count = journal.removeSample();
    showLatestNotice('undo', {
      message: `Removed ${count} sample interactions. Ctrl+Z (⌘Z) brings them back.`,
      autoClose: 6000,
    });
  }, [journal]);

  return useMemo(
    () => ({ undo, redo, remove, notifyDeleted, loadSample, removeSample }),
    [undo, redo, remove, notifyDeleted, loadSample, removeSample],
  );
}
