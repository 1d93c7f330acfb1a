import { useMemo } from 'react';
import { useJournal, useJournalPart } from '../../app/journalContext';
import { IntroductionMatcher } from '../../../../shared/contacts';
import type { JournalDoc } from '../../../../shared/doc';

/** Contact id → name, and the name to show for one (also for a deleted contact). */
export function useContactNames() {
  const contacts = useJournalPart((snapshot) => snapshot.contacts);
  return useMemo(() => {
    const names = new Map(contacts.map((contact) => [contact.id, contact.name]));
    return (id: string) => names.get(id) ?? 'a deleted contact';
  }, [contacts]);
}

/** One matcher per open journal, shared by its screens, so an edit recomputes only its part. */
const matchers = new WeakMap<JournalDoc, IntroductionMatcher>();

function matcherOf(journal: JournalDoc): IntroductionMatcher {
  let matcher = matchers.get(journal);
  if (!matcher) matchers.set(journal, (matcher = new IntroductionMatcher()));
  return matcher;
}

/** The introductions worth making now: not dismissed, not yet in the ledger. */
export function useIntroductionSuggestions() {
  const journal = useJournal();
  const contacts = useJournalPart((snapshot) => snapshot.contacts);
  const dismissedSuggestions = useJournalPart((snapshot) => snapshot.dismissedSuggestions);
  const introductions = useJournalPart((snapshot) => snapshot.introductions);
  return useMemo(
    () => matcherOf(journal).suggest(contacts, { dismissed: dismissedSuggestions, introductions }),
    [journal, contacts, dismissedSuggestions, introductions],
  );
}
