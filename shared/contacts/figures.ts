import type { Contact, Interaction } from '../domain';

/** A follow-up still open with a contact: their own next step, or one of an interaction's. */
export interface OpenFollowUp {
  readonly text: string;
  /** YYYY-MM-DD, or null when undated. */
  readonly due: string | null;
  /** The interaction it belongs to; null for the contact's own next step. */
  readonly interactionId: string | null;
}

/** What a contact page shows about the time spent with someone. */
export interface ContactFigures {
  /** The interactions linked to the contact, newest first. */
  readonly interactions: readonly Interaction[];
  readonly totalMinutes: number;
  /** Σ(rating × minutes) / Σ minutes over rated interactions; null when none is rated. */
  readonly weightedRelevance: number | null;
  /** When they last met (the latest start, an ISO instant), or null if never logged. */
  readonly lastContact: string | null;
  /** Open follow-ups, undated last, then by due day. */
  readonly openFollowUps: readonly OpenFollowUp[];
}

/**
 * The figures of one contact over the interactions linked to it by `contactIds`. Names in
 * `people` that were never turned into this contact count for nothing here.
 */
export function contactFigures(
  contact: Contact,
  interactions: readonly Interaction[],
): ContactFigures {
  const linked = interactions.filter((item) => item.contactIds.includes(contact.id));
  let totalMinutes = 0;
  let ratedMinutes = 0;
  let ratedWeight = 0;
  let lastContact: string | null = null;
  const openFollowUps: OpenFollowUp[] = [];
  if (contact.nextStep.trim() !== '' && contact.nextStepDone === null) {
    openFollowUps.push({ text: contact.nextStep, due: contact.nextStepDue, interactionId: null });
  }
  for (const item of linked) {
    totalMinutes += item.durationMinutes;
    if (item.relevance !== null) {
      ratedMinutes += item.durationMinutes;
      ratedWeight += item.relevance * item.durationMinutes;
    }
    if (lastContact === null || item.startedAt > lastContact) lastContact = item.startedAt;
    if (item.nextStep.trim() !== '' && item.nextStepDone === null) {
      openFollowUps.push({ text: item.nextStep, due: item.nextStepDue, interactionId: item.id });
    }
  }
  openFollowUps.sort((a, b) =>
    a.due === b.due ? 0 : a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1,
  );
  return {
    interactions: linked,
    totalMinutes,
    weightedRelevance: ratedMinutes === 0 ? null : ratedWeight / ratedMinutes,
    lastContact,
    openFollowUps,
  };
}
