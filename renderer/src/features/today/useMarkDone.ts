import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { localDateOf, type DayNumber } from '../../../../shared/analytics';
import { asInteractionId } from '../../../../shared/domain';
import type { FollowUp } from '../../../../shared/followUps';
import { useJournal } from '../../app/journalContext';
import { messageOf } from '../../ui/errors';
import { showUndoNotice } from '../../ui/undoNotice';
import { dayLabel } from '../../../../shared/report';
import { useJournalActions } from '../journal/useJournalActions';

type FollowUpPatch = { nextStepDone: string } | { nextStepDue: string };

/** Changes a follow-up's source (an interaction or a contact), with a notice that offers undo. */
function useChangeFollowUp() {
  const journal = useJournal();
  const { undo } = useJournalActions();
  return useCallback(
    (item: FollowUp, patch: FollowUpPatch, refused: string, done: [string, string]) => {
      try {
        if (item.source.kind === 'interaction') {
          journal.updateInteraction(asInteractionId(item.source.id), patch);
        } else {
          journal.updateRecord('contacts', item.source.id, patch);
        }
      } catch (error) {
        notifications.show({ color: 'red', title: refused, message: messageOf(error) });
        return false;
      }
      showUndoNotice(done[0], done[1], undo);
      return true;
    },
    [journal, undo],
  );
}

/** Marks a follow-up done today, with a notice that offers undo (the journal's undo). */
export function useMarkDone(today: DayNumber): (item: FollowUp) => boolean {
  const change = useChangeFollowUp();
  return useCallback(
    (item: FollowUp) =>
      change(item, { nextStepDone: localDateOf(today) }, 'Not marked done', [
        'Follow-up done',
        `“${item.text}” is done.`,
      ]),
    [change, today],
  );
}

/** Puts a follow-up off to `day` (its due day), with a notice that offers undo. */
export function useReschedule(): (item: FollowUp, day: DayNumber) => boolean {
  const change = useChangeFollowUp();
  return useCallback(
    (item: FollowUp, day: DayNumber) =>
      change(item, { nextStepDue: localDateOf(day) }, 'Not moved', [
        'Follow-up moved',
        `“${item.text}” is due ${dayLabel(day)}.`,
      ]),
    [change],
  );
}
