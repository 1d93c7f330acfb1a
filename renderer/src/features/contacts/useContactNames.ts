import { useMemo } from 'react';
import { useJournalSnapshot } from '../../app/journalContext';
import { matchNeedsAndOffers } from '../../../../shared/contacts';

/** Contact id → name, and the name to show for one (also for a deleted contact). */
export function useContactNames() {
  const { contacts } = useJournalSnapshot();
  return useMemo(() => {
    const names = new Map(contacts.map((contact) => [contact.id, contact.name]));
    return (id: string) => names.get(id) ?? 'a deleted contact';
  }, [contacts]);
}

/** The introductions worth making now: not dismissed, not yet in the ledger. */
export function useIntroductionSuggestions() {
  const { contacts, dismissedSuggestions, introductions } = useJournalSnapshot();
  return useMemo(
    () => matchNeedsAndOffers(contacts, { dismissed: dismissedSuggestions, introductions }),
    [contacts, dismissedSuggestions, introductions],
  );
}
