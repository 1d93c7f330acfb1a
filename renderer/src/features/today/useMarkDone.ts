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

/** What a change of a follow-up says: its notice, and the title of the error if refused. */
interface ChangeWords {
  readonly title: string;
  readonly message: string;
  readonly refused: string;
}

/** Changes a follow-up's source (an interaction or a contact), with a notice that offers undo. */
function useChangeFollowUp() {
  const journal = useJournal();
  const { undo } = useJournalActions();
  return useCallback(
    (item: FollowUp, patch: FollowUpPatch, words: ChangeWords) => {
      try {
        if (item.source.kind === 'interaction') {
          journal.updateInteraction(asInteractionId(item.source.id), patch);
        } else {
          journal.updateRecord('contacts', item.source.id, patch);
        }
      } catch (error) {
        notifications.show({ color: 'red', title: words.refused, message: messageOf(error) });
        return false;
      }
      showUndoNotice(words.title, words.message, undo);
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
      change(
        item,
        { nextStepDone: localDateOf(today) },
        {
          title: 'Follow-up done',
          message: `“${item.text}” is done.`,
          refused: 'Not marked done',
        },
      ),
    [change, today],
  );
}

/** Puts a follow-up off to `day` (its due day), with a notice that offers undo. */
export function useReschedule(): (item: FollowUp, day: DayNumber) => boolean {
  const change = useChangeFollowUp();
  return useCallback(
    (item: FollowUp, day: DayNumber) =>
      change(
        item,
        { nextStepDue: localDateOf(day) },
        {
          title: 'Follow-up moved',
          message: `“${item.text}” is due ${dayLabel(day)}.`,
          refused: 'Not moved',
        },
      ),
    [change],
  );
}
