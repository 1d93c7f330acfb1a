import type { JournalDoc } from '../../../../shared/doc';
import {
  planContactMerge,
  type ContactMergePlan,
  type NameGroup,
} from '../../../../shared/contacts';
import { EMPTY_CONTACT, type InteractionId } from '../../../../shared/domain';

/**
 * Turns names from earlier interactions into contacts in one undoable step: each group becomes
 * a contact (or joins the contact of that name) and its interactions link to it.
 * Returns how many contacts were created.
 */
export function turnNamesIntoContacts(journal: JournalDoc, groups: readonly NameGroup[]): number {
  let created = 0;
  journal.inOneStep(() => {
    // The snapshot changes only when the step ends, so links are gathered, then written once.
    const links = new Map<InteractionId, string[]>();
    for (const group of groups) {
      let contactId = group.contactId;
      if (contactId === null) {
        contactId = journal.addRecord('contacts', { ...EMPTY_CONTACT, name: group.name });
        created += 1;
      }
      for (const id of group.interactionIds) {
        const item = journal.get(id as InteractionId);
        if (!item) continue;
        const contactIds = links.get(item.id) ?? [...item.contactIds];
        if (!contactIds.includes(contactId)) contactIds.push(contactId);
        links.set(item.id, contactIds);
      }
    }
    for (const [id, contactIds] of links) journal.updateInteraction(id, { contactIds });
  });
  return created;
}

/** Merges the duplicate into the kept contact in one undoable step; returns the plan it ran. */
export function mergeContacts(
  journal: JournalDoc,
  keptId: string,
  duplicateId: string,
): ContactMergePlan {
  const snapshot = journal.getSnapshot();
  const kept = snapshot.contacts.find((contact) => contact.id === keptId);
  const duplicate = snapshot.contacts.find((contact) => contact.id === duplicateId);
  if (!kept || !duplicate || kept === duplicate) {
    throw new Error('Choose two different contacts that still exist.');
  }
  const plan = planContactMerge(kept, duplicate, snapshot.interactions, snapshot.introductions);
  journal.inOneStep(() => {
    journal.updateRecord('contacts', plan.keptId, plan.keptPatch);
    for (const { id, contactIds, people } of plan.interactionLinks) {
      journal.updateInteraction(id as InteractionId, { contactIds, ...(people && { people }) });
    }
    for (const { id, patch } of plan.introductionPatches) {
      journal.updateRecord('introductions', id, patch);
    }
    journal.deleteRecords('contacts', [plan.duplicateId]);
  });
  return plan;
}
