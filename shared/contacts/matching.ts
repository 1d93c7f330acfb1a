import type { Contact, Introduction } from '../domain';
import { keywordsOf, normalisePhrase } from './words';

/** Where an offering contact's matching words come from, strongest first. */
export type MatchSource = 'offer' | 'role' | 'tag' | 'organisation';

/** "Introduce these two": one contact's need meets what another contact offers or is. */
export interface IntroductionSuggestion {
  /** Stable across devices and runs: `intro:<needContactId>:<offerContactId>:<normalised need>`. */
  readonly key: string;
  readonly needContactId: string;
  readonly offerContactId: string;
  /** The need as written. */
  readonly need: string;
  /** The offer, role, tag or organisation that matched, as written. */
  readonly offer: string;
  readonly source: MatchSource;
  /** Why, in words: "Rosa Delgado offers “…”; Tom Alvarez needs “…”". */
  readonly reason: string;
}

/** Suggestions to leave out: dismissed ones and those already in the introductions ledger. */
export interface MatchExclusions {
  readonly dismissed?: ReadonlySet<string>;
  readonly introductions?: readonly Introduction[];
}

/** The key a suggestion is dismissed or recorded under. */
export function suggestionKeyOf(needContactId: string, offerContactId: string, need: string) {
  return `intro:${needContactId}:${offerContactId}:${normalisePhrase(need)}`;
}

/** What one contact offers, as phrases with their keywords (computed once per contact object). */
interface Offering {
  readonly source: MatchSource;
  readonly text: string;
  readonly keywords: readonly string[];
}

interface ContactWords {
  readonly offerings: readonly Offering[];
  readonly needs: readonly { readonly text: string; readonly keywords: readonly string[] }[];
}

const SOURCE_RANK: Record<MatchSource, number> = { offer: 0, role: 1, tag: 2, organisation: 3 };
const wordsCache = new WeakMap<Contact, ContactWords>();

function wordsOf(contact: Contact): ContactWords {
  let words = wordsCache.get(contact);
  if (!words) {
    const offering = (source: MatchSource, text: string): Offering => ({
      source,
      text,
      keywords: keywordsOf(text),
    });
    words = {
      offerings: [
        ...contact.offers.map((text) => offering('offer', text)),
        ...(contact.role ? [offering('role', contact.role)] : []),
        ...contact.tags.map((text) => offering('tag', text)),
        ...(contact.organisation ? [offering('organisation', contact.organisation)] : []),
      ].filter((item) => item.keywords.length > 0),
      needs: contact.needs
        .map((text) => ({ text, keywords: keywordsOf(text) }))
        .filter((need) => need.keywords.length > 0),
    };
    wordsCache.set(contact, words);
  }
  return words;
}

/** A posting: offering number `offering` of contact number `contact`. */
interface Posting {
  readonly contact: number;
  readonly offering: number;
}

/** Keyword → every offering that has it; built once per contacts array. */
const indexCache = new WeakMap<readonly Contact[], Map<string, Posting[]>>();

function offerIndexOf(contacts: readonly Contact[]): Map<string, Posting[]> {
  let index = indexCache.get(contacts);
  if (!index) {
    index = new Map();
    for (let contact = 0; contact < contacts.length; contact += 1) {
      const { offerings } = wordsOf(contacts[contact] as Contact);
      for (let offering = 0; offering < offerings.length; offering += 1) {
        for (const keyword of (offerings[offering] as Offering).keywords) {
          let postings = index.get(keyword);
          if (!postings) index.set(keyword, (postings = []));
          postings.push({ contact, offering });
        }
      }
    }
    indexCache.set(contacts, index);
  }
  return index;
}

/**
 * How many of a need's keywords must appear in one offering: all of one or two, and at least
 * 60% of longer needs (three of four, two of three), so "a plant manager" meets "plant
 * management experience" but not "plant-based recipes".
 */
export function wordsNeeded(needKeywords: number): number {
  return needKeywords <= 2 ? needKeywords : Math.ceil(needKeywords * 0.6);
}

function reasonOf(need: Contact, offer: Contact, needText: string, match: Offering): string {
  const who = offer.name;
  const what =
    match.source === 'offer'
      ? `${who} offers “${match.text}”`
      : match.source === 'role'
        ? `${who}’s role is “${match.text}”`
        : match.source === 'tag'
          ? `${who} is tagged “${match.text}”`
          : `${who} is at “${match.text}”`;
  const needer = need.organisation ? `${need.name} (${need.organisation})` : need.name;
  return `${what}; ${needer} needs “${needText}”`;
}

/** Suggestions for one contact's needs against the index: the best offering per other contact. */
function matchesFor(
  contacts: readonly Contact[],
  index: Map<string, Posting[]>,
  needIndex: number,
): IntroductionSuggestion[] {
  const needContact = contacts[needIndex] as Contact;
  const found: IntroductionSuggestion[] = [];
  for (const need of wordsOf(needContact).needs) {
    // contact × 64 + offering → keywords shared (a contact has at most 62 offerings:
    // 30 offers, 30 tags, a role and an organisation).
    const counts = new Map<number, number>();
    for (const keyword of need.keywords) {
      for (const posting of index.get(keyword) ?? []) {
        if (posting.contact === needIndex) continue;
        const slot = posting.contact * 64 + posting.offering;
        counts.set(slot, (counts.get(slot) ?? 0) + 1);
      }
    }
    const required = wordsNeeded(need.keywords.length);
    const best = new Map<number, { offering: Offering; shared: number }>();
    for (const [slot, shared] of counts) {
      if (shared < required) continue;
      const contact = Math.floor(slot / 64);
      const offering = wordsOf(contacts[contact] as Contact).offerings[slot % 64] as Offering;
      const current = best.get(contact);
      if (!current || isBetter(offering, shared, current.offering, current.shared)) {
        best.set(contact, { offering, shared });
      }
    }
    for (const [contact, { offering }] of best) {
      const offerContact = contacts[contact] as Contact;
      found.push({
        key: suggestionKeyOf(needContact.id, offerContact.id, need.text),
        needContactId: needContact.id,
        offerContactId: offerContact.id,
        need: need.text,
        offer: offering.text,
        source: offering.source,
        reason: reasonOf(needContact, offerContact, need.text, offering),
      });
    }
  }
  return found;
}

function isBetter(a: Offering, sharedA: number, b: Offering, sharedB: number): boolean {
  const coverage = sharedA / a.keywords.length - sharedB / b.keywords.length;
  if (sharedA !== sharedB) return sharedA > sharedB;
  if (SOURCE_RANK[a.source] !== SOURCE_RANK[b.source]) {
    return SOURCE_RANK[a.source] < SOURCE_RANK[b.source];
  }
  if (coverage !== 0) return coverage > 0;
  return a.text < b.text;
}

const allCache = new WeakMap<readonly Contact[], readonly IntroductionSuggestion[]>();

/**
 * Every introduction worth making: each contact's need against every other contact's offers,
 * role, tags and organisation, through an inverted index (never pair by pair). Ordered by the
 * needing contact's place in `contacts` (the snapshot's by-name order), then need, then the
 * offering contact's name and id, so the same journal always gives the same list.
 */
export function matchNeedsAndOffers(
  contacts: readonly Contact[],
  exclusions: MatchExclusions = {},
): IntroductionSuggestion[] {
  let all = allCache.get(contacts);
  if (!all) {
    const index = offerIndexOf(contacts);
    const found: IntroductionSuggestion[] = [];
    const names = new Map(contacts.map((contact) => [contact.id, contact.name]));
    for (let needIndex = 0; needIndex < contacts.length; needIndex += 1) {
      const mine = matchesFor(contacts, index, needIndex);
      mine.sort(
        (a, b) =>
          compare(a.need, b.need) ||
          compare(names.get(a.offerContactId) ?? '', names.get(b.offerContactId) ?? '') ||
          compare(a.offerContactId, b.offerContactId),
      );
      found.push(...mine);
    }
    all = found;
    allCache.set(contacts, all);
  }
  const recorded = new Set(
    (exclusions.introductions ?? []).flatMap((intro) => [
      intro.suggestionKey ?? '',
      suggestionKeyOf(intro.needContactId, intro.offerContactId, intro.need),
    ]),
  );
  const dismissed = exclusions.dismissed;
  return all.filter((item) => !recorded.has(item.key) && !dismissed?.has(item.key));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The suggestions one contact is part of, on either side. */
export function suggestionsFor(
  suggestions: readonly IntroductionSuggestion[],
  contactId: string,
): IntroductionSuggestion[] {
  return suggestions.filter(
    (item) => item.needContactId === contactId || item.offerContactId === contactId,
  );
}
