import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { localDateOf, type DayNumber } from '../../../../shared/analytics';
import { asInteractionId } from '../../../../shared/domain';
import type { FollowUp } from '../../../../shared/followUps';
import { useJournal } from '../../app/journalContext';
import { messageOf } from '../../ui/errors';
import { showUndoNotice } from '../../ui/undoNotice';
import { useJournalActions } from '../journal/useJournalActions';

/** Marks a follow-up done today, with a notice that offers undo (the journal's undo). */
export function useMarkDone(today: DayNumber): (item: FollowUp) => boolean {
  const journal = useJournal();
  const { undo } = useJournalActions();
  return useCallback(
    (item: FollowUp) => {
      const nextStepDone = localDateOf(today);
      try {
        if (item.source.kind === 'interaction') {
          journal.updateInteraction(asInteractionId(item.source.id), { nextStepDone });
        } else {
          journal.updateRecord('contacts', item.source.id, { nextStepDone });
        }
      } catch (error) {
        notifications.show({ color: 'red', title: 'Not marked done', message: messageOf(error) });
        return false;
      }
      showUndoNotice('Follow-up done', `“${item.text}” is done.`, undo);
      return true;
    },
    [journal, undo, today],
  );
}
