import { notifications } from '@mantine/notifications';
import { useCallback, useMemo } from 'react';
import type { IntroductionSuggestion } from '../../../../shared/contacts';
import type { Contact, ContactFields, IntroductionFields } from '../../../../shared/domain';
import { useJournal } from '../../app/journalContext';
import { localDayKey } from '../../ui/format';
import { messageOf } from '../../ui/errors';
import { showUndoNotice } from '../../ui/undoNotice';
import { useJournalActions } from '../journal/useJournalActions';

/** Today as the person's calendar sees it (YYYY-MM-DD). */
export const todayKey = () => localDayKey(new Date().toISOString());

/** Contact and introduction commands; saving throws RecordValidationError for the form to show. */
export function useContactActions() {
  const journal = useJournal();
  const { undo } = useJournalActions();

  const undoNotice = useCallback(
    (title: string, message: string) => showUndoNotice(title, message, undo),
    [undo],
  );

  const saveContact = useCallback(
    (id: string | null, fields: ContactFields): string => {
      if (id === null) return journal.addRecord('contacts', fields);
      journal.updateRecord('contacts', id, fields);
      return id;
    },
    [journal],
  );

  const removeContact = useCallback(
    (contact: Contact) => {
      try {
        journal.deleteRecords('contacts', [contact.id]);
      } catch (error) {
        notifications.show({ color: 'red', title: 'Not deleted', message: messageOf(error) });
        return;
      }
      undoNotice('Contact deleted', `“${contact.name}” was deleted.`);
    },
    [journal, undoNotice],
  );

  const dismiss = useCallback(
    (suggestion: IntroductionSuggestion) => {
      try {
        journal.dismissSuggestion(suggestion.key, todayKey());
      } catch (error) {
        notifications.show({ color: 'red', title: 'Not dismissed', message: messageOf(error) });
        return;
      }
      undoNotice('Suggestion dismissed', 'It will not be suggested again.');
    },
    [journal, undoNotice],
  );

  const saveIntroduction = useCallback(
    (id: string | null, fields: IntroductionFields): string => {
      if (id === null) return journal.addRecord('introductions', fields);
      journal.updateRecord('introductions', id, fields);
      return id;
    },
    [journal],
  );

  return useMemo(
    () => ({ saveContact, removeContact, dismiss, saveIntroduction, undoNotice }),
    [saveContact, removeContact, dismiss, saveIntroduction, undoNotice],
  );
}
