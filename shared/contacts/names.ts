import type {
  Contact,
  ContactFields,
  Interaction,
  Introduction,
  IntroductionFields,
} from '../domain';
import { normalisePhrase } from './words';

/** One person's name as it appears in interactions, with its spellings folded together. */
export interface NameGroup {
  /** The name in lowercase without accents: "rosa delgado". */
  readonly key: string;
  /** The spelling to use: the most frequent one (ties: the first alphabetically). */
  readonly name: string;
  /** Every spelling with how many interactions use it, most used first. */
  readonly spellings: readonly { readonly name: string; readonly count: number }[];
  /** The interactions that name this person without linking a contact for them, newest first. */
  readonly interactionIds: readonly string[];
  /** A contact of the same name to link them to instead of creating one, or null. */
  readonly contactId: string | null;
}

/**
 * The names in earlier interactions that are not yet contacts, grouped case- and
 * accent-insensitively (so "Rosa Delgado" and "rosa delgádo" are one person to create once),
 * most interactions first, then by name.
 */
export function namesToContacts(
  interactions: readonly Interaction[],
  contacts: readonly Contact[],
): NameGroup[] {
  const contactByKey = new Map<string, Contact>();
  for (const contact of contacts) {
    const key = normalisePhrase(contact.name);
    if (!contactByKey.has(key)) contactByKey.set(key, contact);
  }
  const namesOfContact = new Map(
    contacts.map((contact) => [contact.id, normalisePhrase(contact.name)]),
  );
  const groups = new Map<string, { spellings: Map<string, number>; ids: string[] }>();
  for (const item of interactions) {
    const linked = new Set(item.contactIds.map((id) => namesOfContact.get(id)));
    for (const name of new Set(item.people)) {
      const key = normalisePhrase(name);
      if (key === '' || linked.has(key)) continue;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { spellings: new Map(), ids: [] }));
      group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1);
      if (group.ids[group.ids.length - 1] !== item.id) group.ids.push(item.id);
    }
  }
  return [...groups]
    .map(([key, group]) => {
      const spellings = [...group.spellings]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return {
        key,
        name: (spellings[0] as { name: string }).name,
        spellings,
        interactionIds: group.ids,
        contactId: contactByKey.get(key)?.id ?? null,
      };
    })
    .sort(
      (a, b) =>
        b.interactionIds.length - a.interactionIds.length ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
}

/** The writes that merge `duplicate` into `kept`: every link moves, then the duplicate goes. */
export interface ContactMergePlan {
  readonly keptId: string;
  readonly duplicateId: string;
  /** The kept contact's fields after the merge (lists joined, empty fields filled). */
  readonly keptPatch: Partial<ContactFields>;
  readonly interactionLinks: readonly {
    readonly id: string;
    readonly contactIds: string[];
    /** The names met, when the duplicate's name gives way to the kept contact's. */
    readonly people?: string[];
  }[];
  readonly introductionPatches: readonly {
    readonly id: string;
    readonly patch: Partial<IntroductionFields>;
  }[];
}

const union = (a: readonly string[], b: readonly string[]) => {
  const seen = new Set(a.map((item) => item.toLowerCase()));
  return [...a, ...b.filter((item) => !seen.has(item.toLowerCase()))];
};
const either = (a: string, b: string) => (a.trim() !== '' ? a : b);

/** `people` with `from` (case and accents aside) written as `to`, each name once. */
function renamed(people: readonly string[], from: string, to: string): string[] {
  const seen = new Set<string>();
  return people.flatMap((name) => {
    const next = normalisePhrase(name) === from ? to : name;
    const key = normalisePhrase(next);
    if (seen.has(key)) return [];
    seen.add(key);
    return [next];
  });
}

/**
 * Plans merging two contacts who are one person. Interactions linked to the duplicate link to
 * the kept contact (once) and name it by the kept name (so the link holds when the names met
 * are edited, and the old name is not offered as a new contact); introductions point to it;
 * needs, offers and tags are joined; empty fields take the duplicate's value; notes are kept
 * from both.
 */
export function planContactMerge(
  kept: Contact,
  duplicate: Contact,
  interactions: readonly Interaction[],
  introductions: readonly Introduction[] = [],
): ContactMergePlan {
  const duplicateKey = normalisePhrase(duplicate.name);
  const renames = duplicateKey !== normalisePhrase(kept.name);
  const interactionLinks = interactions
    .filter((item) => item.contactIds.includes(duplicate.id))
    .map((item) => ({
      id: item.id,
      contactIds: [...new Set(item.contactIds.map((id) => (id === duplicate.id ? kept.id : id)))],
      ...(renames && item.people.some((name) => normalisePhrase(name) === duplicateKey)
        ? { people: renamed(item.people, duplicateKey, kept.name) }
        : {}),
    }));
  const introductionPatches = introductions.flatMap((intro) => {
    const patch: Partial<IntroductionFields> = {};
    if (intro.needContactId === duplicate.id) patch.needContactId = kept.id;
    if (intro.offerContactId === duplicate.id) patch.offerContactId = kept.id;
    const needId = patch.needContactId ?? intro.needContactId;
    const offerId = patch.offerContactId ?? intro.offerContactId;
    // An introduction between the two halves of one person says nothing: it stays as it was.
    return Object.keys(patch).length === 0 || needId === offerId ? [] : [{ id: intro.id, patch }];
  });
  const notes = [kept.notes, duplicate.notes].filter((note) => note.trim() !== '').join('\n\n');
  return {
    keptId: kept.id,
    duplicateId: duplicate.id,
    keptPatch: {
      organisation: either(kept.organisation, duplicate.organisation),
      role: either(kept.role, duplicate.role),
      metHow: either(kept.metHow, duplicate.metHow),
      tags: union(kept.tags, duplicate.tags),
      needs: union(kept.needs, duplicate.needs),
      offers: union(kept.offers, duplicate.offers),
      notes,
      ...(kept.nextStep.trim() === '' && duplicate.nextStep.trim() !== ''
        ? {
            nextStep: duplicate.nextStep,
            nextStepDue: duplicate.nextStepDue,
            nextStepDone: duplicate.nextStepDone,
          }
        : {}),
    },
    interactionLinks,
    introductionPatches,
  };
}

/**
 * The contacts an interaction links, given the names met: links already made are kept while
 * that contact's name is still among them (or the contact is gone, so undoing its deletion
 * finds it linked); each other name links the first contact of that name, case and accents aside.
 */
export function contactIdsFor(
  people: readonly string[],
  contacts: readonly Contact[],
  previous: readonly string[] = [],
): string[] {
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const byKey = new Map<string, string>();
  for (const contact of contacts) {
    const key = normalisePhrase(contact.name);
    if (!byKey.has(key)) byKey.set(key, contact.id);
  }
  const names = new Set(people.map(normalisePhrase));
  const linked = new Set<string>();
  const ids: string[] = [];
  for (const id of previous) {
    const contact = byId.get(id);
    if (contact && !names.has(normalisePhrase(contact.name))) continue;
    if (contact) linked.add(normalisePhrase(contact.name));
    ids.push(id);
  }
  for (const name of names) {
    const id = byKey.get(name);
    if (id !== undefined && !linked.has(name) && !ids.includes(id)) {
      linked.add(name);
      ids.push(id);
    }
  }
  return ids;
}
