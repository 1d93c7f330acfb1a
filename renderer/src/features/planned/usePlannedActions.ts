import { notifications } from '@mantine/notifications';
import { useCallback, useMemo } from 'react';
import type { InteractionId, PlannedEvent } from '../../../../shared/domain';
import { useJournal } from '../../app/journalContext';
import { messageOf } from '../../ui/errors';
import { showUndoNotice } from '../../ui/undoNotice';
import { useJournalActions } from '../journal/useJournalActions';
import type { ChosenDecision } from './DecisionPrompt';

/** Planned-event commands that tell the person what happened, with undo for deletes. */
export function usePlannedActions() {
  const journal = useJournal();
  const { undo } = useJournalActions();

  const failed = useCallback((title: string, error: unknown) => {
    notifications.show({ color: 'red', title, message: messageOf(error) });
  }, []);

  const decide = useCallback(
    (event: PlannedEvent, decision: ChosenDecision, reason: string) => {
      try {
        journal.updateRecord('plannedEvents', event.id, {
          decision,
          decisionReason: reason.trim(),
        });
      } catch (error) {
        failed('Decision not saved', error);
        return false;
      }
      notifications.show({
        message:
          decision === 'skip'
            ? `Skipping “${event.title}”: its time is kept for better use.`
            : `Going to “${event.title}”.`,
        autoClose: 2500,
      });
      return true;
    },
    [journal, failed],
  );

  /** Links the interaction just logged to the event (an undecided event was attended: go). */
  const link = useCallback(
    (event: PlannedEvent, interactionId: InteractionId) => {
      try {
        journal.updateRecord('plannedEvents', event.id, {
          interactionId,
          ...(event.decision === 'undecided' ? { decision: 'go' as const } : {}),
        });
      } catch (error) {
        failed('Logged, but not linked to the planned event', error);
      }
    },
    [journal, failed],
  );

  const remove = useCallback(
    (event: PlannedEvent) => {
      try {
        journal.deleteRecords('plannedEvents', [event.id]);
      } catch (error) {
        failed('Not deleted', error);
        return;
      }
      showUndoNotice('Planned event deleted', `“${event.title}” was deleted.`, undo);
    },
    [journal, undo, failed],
  );

  return useMemo(() => ({ decide, link, remove }), [decide, link, remove]);
}
